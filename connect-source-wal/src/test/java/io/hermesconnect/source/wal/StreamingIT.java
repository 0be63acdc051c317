package io.hermesconnect.source.wal;

import static io.hermesconnect.source.wal.WalTestDb.after;
import static io.hermesconnect.source.wal.WalTestDb.awaitEvents;
import static io.hermesconnect.source.wal.WalTestDb.before;
import static io.hermesconnect.source.wal.WalTestDb.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.event.UnchangedToast;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Streaming of row changes against real PostgreSQL 13 (protocol 1) and 17 (protocol 2). */
class StreamingIT {

    private final ConnectCluster connect = ConnectCluster.shared();

    private WalTestDb started(PostgresVersion version, String... ddl) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql(ddl);
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MODE, "never");
        db.start(connect, config);
        return db;
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void insertUpdateDeleteWithKeyTombstoneAndTruncate(PostgresVersion version) {
        WalTestDb db = started(version, "CREATE TABLE users (id int PRIMARY KEY, name text, age int)");
        db.sql("INSERT INTO users VALUES (1, 'ann', 30)", "UPDATE users SET age = 31 WHERE id = 1",
                "DELETE FROM users WHERE id = 1", "INSERT INTO users VALUES (2, 'bob', 40)", "TRUNCATE users");

        try (TopicReader reader = connect.reader(db.topic("users"))) {
            List<Struct> events = awaitEvents(reader, 5);
            assertThat(events).extracting(WalTestDb::op).containsExactly("c", "u", "d", "c", "t");
            assertThat(after(events.get(0)).getInt32("id")).isEqualTo(1);
            assertThat(after(events.get(0)).getString("name")).isEqualTo("ann");
            assertThat(before(events.get(1))).isNull(); // REPLICA IDENTITY DEFAULT: no old row on update
            assertThat(after(events.get(1)).getInt32("age")).isEqualTo(31);
            assertThat(before(events.get(2)).getInt32("id")).isEqualTo(1);
            assertThat(before(events.get(2)).getString("name")).isNull(); // only the key of a deleted row
            assertThat(after(events.get(2))).isNull();
            Struct source = events.get(0).getStruct("source");
            assertThat(source.getString("connector")).isEqualTo("wal");
            assertThat(source.getString("name")).isEqualTo(db.prefix);
            assertThat(source.getString("db")).isEqualTo(db.db);
            assertThat(source.getString("schema")).isEqualTo("public");
            assertThat(source.getString("table")).isEqualTo("users");
            assertThat(source.getInt64("txId")).isPositive();
            assertThat(source.getInt64("lsn")).isPositive();
            assertThat(source.getString("snapshot")).isEqualTo("false");

            List<ConsumerRecord<byte[], byte[]>> records = reader.records();
            ConsumerRecord<byte[], byte[]> tombstone = records.get(3);
            assertThat(tombstone.value()).isNull();
            assertThat(((Struct) reader.key(tombstone).value()).getInt32("id")).isEqualTo(1);
            assertThat(((Struct) reader.key(records.get(0)).value()).getInt32("id")).isEqualTo(1);
        }
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void compositeKeysNoKeysAndReplicaIdentityFull(PostgresVersion version) {
        WalTestDb db = started(version,
                "CREATE TABLE lines (order_id int, line int, qty int, PRIMARY KEY (order_id, line))",
                "CREATE TABLE log (msg text, level int)",
                "ALTER TABLE log REPLICA IDENTITY FULL",
                "CREATE TABLE items (id int PRIMARY KEY, label text)",
                "ALTER TABLE items REPLICA IDENTITY FULL");
        db.sql("INSERT INTO lines VALUES (7, 1, 5)", "UPDATE lines SET qty = 6",
                "INSERT INTO log VALUES ('hello', 1)", "UPDATE log SET level = 2", "DELETE FROM log",
                "INSERT INTO items VALUES (1, 'a')", "UPDATE items SET label = 'b'", "DELETE FROM items");

        try (TopicReader lines = connect.reader(db.topic("lines"));
                TopicReader log = connect.reader(db.topic("log"));
                TopicReader items = connect.reader(db.topic("items"))) {
            awaitEvents(lines, 2);
            Struct key = (Struct) lines.key(lines.records().get(1)).value();
            assertThat(key.getInt32("order_id")).isEqualTo(7);
            assertThat(key.getInt32("line")).isEqualTo(1);

            List<Struct> logEvents = awaitEvents(log, 3);
            assertThat(logEvents).extracting(WalTestDb::op).containsExactly("c", "u", "d");
            assertThat(log.key(log.records().get(0)).value()).isNull();
            assertThat(before(logEvents.get(1)).getInt32("level")).isEqualTo(1);
            assertThat(before(logEvents.get(2)).getString("msg")).isEqualTo("hello");
            assertThat(log.records()).hasSize(3); // no tombstone without a key

            List<Struct> itemEvents = awaitEvents(items, 3);
            assertThat(before(itemEvents.get(1)).getString("label")).isEqualTo("a");
            assertThat(after(itemEvents.get(1)).getString("label")).isEqualTo("b");
            assertThat(before(itemEvents.get(2)).getString("label")).isEqualTo("b");
        }
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void unchangedToastValuesAreMarkedWithThePlaceholder(PostgresVersion version) {
        WalTestDb db = started(version, "CREATE TABLE docs (id int PRIMARY KEY, body text, rev int)",
                "ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL");
        db.sql("INSERT INTO docs VALUES (1, repeat('x', 10000), 1)", "UPDATE docs SET rev = 2");

        try (TopicReader reader = connect.reader(db.topic("docs"))) {
            List<Struct> events = awaitEvents(reader, 2);
            assertThat(after(events.get(0)).getString("body")).hasSize(10000);
            assertThat(after(events.get(1)).getString("body")).isEqualTo(UnchangedToast.PLACEHOLDER);
            assertThat(after(events.get(1)).getInt32("rev")).isEqualTo(2);
        }
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void schemaChangesAndNewTablesMidStream(PostgresVersion version) {
        WalTestDb db = started(version, "CREATE TABLE t (id int PRIMARY KEY, a text)");
        db.sql("INSERT INTO t VALUES (1, 'one')",
                "ALTER TABLE t ADD COLUMN b int", "INSERT INTO t VALUES (2, 'two', 2)",
                "ALTER TABLE t DROP COLUMN a", "INSERT INTO t VALUES (3, 3)",
                "CREATE TABLE fresh (id int PRIMARY KEY)", "INSERT INTO fresh VALUES (10)");

        try (TopicReader reader = connect.reader(db.topic("t")); TopicReader fresh = connect.reader(db.topic("fresh"))) {
            List<Struct> events = awaitEvents(reader, 3);
            assertThat(after(events.get(0)).schema().field("b")).isNull();
            assertThat(after(events.get(1)).getInt32("b")).isEqualTo(2);
            assertThat(after(events.get(1)).getString("a")).isEqualTo("two");
            assertThat(after(events.get(2)).schema().field("a")).isNull();
            assertThat(after(events.get(2)).getInt32("b")).isEqualTo(3);
            assertThat(after(awaitEvents(fresh, 1).get(0)).getInt32("id")).isEqualTo(10);
        }
        db.delete(connect);
    }
}
