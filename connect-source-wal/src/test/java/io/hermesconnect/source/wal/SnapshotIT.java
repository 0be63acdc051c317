package io.hermesconnect.source.wal;

import static io.hermesconnect.source.wal.WalTestDb.after;
import static io.hermesconnect.source.wal.WalTestDb.awaitEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The initial snapshot: consistent with the slot, parallel, resumable per table, in each snapshot.mode. */
class SnapshotIT {

    private final ConnectCluster connect = ConnectCluster.shared();

    private static String snapshotMarker(Struct event) {
        return event.getStruct("source").getString("snapshot");
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void initialSnapshotOfSeveralTablesInParallelThenStreaming(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE a (id int PRIMARY KEY, v text)", "CREATE TABLE b (id int PRIMARY KEY, v text)",
                "CREATE TABLE empty (id int PRIMARY KEY)",
                "INSERT INTO a SELECT g, 'a' || g FROM generate_series(1, 1000) g",
                "INSERT INTO b SELECT g, 'b' || g FROM generate_series(1, 300) g");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MAX_THREADS, "2");
        config.put(WalSourceConfig.SNAPSHOT_FETCH_SIZE, "100");
        db.start(connect, config);
        db.sql("INSERT INTO a VALUES (1001, 'streamed')", "UPDATE b SET v = 'changed' WHERE id = 1");

        try (TopicReader a = connect.reader(db.topic("a")); TopicReader b = connect.reader(db.topic("b"))) {
            List<Struct> aEvents = awaitEvents(a, 1001);
            List<Struct> bEvents = awaitEvents(b, 301);
            assertThat(aEvents.subList(0, 1000)).extracting(WalTestDb::op).containsOnly("r");
            assertThat(aEvents.subList(0, 1000)).extracting(e -> after(e).getInt32("id")).doesNotHaveDuplicates();
            assertThat(after(aEvents.get(1000)).getString("v")).isEqualTo("streamed");
            assertThat(WalTestDb.op(aEvents.get(1000))).isEqualTo("c");
            assertThat(WalTestDb.op(bEvents.get(300))).isEqualTo("u");
            long lastMarkers = java.util.stream.Stream.concat(aEvents.stream(), bEvents.stream())
                    .filter(e -> "last".equals(snapshotMarker(e))).count();
            assertThat(lastMarkers).isEqualTo(1);
            assertThat(snapshotMarker(aEvents.get(1000))).isEqualTo("false");
            assertThat(aEvents.get(0).getStruct("source").getInt64("lsn")).isPositive();
        }
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void neverStreamsOnly(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MODE, "never");
        db.start(connect, config);
        db.sql("INSERT INTO t VALUES (2)");

        try (TopicReader reader = connect.reader(db.topic("t"))) {
            List<Struct> events = awaitEvents(reader, 1);
            assertThat(events).extracting(e -> after(e).getInt32("id")).containsExactly(2);
        }
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void initialOnlyReadsTheTablesWithoutASlot(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MODE, "initial_only");
        db.start(connect, config);

