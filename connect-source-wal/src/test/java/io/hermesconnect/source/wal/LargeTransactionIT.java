package io.hermesconnect.source.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Protocol 2 (PostgreSQL 14+): in-progress transactions stream in chunks, are spilled, and are emitted only at
 * COMMIT; with {@code streaming.enabled=false} the server keeps them until COMMIT instead. Runs in its own JVM with -Xmx512m (see the pom): a 2-million-row transaction held on the heap would
 * not fit.
 */
class LargeTransactionIT {

    private static final int ROWS = 2_000_000;
    private static final Duration LONG_TIMEOUT = Duration.ofMinutes(8);
    private static PostgresServer pg;
    private final ConnectCluster connect = ConnectCluster.shared();

    @BeforeAll
    static void startServer() {
        pg = PostgresServer.start(PostgresVersion.V17);
        // small decoding memory: the server streams a transaction after 64 kB of changes
        pg.execute("ALTER SYSTEM SET logical_decoding_work_mem = '64kB'", "SELECT pg_reload_conf()");
    }

    @AfterAll
    static void stopServer() {
        pg.close();
    }

    private WalTestDb started() {
        return started(true);
    }

    private WalTestDb started(boolean streaming) {
        WalTestDb db = new WalTestDb(pg);
        db.sql("CREATE TABLE big (id int PRIMARY KEY, v int)");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MODE, "never");
        config.put(WalSourceConfig.STREAMING_ENABLED, Boolean.toString(streaming));
        config.put(WalSourceConfig.STREAMING_BUFFER_BYTES, Integer.toString(4 * 1024 * 1024));
        config.put("value.converter.schemas.enable", "false");
        config.put("key.converter.schemas.enable", "false");
        db.start(connect, config);
        return db;
    }

    @Test
    void aTwoMillionRowTransactionIsEmittedWholeAfterItsCommitWithBoundedHeap() throws Exception {
        WalTestDb db = started();
        try (Connection c = pg.connect(db.db); Statement s = c.createStatement();
                KafkaConsumer<byte[], byte[]> consumer = consumer(db.topic("big"))) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO big SELECT g, g FROM generate_series(1, " + ROWS + ") g");
            Wait.until("the server streamed the open transaction", LONG_TIMEOUT, () -> streamedBytes(db) > 1_000_000);
            assertThat(count(consumer, Duration.ofSeconds(2))).as("nothing before COMMIT").isZero();
            c.commit();

            long[] seen = {0};
            Wait.until(ROWS + " records", LONG_TIMEOUT, () -> {
                seen[0] += count(consumer, Duration.ofMillis(500));
                return seen[0] >= ROWS;
            });
            assertThat(seen[0]).isEqualTo(ROWS);
        }
        db.delete(connect);
    }

    @Test
    void aRolledBackStreamedTransactionEmitsNothing() throws Exception {
        WalTestDb db = started();
        try (Connection c = pg.connect(db.db); Statement s = c.createStatement();
                KafkaConsumer<byte[], byte[]> consumer = consumer(db.topic("big"))) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO big SELECT g, g FROM generate_series(1, 100000) g");
            Wait.until("the server streamed the open transaction", LONG_TIMEOUT, () -> streamedBytes(db) > 100_000);
            c.rollback();
            c.setAutoCommit(true);
            s.execute("INSERT INTO big VALUES (-1, -1)");

            long[] seen = {0};
            Wait.until("the marker row", WalTestDb.TIMEOUT, () -> {
                seen[0] += count(consumer, Duration.ofMillis(500));
                return seen[0] >= 1;
            });
            seen[0] += count(consumer, Duration.ofSeconds(1));
            assertThat(seen[0]).isEqualTo(1);
        }
        db.delete(connect);
    }

    @Test
    void withStreamingOffTheServerKeepsTheTransactionUntilCommitAndItArrivesWhole() throws Exception {
        WalTestDb db = started(false);
        int rows = 100_000;
        try (Connection c = pg.connect(db.db); Statement s = c.createStatement();
                KafkaConsumer<byte[], byte[]> consumer = consumer(db.topic("big"))) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO big SELECT g, g FROM generate_series(1, " + rows + ") g");
            c.commit();

            long[] seen = {0};
            Wait.until(rows + " records", LONG_TIMEOUT, () -> {
                seen[0] += count(consumer, Duration.ofMillis(500));
                return seen[0] >= rows;
            });
            seen[0] += count(consumer, Duration.ofSeconds(1));
            assertThat(seen[0]).isEqualTo(rows);
            // the server's slot statistics arrive a moment after the decoding
            Wait.until("the server spilled the transaction itself", WalTestDb.TIMEOUT, () -> slotStatistic(db, "spill_bytes") > 0);
            assertThat(slotStatistic(db, "stream_bytes")).as("nothing streamed").isZero();
        }
        db.delete(connect);
    }

    private static long streamedBytes(WalTestDb db) {
        return slotStatistic(db, "stream_bytes");
    }

    private static long slotStatistic(WalTestDb db, String column) {
        String bytes = pg.queryString("postgres", "SELECT " + column + " FROM pg_stat_replication_slots WHERE slot_name = '"
                + db.prefix + "'");
        return bytes == null ? 0 : Long.parseLong(bytes);
    }

    /** Counts records without keeping them: two million would not fit this JVM's heap. */
    private static long count(KafkaConsumer<byte[], byte[]> consumer, Duration poll) {
        return consumer.poll(poll).count();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic) {
        connect.createTopic(topic);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }
}
