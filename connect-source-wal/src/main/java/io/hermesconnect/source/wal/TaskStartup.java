package io.hermesconnect.source.wal;

import io.hermesconnect.source.wal.config.SnapshotMode;
import io.hermesconnect.source.wal.event.ChangeEmitter;
import io.hermesconnect.source.wal.event.RecordSink;
import io.hermesconnect.source.wal.offset.WalOffset;
import io.hermesconnect.source.wal.replication.PgCatalog;
import io.hermesconnect.source.wal.replication.PgCatalog.TableId;
import io.hermesconnect.source.wal.replication.SlotManager;
import io.hermesconnect.source.wal.snapshot.SnapshotReader;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, from the stored offset, the slot and {@code snapshot.mode}, what the task does before streaming:
 * create the slot, read (or finish reading) the snapshot, and where streaming starts.
 */
final class TaskStartup {

    private static final Logger LOG = LoggerFactory.getLogger(TaskStartup.class);
    /** {@link #run} returns this when the task must not stream (snapshot.mode=initial_only). */
    static final long NO_STREAMING = -1;

    private final SnapshotMode mode;
    private final SlotManager slots;
    private final SnapshotReader snapshot;
    private final ChangeEmitter emitter;
    private final RecordSink sink;
    private final WalSourceMetrics metrics;

    TaskStartup(SnapshotMode mode, SlotManager slots, SnapshotReader snapshot, ChangeEmitter emitter, RecordSink sink,
            WalSourceMetrics metrics) {
        this.mode = mode;
        this.slots = slots;
        this.snapshot = snapshot;
        this.emitter = emitter;
        this.sink = sink;
        this.metrics = metrics;
    }

    /**
     * @param offset the stored offset, or null on the first start
     * @return the LSN streaming starts from (0: the slot's confirmed position), or {@link #NO_STREAMING}
     */
    long run(WalOffset offset, List<TableId> tables) throws SQLException, InterruptedException {
        if (mode == SnapshotMode.INITIAL_ONLY) {
            // no slot: a snapshot that is never followed by streaming needs no consistent point
            snapshot(tables, offset == null ? Set.of() : offset.snapshotDone(), null, 0);
            return NO_STREAMING;
        }
        Optional<PgCatalog.Slot> slot = slots.find();
        if (offset == null) {
            return firstStart(slot, tables);
        }
        if (slot.isEmpty()) {
            return slotLost(offset, tables);
        }
        if (offset.snapshot()) {
            LOG.info("Resuming the snapshot: {} table(s) already done", offset.snapshotDone().size());
            snapshot(tables, offset.snapshotDone(), null, offset.lsn());
            return offset.lsn();
        }
        emitter.resumeAfter(offset.lsn(), offset.event());
        return offset.lsn();
    }

    private long firstStart(Optional<PgCatalog.Slot> slot, List<TableId> tables) throws SQLException, InterruptedException {
        if (mode == SnapshotMode.NEVER) {
            return slot.isPresent() ? 0 : slots.create();
        }
        if (slot.isPresent()) {
            // the slot outlived its offsets (e.g. a crash before the first commit): its export is gone, so read a
            // fresh snapshot; streaming from the slot's position then replays what changed since
            long lsn = slot.get().confirmedFlush();
            LOG.info("Slot '{}' exists without stored offsets: snapshot without an exported snapshot", slots.slotName());
            snapshot(tables, Set.of(), null, lsn);
            return lsn;
        }
        return snapshotWithNewSlot(tables);
    }

    private long slotLost(WalOffset offset, List<TableId> tables) throws SQLException, InterruptedException {
        if (mode == SnapshotMode.WHEN_NEEDED || offset.snapshot()) {
            LOG.warn("Slot '{}' no longer exists: taking a new snapshot", slots.slotName());
            return snapshotWithNewSlot(tables);
        }
        LOG.warn("Slot '{}' no longer exists: creating it again. Changes committed between {} and now are NOT captured; "
                + "use snapshot.mode=when_needed to re-read the tables in this case", slots.slotName(), offset.lsn());
        return slots.create();
    }

    private long snapshotWithNewSlot(List<TableId> tables) throws SQLException, InterruptedException {
        SlotManager.ExportedSlot exported = slots.createExportingSnapshot();
        try (exported) {
            snapshot(tables, Set.of(), exported.snapshotName(), exported.consistentPoint(), () -> endExport(exported));
        }
        return exported.consistentPoint();
    }

    private void snapshot(List<TableId> tables, Set<String> done, String snapshotName, long consistentPoint)
            throws InterruptedException {
        snapshot(tables, done, snapshotName, consistentPoint, () -> { });
    }

    private void snapshot(List<TableId> tables, Set<String> done, String snapshotName, long consistentPoint,
            Runnable imported) throws InterruptedException {
        metrics.snapshotRunning(true);
        try {
            snapshot.read(tables, done, snapshotName, consistentPoint, sink, imported);
        } finally {
            metrics.snapshotRunning(false);
        }
    }

    private static void endExport(SlotManager.ExportedSlot exported) {
        try {
            exported.close();
        } catch (SQLException e) {
            throw new ConnectException("Could not end the snapshot export", e);
        }
    }
}
