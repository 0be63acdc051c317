package io.hermesconnect.source.wal;

import static io.hermesconnect.source.wal.WalTestDb.after;
import static io.hermesconnect.source.wal.WalTestDb.awaitEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.wal.replication.Lsn;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The slot follows Connect's commits; restarts lose nothing; heartbeats release WAL; metrics show progress. */
class OffsetsIT {

    private final ConnectCluster connect = ConnectCluster.shared();

    private WalTestDb started(PostgresVersion version, Map<String, String> overrides, String... ddl) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql(ddl);
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MODE, "never");
        config.putAll(overrides);
        db.start(connect, config);
        return db;
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void slotConfirmsCommittedRecordsAndRestartResumesWithoutLossOrDuplicates(PostgresVersion version) throws Exception {
        WalTestDb db = started(version, Map.of(), "CREATE TABLE t (id int PRIMARY KEY)");
        db.sql("INSERT INTO t SELECT generate_series(1, 100)");
        try (TopicReader reader = connect.reader(db.topic("t"))) {
            List<Struct> first = awaitEvents(reader, 100);
            long lastLsn = first.get(99).getStruct("source").getInt64("lsn");
            Wait.until("slot confirmed past the committed records", WalTestDb.TIMEOUT,
                    () -> Lsn.parse(db.confirmedFlushLsn()).asLong() >= lastLsn);

            ObjectName bean = new ObjectName("io.hermesconnect:type=wal-source,name=" + ObjectName.quote(db.prefix));
            assertThat((Long) ManagementFactory.getPlatformMBeanServer().getAttribute(bean, "TotalEvents")).isGreaterThanOrEqualTo(100L);
            assertThat((String) ManagementFactory.getPlatformMBeanServer().getAttribute(bean, "LastCommittedLsn")).isNotEqualTo("0/0");

            connect.rest().request("PUT", "connectors/" + db.connector + "/stop", null).requireSuccess();
            Wait.until("slot released", WalTestDb.TIMEOUT, () -> !db.slotActive());
            db.sql("INSERT INTO t SELECT generate_series(101, 200)", "DELETE FROM t WHERE id <= 10");
            connect.rest().request("PUT", "connectors/" + db.connector + "/resume", null).requireSuccess();

            List<Struct> all = awaitEvents(reader, 210);
            assertThat(all.stream().filter(e -> "c".equals(WalTestDb.op(e))).map(e -> after(e).getInt32("id")))
                    .hasSize(200).doesNotHaveDuplicates();
            assertThat(all.stream().filter(e -> "d".equals(WalTestDb.op(e)))).hasSize(10);
        }
        db.delete(connect);
    }

    /** Only tables outside the publication change: heartbeats still confirm the server's position. */
    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void heartbeatsKeepTheSlotFromPinningWal(PostgresVersion version) {
        WalTestDb db = started(version, Map.of(WalSourceConfig.PUBLICATION_AUTOCREATE_MODE, "filtered",
                        WalSourceConfig.TABLE_INCLUDE_LIST, "public.captured"),
                "CREATE TABLE captured (id int PRIMARY KEY)", "CREATE TABLE other (id serial PRIMARY KEY, pad text)");
        String start = db.query("SELECT pg_current_wal_lsn()::text");
        for (int i = 0; i < 5; i++) {
            db.sql("INSERT INTO other (pad) SELECT repeat('x', 500) FROM generate_series(1, 4000)");
        }
        long written = Lsn.bytesBetween(Lsn.parse(start).asLong(), Lsn.parse(db.query("SELECT pg_current_wal_lsn()::text")).asLong());
        assertThat(written).isGreaterThan(5_000_000);

        Wait.until("slot retains less than 1 MB of WAL", WalTestDb.TIMEOUT, () -> Long.parseLong(db.query(
                "SELECT pg_current_wal_lsn() - confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = '"
                        + db.prefix + "'")) < 1_000_000);
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void transactionMetadataAndSingleTopicRouting(PostgresVersion version) {
        WalTestDb db = started(version, Map.of(WalSourceConfig.PROVIDE_TRANSACTION_METADATA, "true",
                WalSourceConfig.TOPIC_ROUTING, "single", WalSourceConfig.TOMBSTONES_ON_DELETE, "false"),
                "CREATE TABLE a (id int PRIMARY KEY)", "CREATE TABLE b (id int PRIMARY KEY)");
        db.sql("BEGIN; INSERT INTO a VALUES (1); INSERT INTO b VALUES (1); DELETE FROM a; COMMIT;");

        try (TopicReader events = connect.reader(db.prefix); TopicReader tx = connect.reader(db.prefix + ".transaction")) {
            List<Struct> all = awaitEvents(events, 3);
            assertThat(all).extracting(e -> e.getStruct("source").getString("table")).containsExactly("a", "b", "a");
            assertThat(events.records()).hasSize(3); // no tombstone
            List<Struct> frames = awaitEvents(tx, 2);
            assertThat(frames).extracting(f -> f.getString("status")).containsExactly("BEGIN", "END");
            assertThat(frames.get(1).getInt64("event_count")).isEqualTo(3L);
            assertThat(all.get(2).getStruct("transaction").getString("id")).isEqualTo(frames.get(0).getString("id"));
        }
        db.delete(connect);
    }
}
