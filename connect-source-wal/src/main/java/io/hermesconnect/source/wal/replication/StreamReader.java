package io.hermesconnect.source.wal.replication;

import io.hermesconnect.source.wal.WalSourceConfig;
import io.hermesconnect.source.wal.WalSourceMetrics;
import io.hermesconnect.source.wal.config.TableFilter;
import io.hermesconnect.source.wal.convert.TableSchema;
import io.hermesconnect.source.wal.convert.TableSchemaFactory;
import io.hermesconnect.source.wal.event.ChangeEmitter;
import io.hermesconnect.source.wal.offset.CommitTracker;
import io.hermesconnect.source.wal.pgoutput.PgOutputDecoder;
import io.hermesconnect.source.wal.pgoutput.RelationMessage;
import io.hermesconnect.source.wal.stream.StreamedTransactionBuffer;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.fluent.logical.ChainedLogicalStreamBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the replication stream (PgJDBC streams are not thread-safe): reads pgoutput messages, decodes them
 * into records through the {@link ChangeEmitter}, and reports the flushed LSN the task's commits allow.
 * Reconnects by itself when the server goes away or the slot is busy, and resumes without loss.
 */
public final class StreamReader {

    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);
    private static final int PROTOCOL_2_SERVER = 140_000;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final WalSourceConfig config;
    private final PgConnections connections;
    private final TableSchemaFactory schemas;
    private final TableFilter filter;
    private final ChangeEmitter emitter;
    private final CommitTracker tracker;
    private final WalSourceMetrics metrics;
    private final AtomicLong committedLsn = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private long flushedLsn;
    private long nextHeartbeatNanos;

    public StreamReader(WalSourceConfig config, PgConnections connections, TableSchemaFactory schemas,
            ChangeEmitter emitter, CommitTracker tracker, WalSourceMetrics metrics) {
        this.config = config;
        this.connections = connections;
        this.schemas = schemas;
        this.filter = config.tableFilter();
        this.emitter = emitter;
        this.tracker = tracker;
        this.metrics = metrics;
    }

    /** Connect committed records up to this commit LSN: the slot may confirm it. Any thread. */
    public void committed(long lsn) {
        committedLsn.accumulateAndGet(lsn, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
    }

    public void stop() {
        running = false;
        stopped.countDown();
    }

    /** Streams from {@code startLsn} until {@link #stop()}; returns normally only when stopped. */
    public void run(long startLsn) throws InterruptedException {
        while (isRunning()) {
            try {
                session(startLsn);
            } catch (SQLException | CatalogException e) {
                if (!isRunning()) {
                    return;
                }
                String message = describe(e);
                LOG.warn("{}; retrying in {} ms", message, config.retryWait().toMillis(), e);
                metrics.error(message);
                metrics.connected(false);
                emitter.resumeAfterLastEmitted();
                stopped.await(config.retryWait().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private boolean isRunning() {
        return running && !Thread.currentThread().isInterrupted();
    }

    private void session(long startLsn) throws SQLException {
        try (Connection catalog = connections.open(); Connection replication = connections.openReplication()) {
            boolean protocol2 = config.streamingEnabled() && PgCatalog.serverVersionNum(catalog) >= PROTOCOL_2_SERVER;
            PgOutputDecoder decoder = new PgOutputDecoder(relation -> resolve(catalog, relation), emitter);
            try (StreamedTransactionBuffer buffer = protocol2
                    ? new StreamedTransactionBuffer(config.streamingSpillDirectory(), config.streamingBufferBytes()) : null) {
                StreamBlocks blocks = new StreamBlocks(buffer, decoder);
                emitter.streams(blocks);
                long from = Long.compareUnsigned(flushedLsn, startLsn) > 0 ? flushedLsn : startLsn;
                try (PGReplicationStream stream = open(replication, from, protocol2)) {
                    LOG.info("Streaming slot '{}' from {} with pgoutput protocol {}", config.slotName(), Lsn.valueOf(from),
                            protocol2 ? 2 : 1);
                    metrics.connected(true);
                    metrics.error(null);
                    read(stream, catalog, decoder, blocks);
                }
            }
        } finally {
            metrics.connected(false);
        }
    }

    private PGReplicationStream open(Connection replication, long from, boolean protocol2) throws SQLException {
        ChainedLogicalStreamBuilder builder = replication.unwrap(PGConnection.class).getReplicationAPI()
                .replicationStream().logical()
                .withSlotName(config.slotName())
                .withStartPosition(LogSequenceNumber.valueOf(from))
                .withSlotOption("proto_version", protocol2 ? 2 : 1)
                .withSlotOption("publication_names", PgCatalog.quote(config.publicationName()))
                .withStatusInterval((int) config.statusUpdateInterval().toMillis(), TimeUnit.MILLISECONDS)
                // we confirm positions ourselves, only once Connect committed them
                .withAutomaticFlush(false);
        if (protocol2) {
            builder.withSlotOption("streaming", "on");
        }
        return builder.start();
    }

    private void read(PGReplicationStream stream, Connection catalog, PgOutputDecoder decoder, StreamBlocks blocks)
            throws SQLException {
        while (isRunning()) {
            ByteBuffer message = stream.readPending();
            if (message == null) {
                feedback(stream, catalog, blocks);
                LockSupport.parkNanos(IDLE_PARK_NANOS);
                continue;
            }
            if (!blocks.buffer(message)) {
                emitter.messageLsn(stream.getLastReceiveLSN().asLong());
                decoder.decode(message);
            }
            if (!emitter.inTransaction()) {
                feedback(stream, catalog, blocks);
            }
        }
    }

    /**
     * Confirms what Connect committed. On heartbeat, when nothing is in flight (no open transaction, every
     * record acknowledged), also confirms the server's position, so WAL of uncaptured tables is released.
     */
    private void feedback(PGReplicationStream stream, Connection catalog, StreamBlocks blocks) throws SQLException {
        long target = committedLsn.get();
        long received = stream.getLastReceiveLSN().asLong();
        metrics.serverLsn(received);
        long now = System.nanoTime();
        if (!config.heartbeatInterval().isZero() && now - nextHeartbeatNanos >= 0) {
            nextHeartbeatNanos = now + config.heartbeatInterval().toNanos();
            if (!emitter.inTransaction() && !blocks.inBlock() && tracker.isEmpty()) {
                metrics.idle();
                target = Long.compareUnsigned(received, target) > 0 ? received : target;
            }
            heartbeatQuery(catalog);
        }
        if (Long.compareUnsigned(target, flushedLsn) > 0) {
            LogSequenceNumber lsn = LogSequenceNumber.valueOf(target);
            stream.setFlushedLSN(lsn);
            stream.setAppliedLSN(lsn);
            stream.forceUpdateStatus();
            flushedLsn = target;
            metrics.committedLsn(target);
        }
    }

    private void heartbeatQuery(Connection catalog) throws SQLException {
        String query = config.heartbeatActionQuery();
        if (query != null) {
            try (Statement s = catalog.createStatement()) {
                s.execute(query);
            }
        }
    }

    private TableSchema resolve(Connection catalog, RelationMessage relation) {
        if (!filter.includeTable(relation.schema(), relation.table())) {
            return null;
        }
        try {
            return schemas.fromRelation(relation, TableSchemaFactory.primaryKey(catalog, relation.oid()));
        } catch (SQLException e) {
            throw new CatalogException(e);
        }
    }

    private String describe(Exception e) {
        Throwable cause = e instanceof CatalogException ? e.getCause() : e;
        if (cause instanceof SQLException sql && "55006".equals(sql.getSQLState())) {
            return "Replication slot '" + config.slotName() + "' is in use by another connection (" + sql.getMessage()
                    + "): another connector or client reads it; stop that one or give this connector its own slot.name";
        }
        return "Lost the replication connection to " + config.hostname() + ":" + config.port() + ": " + cause.getMessage();
    }

    /** A catalog query failed inside a decoder callback; treated like a lost connection. */
    static final class CatalogException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CatalogException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Protocol-2 stream blocks: their messages are kept raw until the transaction commits or aborts. */
    private static final class StreamBlocks implements ChangeEmitter.StreamControl {
        private final StreamedTransactionBuffer buffer;
        private final PgOutputDecoder decoder;
        private int xid;

        StreamBlocks(StreamedTransactionBuffer buffer, PgOutputDecoder decoder) {
            this.buffer = buffer;
            this.decoder = decoder;
        }

        boolean inBlock() {
            return xid != 0;
        }

        /** Buffers a change of the current stream block; false for anything the decoder must see now. */
        boolean buffer(ByteBuffer message) {
            if (xid == 0) {
                return false;
            }
            byte type = message.get(message.position());
            if (type == 'S' || type == 'E' || type == 'c' || type == 'A') {
                return false;
            }
            // an Origin message carries no (sub)transaction xid of its own: it belongs to the whole transaction
            buffer.append(xid, type == 'O' ? xid : message.getInt(message.position() + 1), message);
            return true;
        }

        @Override
        public void blockStarted(int streamXid) {
            xid = streamXid;
        }

        @Override
        public void blockEnded() {
            xid = 0;
        }

        @Override
        public void replay(int streamXid) {
            buffer.replay(streamXid, decoder::decode);
        }

        @Override
        public void abort(int streamXid, int subXid) {
            buffer.abort(streamXid, subXid);
        }
    }
}
