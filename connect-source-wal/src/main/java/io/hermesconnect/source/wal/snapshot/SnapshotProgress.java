package io.hermesconnect.source.wal.snapshot;

import io.hermesconnect.common.event.SourceInfo.Snapshot;
import io.hermesconnect.source.wal.event.RecordSink;
import io.hermesconnect.source.wal.offset.WalOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The tables finished so far, shared by the snapshot threads, and the one place their rows are handed on.
 * Every record's offset lists only tables whose rows were all handed on before it, so a committed offset
 * never claims an unfinished table. Records carry Debezium's {@code snapshot} marker: {@code first} on the
 * snapshot's first record, {@code first_in_data_collection} / {@code last_in_data_collection} on a table's first /
 * last, {@code last} on the snapshot's very last, {@code true} otherwise (the snapshot-wide markers win). For that,
 * each table's latest row is held back until its next row or the end of the table, and the latest record handed on
 * is held back until the next one, so that the very last gets {@code last} even when the last tables are empty.
 */
final class SnapshotProgress {

    /** Builds a row's record once its offset and marker are known. */
    @FunctionalInterface
    interface PendingRecord {
        SourceRecord build(String doneTables, Snapshot marker);
    }

    private record HeldRow(PendingRecord record, boolean firstOfTable) {
    }

    private final Set<String> done;
    private final RecordSink sink;
    private final Map<String, HeldRow> held = new HashMap<>();
    private int remaining;
    private String doneEncoded;
    private boolean firstHandedOn;
    private PendingRecord latest;
    private Snapshot latestMarker;
    private String latestDone;

    SnapshotProgress(Set<String> alreadyDone, int tablesToRead, RecordSink sink) {
        this.done = new LinkedHashSet<>(alreadyDone);
        this.remaining = tablesToRead;
        this.sink = sink;
        this.doneEncoded = WalOffset.encodeTables(done);
    }

    /** The next row of a table; the table's previous row goes out now that it is known not to be its last. */
    synchronized void emit(String dataCollection, PendingRecord row) {
        HeldRow previous = held.put(dataCollection, new HeldRow(row, !held.containsKey(dataCollection)));
        if (previous != null) {
            handOn(previous, false);
        }
    }

    /** A table was read completely: its held-back row goes on as its last; after the last table, the snapshot's last goes out. */
    synchronized void finish(String dataCollection) {
        done.add(dataCollection);
        doneEncoded = WalOffset.encodeTables(done);
        remaining--;
        HeldRow last = held.remove(dataCollection);
        if (last != null) {
            handOn(last, true);
        }
        if (remaining == 0 && latest != null) {
            sink.accept(latest.build(doneEncoded, Snapshot.LAST));
            latest = null;
        }
    }

    /** The row's marker is known now; the record handed on before it goes out. */
    private void handOn(HeldRow row, boolean lastOfTable) {
        if (latest != null) {
            sink.accept(latest.build(latestDone, latestMarker));
        }
        latest = row.record();
        latestMarker = !firstHandedOn ? Snapshot.FIRST
                : lastOfTable ? Snapshot.LAST_IN_DATA_COLLECTION
                : row.firstOfTable() ? Snapshot.FIRST_IN_DATA_COLLECTION
                : Snapshot.TRUE;
        latestDone = doneEncoded;
        firstHandedOn = true;
    }
}
