package io.hermesconnect.source.wal;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.source.wal.config.TableFilter;
import io.hermesconnect.source.wal.convert.TableSchemaFactory;
import io.hermesconnect.source.wal.convert.TypeRegistry;
import io.hermesconnect.source.wal.event.ChangeEmitter;
import io.hermesconnect.source.wal.event.RecordFactory;
import io.hermesconnect.source.wal.event.RecordQueue;
import io.hermesconnect.source.wal.event.RecordSink;
import io.hermesconnect.source.wal.offset.CommitTracker;
import io.hermesconnect.source.wal.offset.WalOffset;
import io.hermesconnect.source.wal.replication.PgCatalog.TableId;
import io.hermesconnect.source.wal.replication.PgConnections;
import io.hermesconnect.source.wal.replication.PublicationManager;
import io.hermesconnect.source.wal.replication.SlotManager;
import io.hermesconnect.source.wal.replication.StreamReader;
import io.hermesconnect.source.wal.snapshot.SnapshotReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one task of a WAL connector. A dedicated reader thread runs the snapshot and then owns the
 * replication stream; it hands records to {@link #poll()} through a bounded queue. The slot's confirmed
 * position moves only from {@link #commit()}, over records Connect has acknowledged.
 */
public class WalSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(WalSourceTask.class);
    private static final Duration POLL_WAIT = Duration.ofMillis(500);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private WalSourceConfig config;
    private WalSourceMetrics metrics;
    private PgConnections connections;
    private CommitTracker tracker;
    private RecordQueue queue;
    private volatile StreamReader reader;
    private volatile Throwable failure;
    private Thread thread;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new WalSourceConfig(props);
        metrics = new WalSourceMetrics().register(config.topicPrefix());
        connections = PgConnections.of(config, CONNECT_TIMEOUT);
        tracker = new CommitTracker();
        queue = new RecordQueue(config.maxQueueSize(), config.maxBatchSize(), tracker);
        WalOffset offset = WalOffset.read(context.offsetStorageReader().offset(WalOffset.partition(config.topicPrefix())));
        LOG.info("Starting WAL source {} on slot '{}' from {}", config.topicPrefix(), config.slotName(),
                offset == null ? "the beginning (no stored offset)" : offset);
        thread = new Thread(() -> runReader(offset), "hermes-wal-" + config.topicPrefix());
        thread.setDaemon(true);
        thread.start();
    }

    private void runReader(WalOffset offset) {
        try {
            TableFilter filter = config.tableFilter();
            TypeRegistry types;
            List<TableId> tables;
            try (Connection c = connections.open()) {
                types = TypeRegistry.load(c);
                tables = PublicationManager.ensure(c, config.publicationName(), config.publicationAutocreateMode(), filter);
            }
            TableSchemaFactory schemas = new TableSchemaFactory(config.topicPrefix(), types, config.decimalHandlingMode(),
                    filter::includeColumn);
            RecordFactory records = new RecordFactory(config.topicPrefix(), config.topicRouting());
            ChangeEmitter emitter = new ChangeEmitter(records, queue, new SourceInfo(SourceInfo.CONNECTOR_WAL,
                    config.topicPrefix(), config.dbname()), config.tombstonesOnDelete(), config.provideTransactionMetadata());
            SnapshotReader snapshot = new SnapshotReader(connections, schemas, records, config.topicPrefix(), config.dbname(),
                    config.publicationName(), config.snapshotMaxThreads(), config.snapshotFetchSize());
            TaskStartup startup = new TaskStartup(config.snapshotMode(), new SlotManager(connections, config.slotName()),
                    snapshot, emitter, queue, metrics);
            long startLsn = startup.run(offset, tables);
            if (startLsn == TaskStartup.NO_STREAMING) {
                LOG.info("Snapshot complete; snapshot.mode=initial_only: not streaming");
                return;
            }
            reader = new StreamReader(config, connections, schemas, emitter, tracker, metrics);
            reader.run(startLsn);
        } catch (RecordSink.ReaderStoppedException | InterruptedException e) {
            LOG.debug("Reader of {} stopped", config.topicPrefix());
        } catch (Throwable e) {
            LOG.error("WAL source {} failed", config.topicPrefix(), e);
            failure = e;
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Throwable failed = failure;
        if (failed != null) {
            throw failed instanceof ConnectException ce ? ce : new ConnectException(failed.getMessage(), failed);
        }
        List<SourceRecord> batch = queue.drain(POLL_WAIT);
        if (batch != null) {
            metrics.handedOver(batch);
        }
        return batch;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        tracker.acknowledged(record);
    }

    /** Connect committed the offsets of the acknowledged records: the slot may confirm their position. */
    @Override
    public void commit() {
        StreamReader current = reader;
        if (current != null) {
            current.committed(tracker.safeLsn());
        }
    }

    @Override
    public void stop() {
        StreamReader current = reader;
        if (current != null) {
            current.stop();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (config != null && config.slotDropOnStop()) {
            dropSlot();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    private void dropSlot() {
        try {
            new SlotManager(connections, config.slotName()).drop(STOP_TIMEOUT);
        } catch (SQLException e) {
            LOG.warn("Could not drop slot '{}' on stop: {}", config.slotName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