        try (TopicReader reader = connect.reader(db.topic("t"))) {
            List<Struct> events = awaitEvents(reader, 2);
            assertThat(events).extracting(WalTestDb::op).containsOnly("r");
            assertThat(snapshotMarker(events.get(1))).isEqualTo("last");
        }
        assertThat(db.pg.queryString("postgres", "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + db.prefix + "'"))
                .isEqualTo("0");
        connect.rest().deleteConnector(db.connector);
    }

    /** PostgreSQL 15+ publications may send some columns and some rows: the snapshot reads the same slice. */
    @Test
    void theSnapshotReadsWhatThePublicationSendsOnly() {
        WalTestDb db = new WalTestDb(PostgresServer.shared(PostgresVersion.V17));
        db.sql("CREATE TABLE people (id int PRIMARY KEY, name text, salary int)",
                "INSERT INTO people VALUES (1, 'hidden row', 10), (2, 'ada', 20)",
                "CREATE PUBLICATION " + db.prefix + "_pub FOR TABLE people (id, name) WHERE (id > 1)");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.PUBLICATION_AUTOCREATE_MODE, "disabled");
        db.start(connect, config);
        db.sql("INSERT INTO people VALUES (0, 'filtered out', 30), (3, 'grace', 40)");

        try (TopicReader reader = connect.reader(db.topic("people"))) {
            List<Struct> events = awaitEvents(reader, 2);
            assertThat(events).extracting(WalTestDb::op).containsExactly("r", "c");
            assertThat(events).extracting(e -> after(e).getString("name")).containsExactly("ada", "grace");
            assertThat(events).allSatisfy(e -> assertThat(after(e).schema().field("salary")).isNull());
            assertThat(after(events.get(0)).schema()).isEqualTo(after(events.get(1)).schema());
        }
        db.delete(connect);
    }

    /** A crash mid-snapshot: the stored offset lists the finished tables, which are not read again. */
    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void resumesTheSnapshotWithTheTablesNotFinished(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE done (id int PRIMARY KEY)", "CREATE TABLE todo (id int PRIMARY KEY)",
                "INSERT INTO done VALUES (1)", "INSERT INTO todo VALUES (1), (2)",
                // as the connector does: a slot older than its publication cannot decode with it
                "CREATE PUBLICATION " + db.prefix + "_pub FOR ALL TABLES");
        String lsn = db.query("SELECT lsn::text FROM pg_create_logical_replication_slot('" + db.prefix + "', 'pgoutput')");
        long consistentPoint = io.hermesconnect.source.wal.replication.Lsn.parse(lsn).asLong();
        connect.rest().request("POST", "connectors", json(Map.of("name", db.connector, "config", db.config(),
                "initial_state", "STOPPED"))).requireSuccess();
        connect.rest().request("PATCH", "connectors/" + db.connector + "/offsets", json(Map.of("offsets", List.of(Map.of(
                "partition", Map.of("server", db.prefix),
                "offset", Map.of("lsn", consistentPoint, "event", 0, "snapshot", true, "snapshot_done", "public.done"))))))
                .requireSuccess();
        connect.rest().request("PUT", "connectors/" + db.connector + "/resume", null).requireSuccess();
        db.sql("INSERT INTO done VALUES (2)");

        try (TopicReader todo = connect.reader(db.topic("todo")); TopicReader done = connect.reader(db.topic("done"))) {
            assertThat(awaitEvents(todo, 2)).extracting(WalTestDb::op).containsOnly("r");
            List<Struct> doneEvents = awaitEvents(done, 1);
            assertThat(doneEvents).extracting(e -> after(e).getInt32("id")).containsExactly(2);
            assertThat(WalTestDb.op(doneEvents.get(0))).isEqualTo("c");
        }
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void whenNeededTakesANewSnapshotWhenTheSlotIsGone(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MODE, "when_needed");
        db.start(connect, config);
        db.sql("INSERT INTO t VALUES (2)");
        try (TopicReader reader = connect.reader(db.topic("t"))) {
            awaitEvents(reader, 2);
            connect.rest().request("PUT", "connectors/" + db.connector + "/stop", null).requireSuccess();
            Wait.until("slot released", WalTestDb.TIMEOUT, () -> !db.slotActive());
            db.pg.execute("SELECT pg_drop_replication_slot('" + db.prefix + "')");
            connect.rest().request("PUT", "connectors/" + db.connector + "/resume", null).requireSuccess();

            List<Struct> events = awaitEvents(reader, 4);
            assertThat(events.subList(2, 4)).extracting(WalTestDb::op).containsOnly("r");
            assertThat(events.subList(2, 4)).extracting(e -> after(e).getInt32("id")).containsExactlyInAnyOrder(1, 2);
        }
        db.delete(connect);
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
