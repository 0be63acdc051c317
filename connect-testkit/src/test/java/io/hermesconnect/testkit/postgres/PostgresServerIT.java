package io.hermesconnect.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.testkit.UniqueNames;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostgresServerIT {

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void runsTheRequestedMajorReadyForLogicalReplication(PostgresVersion version) {
        PostgresServer pg = PostgresServer.shared(version);

        assertThat(pg.queryString("postgres", "SHOW server_version_num")).startsWith(Integer.toString(version.major()));
        assertThat(pg.queryString("postgres", "SHOW wal_level")).isEqualTo("logical");
        assertThat(Integer.parseInt(pg.queryString("postgres", "SHOW max_replication_slots"))).isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(pg.queryString("postgres", "SHOW max_wal_senders"))).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void createsAndDropsAPgoutputSlotInItsOwnDatabase(PostgresVersion version) {
        PostgresServer pg = PostgresServer.shared(version);
        String db = UniqueNames.of("shop");
        String slot = UniqueNames.of("slot");
        pg.createDatabase(db);
        pg.executeIn(db, "CREATE TABLE orders (id int PRIMARY KEY, item text)",
                "CREATE PUBLICATION orders_pub FOR TABLE orders",
                "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");

        assertThat(pg.queryString(db, "SELECT plugin FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                .isEqualTo("pgoutput");
        pg.executeIn(db, "SELECT pg_drop_replication_slot('" + slot + "')");
        assertThat(pg.queryString(db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                .isEqualTo("0");
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void checksPasswordsAndTheReplicationAttribute(PostgresVersion version) throws SQLException {
        PostgresServer pg = PostgresServer.shared(version);
        String replicator = UniqueNames.of("replicator");
        String reader = UniqueNames.of("reader");
        pg.execute("CREATE ROLE " + replicator + " LOGIN REPLICATION PASSWORD 'right'",
                "CREATE ROLE " + reader + " LOGIN PASSWORD 'right'");

        try (Connection replication = replicationConnection(pg, replicator, "right");
                Statement statement = replication.createStatement()) {
            assertThat(statement.execute("IDENTIFY_SYSTEM")).isTrue();
        }
        assertThatThrownBy(() -> replicationConnection(pg, replicator, "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        // 13: "must be superuser or replication role", 17: "Only roles with the REPLICATION attribute"
        assertThatThrownBy(() -> replicationConnection(pg, reader, "right").close())
                .isInstanceOf(SQLException.class).hasMessageMatching("(?is).*replication (role|attribute).*");
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.superuser(), "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void keepsDataAndPortAcrossARestart() throws SQLException {
        try (PostgresServer pg = PostgresServer.start(PostgresVersion.V13)) {
            int port = pg.port();
            pg.execute("CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (42)");

            pg.stop();
            assertThatThrownBy(() -> pg.connect().close()).isInstanceOf(SQLException.class);
            pg.startAgain();

            assertThat(pg.port()).isEqualTo(port);
            assertThat(pg.queryString("postgres", "SELECT id FROM kept")).isEqualTo("42");
            assertThat(pg.queryString("postgres", "SHOW wal_level")).isEqualTo("logical");
        }
    }

    @Test
    void refusesToStopTheSharedServer() {
        assertThatThrownBy(() -> PostgresServer.shared(PostgresVersion.V17).restart())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PostgresServer.start");
    }

    private static Connection replicationConnection(PostgresServer pg, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("replication", "database");
        props.setProperty("preferQueryMode", "simple"); // replication connections take the simple protocol only
        props.setProperty("assumeMinServerVersion", "10");
        return DriverManager.getConnection(pg.jdbcUrl("postgres"), props);
    }
}
