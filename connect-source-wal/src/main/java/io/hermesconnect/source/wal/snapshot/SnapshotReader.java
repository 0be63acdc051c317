package io.hermesconnect.source.wal.snapshot;

import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.source.wal.convert.RowBuilder;
import io.hermesconnect.source.wal.convert.TableSchema;
import io.hermesconnect.source.wal.convert.TableSchemaFactory;
import io.hermesconnect.source.wal.event.RecordFactory;
import io.hermesconnect.source.wal.event.RecordSink;
import io.hermesconnect.source.wal.offset.WalOffset;
import io.hermesconnect.source.wal.replication.PgCatalog;
import io.hermesconnect.source.wal.replication.PgCatalog.TableId;
import io.hermesconnect.source.wal.replication.PgConnections;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the captured tables' current rows as {@code op=r} events, several tables in parallel, each
 * thread in a REPEATABLE READ transaction. With an exported snapshot every thread imports it, so the rows
 * are exactly the state at the slot's consistent point; without one (resuming after a crash, when the
 * export is gone) the rows are newer, and streaming from the stored point replays the changes since, which
 * leaves every row in its current state.
 */
public final class SnapshotReader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);

    private final PgConnections connections;
    private final TableSchemaFactory schemas;
    private final RecordFactory records;
    private final String topicPrefix;
    private final String dbname;
    private final String publication;
    private final int threads;
    private final int fetchSize;

    public SnapshotReader(PgConnections connections, TableSchemaFactory schemas, RecordFactory records,
            String topicPrefix, String dbname, String publication, int threads, int fetchSize) {
        this.connections = connections;
        this.publication = publication;
        this.schemas = schemas;
        this.records = records;
        this.topicPrefix = topicPrefix;
        this.dbname = dbname;
        this.threads = threads;
        this.fetchSize = fetchSize;
    }

    /**
     * Reads every table not in {@code done}.
     *
     * @param snapshotName    the exported snapshot to import, or null for a fresh one
     * @param imported        counted down once every thread has imported the snapshot (the export may then end)
     * @param consistentPoint the LSN streaming starts from, stored in every record's offset
     */
    public void read(List<TableId> tables, Set<String> done, String snapshotName, long consistentPoint,
            RecordSink sink, Runnable imported) throws InterruptedException {
        List<TableId> todo = tables.stream().filter(t -> !done.contains(t.dataCollection())).toList();
        LOG.info("Snapshot of {} table(s) ({} already done) on {} connection(s)", todo.size(), done.size(), threads);
        SnapshotProgress progress = new SnapshotProgress(done, todo.size(), sink);
        ConcurrentLinkedQueue<TableId> queue = new ConcurrentLinkedQueue<>(todo);
        int workers = Math.max(1, Math.min(threads, todo.size()));
        CountDownLatch importedLatch = new CountDownLatch(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "hermes-wal-snapshot-" + topicPrefix));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(() -> work(queue, snapshotName, consistentPoint, progress, importedLatch)));
            }
            importedLatch.await();
            imported.run();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordSink.ReaderStoppedException stopped) {
                throw stopped;
            }
            throw new ConnectException("Snapshot failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Void work(ConcurrentLinkedQueue<TableId> queue, String snapshotName, long consistentPoint,
            SnapshotProgress progress, CountDownLatch imported) throws SQLException {
        try (Connection c = connections.open()) {
            try {
                c.unwrap(PGConnection.class).setPrepareThreshold(0); // text results, as pgoutput sends them
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setAutoCommit(false);
                c.setReadOnly(true);
                try (Statement s = c.createStatement()) {
                    s.execute(snapshotName == null ? "SELECT 1" : "SET TRANSACTION SNAPSHOT '" + snapshotName + "'");
                }
            } finally {
                imported.countDown();
            }
            for (TableId table = queue.poll(); table != null; table = queue.poll()) {
                readTable(c, table, consistentPoint, progress);
            }
            c.commit();
        }
        return null;
    }

    private void readTable(Connection c, TableId id, long consistentPoint, SnapshotProgress progress) throws SQLException {
        // the same slice of the table the stream sends: the publication's columns and rows
        PgCatalog.Published published = PgCatalog.published(c, publication, id);
        TableSchema table = schemas.fromCatalog(c, id.schema(), id.table(), published::includes);
        long rows = 0;
        long startMs = System.currentTimeMillis();
        // one per table: its held-back last row may be built later, by another snapshot thread
        SourceInfo source = new SourceInfo(SourceInfo.CONNECTOR_WAL, topicPrefix, dbname)
                .table(id.schema(), id.table()).commitTime(startMs).lsn(consistentPoint);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(fetchSize);
            try (ResultSet rs = s.executeQuery(select(id, table, published.rowFilter()))) {
                boolean[] bytea = byteaColumns(rs);
                RowBuilder builder = table.newRow();
                while (rs.next()) {
                    Struct row = row(builder, rs, bytea);
                    progress.emit(id.dataCollection(), (done, marker) -> record(table, row, source, marker, consistentPoint, done));
                    rows++;
                }
            }
        }
        progress.finish(id.dataCollection());
        LOG.info("Snapshot of {}: {} row(s) in {} ms", id.dataCollection(), rows, System.currentTimeMillis() - startMs);
    }

    /** Every column the stream sends, in the Relation message's order, so builder indexes match; the rows it sends. */
    private static String select(TableId id, TableSchema table, String rowFilter) {
        String columns = table.relation().columns().stream()
                .map(column -> PgCatalog.quote(column.name()))
                .collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM " + id.quoted() + (rowFilter == null ? "" : " WHERE " + rowFilter);
    }

    /** Columns whose type is bytea (domains report their base type): PgJDBC decodes those in getBytes. */
    private static boolean[] byteaColumns(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        boolean[] bytea = new boolean[meta.getColumnCount()];
        for (int i = 0; i < bytea.length; i++) {
            bytea[i] = "bytea".equals(meta.getColumnTypeName(i + 1));
        }
        return bytea;
    }

    /** Each value as the text pgoutput would send; bytea as its {@code \x} text form, not decoded. */
    private static Struct row(RowBuilder row, ResultSet rs, boolean[] bytea) throws SQLException {
        for (int i = 0; i < bytea.length; i++) {
            byte[] text = bytea[i] ? utf8(rs.getString(i + 1)) : rs.getBytes(i + 1);
            if (text == null) {
                row.setNull(i);
            } else {
                row.set(i, text, 0, text.length);
            }
        }
        return row.build();
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private SourceRecord record(TableSchema table, Struct row, SourceInfo source, SourceInfo.Snapshot marker,
            long consistentPoint, String done) {
        Map<String, Object> offset = WalOffset.snapshot(consistentPoint, done);
        return records.change(table, offset, Operation.READ, null, row, source.snapshot(marker).struct(), null,
                Instant.now(), null);
    }
}
