package io.hermesconnect.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MariaDbServerIT {

    @Test
    void keepsItsDataAcrossStopAndStartAgain() throws SQLException {
        try (MariaDbServer server = MariaDbServer.start()) {
            server.execute("CREATE DATABASE kept", "CREATE TABLE kept.t (id INT)", "INSERT INTO kept.t VALUES (42)");

            server.stop();
            assertThatThrownBy(() -> server.connect("kept").close()).isInstanceOf(SQLException.class);
            server.startAgain();

            try (Connection connection = server.connect("kept"); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void theSharedServerCannotBeStopped() {
        MariaDbServer shared = MariaDbServer.shared();
        assertThat(shared).isSameAs(MariaDbServer.shared());
        assertThatThrownBy(shared::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("private");
    }
}
