package io.hermesconnect.source.wal.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, inspects and drops the connector's logical replication slot. */
public final class SlotManager {

    private static final Logger LOG = LoggerFactory.getLogger(SlotManager.class);
    static final String PLUGIN = "pgoutput";

    private final PgConnections connections;
    private final String slotName;

    public SlotManager(PgConnections connections, String slotName) {
        this.connections = connections;
        this.slotName = slotName;
    }

    public String slotName() {
        return slotName;
    }

    public Optional<PgCatalog.Slot> find() throws SQLException {
        try (Connection c = connections.open()) {
            return PgCatalog.slot(c, slotName);
        }
    }

    /** A new slot and the snapshot it exported: valid while {@link #close()} has not been called. */
    public static final class ExportedSlot implements AutoCloseable {
        private final Connection replication;
        private final long consistentPoint;
        private final String snapshotName;

        ExportedSlot(Connection replication, long consistentPoint, String snapshotName) {
            this.replication = replication;
            this.consistentPoint = consistentPoint;
            this.snapshotName = snapshotName;
        }

        /** Where streaming starts: every transaction committed before it is in the snapshot. */
        public long consistentPoint() {
            return consistentPoint;
        }

        /** For {@code SET TRANSACTION SNAPSHOT}. */
        public String snapshotName() {
            return snapshotName;
        }

        /** Ends the export; call once every snapshot connection has imported the snapshot. */
        @Override
        public void close() throws SQLException {
            replication.close();
        }
    }

    /**
     * Creates the slot on a replication connection with an exported snapshot: reading the tables in that
     * snapshot and then streaming from the consistent point sees every change exactly once.
     */
    public ExportedSlot createExportingSnapshot() throws SQLException {
        Connection replication = connections.openReplication();
        try (Statement s = replication.createStatement();
                ResultSet rs = s.executeQuery("CREATE_REPLICATION_SLOT " + PgCatalog.quote(slotName) + " LOGICAL " + PLUGIN
                        + " EXPORT_SNAPSHOT")) {
            rs.next();
            long consistentPoint = Lsn.parse(rs.getString("consistent_point")).asLong();
            String snapshot = rs.getString("snapshot_name");
            LOG.info("Created replication slot '{}' at {} exporting snapshot {}", slotName, Lsn.valueOf(consistentPoint), snapshot);
            return new ExportedSlot(replication, consistentPoint, snapshot);
        } catch (SQLException | RuntimeException e) {
            replication.close();
            throw e;
        }
    }

    /** Creates the slot without a snapshot; returns its consistent point. */
    public long create() throws SQLException {
        try (Connection c = connections.open();
                PreparedStatement s = c.prepareStatement("SELECT lsn::text FROM pg_create_logical_replication_slot(?, ?)")) {
            s.setString(1, slotName);
            s.setString(2, PLUGIN);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Lsn lsn = Lsn.parse(rs.getString(1));
                LOG.info("Created replication slot '{}' at {}", slotName, lsn);
                return lsn.asLong();
            }
        }
    }

    /**
     * Drops the slot. The server releases it a moment after our replication connection closed, so an
     * active slot is waited for up to {@code wait}.
     */
    public void drop(Duration wait) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (Connection c = connections.open()) {
            Optional<PgCatalog.Slot> slot = PgCatalog.slot(c, slotName);
            while (slot.isPresent() && slot.get().isActive() && System.nanoTime() - deadline < 0) {
                TimeUnit.MILLISECONDS.sleep(100);
                slot = PgCatalog.slot(c, slotName);
            }
            if (slot.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                s.setString(1, slotName);
                s.execute();
            }
            LOG.info("Dropped replication slot '{}'", slotName);
        }
    }
}
