package io.hermesconnect.source.wal;

import static io.hermesconnect.source.wal.WalTestDb.after;
import static io.hermesconnect.source.wal.WalTestDb.awaitEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.management.ObjectName;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

/** The task recovers by itself from a restarted server and a busy slot; the slot outlives the connector. */
class FaultsIT {

    private final ConnectCluster connect = ConnectCluster.shared();

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void reconnectsAfterAServerRestartAndLosesNothing(PostgresVersion version) {
        try (PostgresServer pg = PostgresServer.start(version)) {
            WalTestDb db = new WalTestDb(pg);
            db.sql("CREATE TABLE t (id int PRIMARY KEY)");
            Map<String, String> config = db.config();
            config.put(WalSourceConfig.SNAPSHOT_MODE, "never");
            db.start(connect, config);
            db.sql("INSERT INTO t SELECT generate_series(1, 50)");
            try (TopicReader reader = connect.reader(db.topic("t"))) {
                awaitEvents(reader, 50);
                pg.restart();
                db.sql("INSERT INTO t SELECT generate_series(51, 100)");

                List<Struct> events = awaitEvents(reader, 100);
                assertThat(events.stream().map(e -> after(e).getInt32("id")).distinct()).hasSize(100);
                assertThat(connect.rest().status(db.connector).path("tasks").get(0).path("state").asText()).isEqualTo("RUNNING");
            }
            connect.rest().deleteConnector(db.connector);
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void waitsWithAClearErrorWhileTheSlotIsInUse(PostgresVersion version) throws Exception {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE t (id int PRIMARY KEY)", "CREATE PUBLICATION " + db.prefix + "_pub FOR ALL TABLES");
        db.query("SELECT lsn::text FROM pg_create_logical_replication_slot('" + db.prefix + "', 'pgoutput')");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MODE, "never");
        ObjectName bean = new ObjectName("io.hermesconnect:type=wal-source,name=" + ObjectName.quote(db.prefix));
        try (Connection holder = replicationConnection(db); PGReplicationStream stream = holder.unwrap(PGConnection.class)
                .getReplicationAPI().replicationStream().logical().withSlotName(db.prefix)
                .withSlotOption("proto_version", 1).withSlotOption("publication_names", db.prefix + "_pub").start()) {
            db.start(connect, config);
            String error = Wait.until("the task reports the busy slot", WalTestDb.TIMEOUT,
                    () -> lastError(bean), e -> e.contains("in use by another connection"));
            assertThat(error).contains(db.prefix);
            assertThat(connect.rest().status(db.connector).path("tasks").get(0).path("state").asText()).isEqualTo("RUNNING");
        }
        db.sql("INSERT INTO t VALUES (1)");
        try (TopicReader reader = connect.reader(db.topic("t"))) {
            assertThat(awaitEvents(reader, 1)).extracting(e -> after(e).getInt32("id")).containsExactly(1);
        }
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void deletingTheConnectorKeepsTheSlotUnlessAskedToDropIt(PostgresVersion version) {
        WalTestDb kept = new WalTestDb(PostgresServer.shared(version));
        kept.sql("CREATE TABLE t (id int PRIMARY KEY)");
        kept.start(connect, kept.config());
        // streaming first: a task deleted while still starting could take the slot after the wait below
        Wait.until("slot in use", WalTestDb.TIMEOUT, kept::slotActive);
        connect.rest().deleteConnector(kept.connector);
        Wait.until("slot released", WalTestDb.TIMEOUT, () -> !kept.slotActive());
        assertThat(kept.confirmedFlushLsn()).isNotNull();
        kept.pg.execute("SELECT pg_drop_replication_slot('" + kept.prefix + "')");

        WalTestDb dropped = new WalTestDb(PostgresServer.shared(version));
        dropped.sql("CREATE TABLE t (id int PRIMARY KEY)");
        Map<String, String> config = dropped.config();
        config.put(WalSourceConfig.SLOT_DROP_ON_STOP, "true");
        dropped.start(connect, config);
        Wait.until("slot created", WalTestDb.TIMEOUT, dropped::slotActive);
        connect.rest().deleteConnector(dropped.connector);
        Wait.until("slot dropped", WalTestDb.TIMEOUT, () -> dropped.pg.queryString("postgres",
                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + dropped.prefix + "'").equals("0"));
    }

    private static String lastError(ObjectName bean) {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().getAttribute(bean, "LastError");
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection replicationConnection(WalTestDb db) throws java.sql.SQLException {
        Properties props = new Properties();
        PGProperty.USER.set(props, db.pg.superuser());
        PGProperty.PASSWORD.set(props, db.pg.superuserPassword());
        PGProperty.REPLICATION.set(props, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
        PGProperty.PREFER_QUERY_MODE.set(props, "simple");
        return DriverManager.getConnection(db.pg.jdbcUrl(db.db), props);
    }
}
