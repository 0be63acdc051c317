package io.hermesconnect.source.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.event.KeyChangeHeaders;
import io.hermesconnect.common.event.TransactionMetadata;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.debezium.DebeziumParity;
import io.hermesconnect.testkit.debezium.DebeziumTwin;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of record the WAL source emits, as its task hands them to Connect, beside Debezium's record of the
 * same event, as they are and through Debezium's transforms ({@link DebeziumParity}): snapshot reads, creates,
 * updates with and without the old row, deletes and their tombstones, a primary-key change, an outbox insert
 * replayed from a replication origin, a truncate, and the transaction BEGIN/END records around them.
 */
class DebeziumParityIT {

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void everyRecordMatchesDebeziumsAsEmittedAndThroughDebeziumsTransforms(PostgresVersion version) throws InterruptedException {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE users (id int PRIMARY KEY, name text, email text)",
                "ALTER TABLE users REPLICA IDENTITY FULL",
                "CREATE TABLE items (id int PRIMARY KEY, label text)",
                "CREATE TABLE outbox (id uuid PRIMARY KEY, aggregatetype text NOT NULL, aggregateid text NOT NULL,"
                        + " type text NOT NULL, payload text)",
                "INSERT INTO users VALUES (1, 'ann', 'ann@example.com'), (2, 'bob', 'bob@example.com')",
                "INSERT INTO items VALUES (1, 'one'), (2, 'two')");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.PROVIDE_TRANSACTION_METADATA, "true");
        config.put(WalSourceConfig.SLOT_DROP_ON_STOP, "true");
        WalSourceTask task = new WalSourceTask();
        task.initialize(new NoOffsets());
        task.start(config);
        try {
            List<SourceRecord> records = new ArrayList<>(pollUntil(task, "the snapshot's 4 reads", 4));
            Wait.until("slot " + db.prefix + " streaming", WalTestDb.TIMEOUT, db::slotActive);
            String origin = db.prefix + "_upstream";
            db.sql("INSERT INTO users VALUES (3, 'cy', 'cy@example.com')",
                    "UPDATE users SET name = 'bobby' WHERE id = 2",
                    "UPDATE items SET label = 'uno' WHERE id = 1",
                    "DELETE FROM items WHERE id = 2",
                    "UPDATE users SET id = 4 WHERE id = 3",
                    // as logical replication from another server writes: the transaction carries a replication origin
                    "SELECT pg_replication_origin_create('" + origin + "')",
                    "SELECT pg_replication_origin_session_setup('" + origin + "')",
                    "BEGIN",
                    "SELECT pg_replication_origin_xact_setup('0/AB', now())",
                    "INSERT INTO outbox VALUES ('6f1d7c6e-3f51-4c1e-9a59-2a8d3b0c9e11', 'order', '42', 'OrderCreated',"
                            + " '{\"total\": 12}')",
                    "COMMIT",
                    "SELECT pg_replication_origin_session_reset()",
                    "SELECT pg_replication_origin_drop('" + origin + "')",
                    "TRUNCATE items");
            records.addAll(pollUntil(task, "7 transactions", 24));

            assertThat(kinds(records)).containsExactly(
                    "r", "r", "r", "r",
                    "BEGIN", "c", "END",
                    "BEGIN", "u with before", "END",
                    "BEGIN", "u", "END",
                    "BEGIN", "d", "tombstone", "END",
                    "BEGIN", "d newkey", "tombstone newkey", "c oldkey", "END",
                    "BEGIN", "c", "END",
                    "BEGIN", "t", "END");
            Struct outboxSource = ((Struct) records.get(23).value()).getStruct("source");
            assertThat(outboxSource.getString("origin")).isEqualTo(origin);
            assertThat(outboxSource.getInt64("origin_lsn")).isEqualTo(0xABL);
            assertThat(((Struct) records.get(26).value()).getStruct("source").getString("origin")).isNull();

            DebeziumTwin twin = new DebeziumTwin(db.prefix);
            List<DebeziumParity.Pair> pairs = new ArrayList<>(DebeziumParity.pairs(twin, records.subList(0, 18)));
            List<SourceRecord> keyChange = records.subList(18, 21);
            List<SourceRecord> debeziumKeyChange = twin.keyChange(keyChange.get(0), keyChange.get(1), keyChange.get(2));
            for (int i = 0; i < keyChange.size(); i++) {
                pairs.add(new DebeziumParity.Pair(keyChange.get(i), debeziumKeyChange.get(i)));
            }
            pairs.addAll(DebeziumParity.pairs(twin, records.subList(21, records.size())));
            DebeziumParity.assertSame(twin, pairs);
        } finally {
            task.stop();
        }
        Wait.until("slot " + db.prefix + " dropped", WalTestDb.TIMEOUT, () -> db.confirmedFlushLsn() == null);
    }

    private static List<SourceRecord> pollUntil(WalSourceTask task, String what, int count) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + WalTestDb.TIMEOUT.toNanos();
        while (records.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; got " + kinds(records));
            }
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }
        assertThat(records).as(what).hasSize(count);
        return records;
    }

    /** Each record's kind: its op (noting an update's old row and key-change headers), tombstone, BEGIN or END. */
    private static List<String> kinds(List<SourceRecord> records) {
        return records.stream().map(r -> {
            String headers = StreamSupport.stream(r.headers().spliterator(), false)
                    .map(h -> " " + switch (h.key()) {
                        case KeyChangeHeaders.NEW_KEY -> "newkey";
                        case KeyChangeHeaders.OLD_KEY -> "oldkey";
                        default -> h.key();
                    })
                    .collect(Collectors.joining());
            if (r.value() == null) {
                return "tombstone" + headers;
            }
            Struct value = (Struct) r.value();
            if (TransactionMetadata.isTransactionRecord(r)) {
                return value.getString(TransactionMetadata.STATUS);
            }
            String op = value.getString("op");
            return op + ("u".equals(op) && value.getStruct("before") != null ? " with before" : "") + headers;
        }).toList();
    }

    /** A task context with no stored offsets: the task starts from scratch. */
    private static final class NoOffsets implements SourceTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return null;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    return Map.of();
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException("The WAL source registers its metrics over JMX itself");
        }
    }
}
