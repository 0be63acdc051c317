package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.testkit.mariadb.MariaDbServer;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Write-back runs all its statements in one transaction on real PostgreSQL and MariaDB servers. */
class JdbcWriteBackIT {

    private static final String ONE = "types.Users.sources.src.commit.one";
    private static final String ALL = "types.Users.sources.src.commit.all";

    @Test
    void postgres() throws Exception {
        PostgresServer server = PostgresServer.shared(PostgresVersion.V17);
        JdbcSettings settings = JdbcTestSources.postgres(server);
        server.executeIn(JdbcTestSources.database(settings), "SET ROLE " + settings.user(),
                "CREATE TABLE users (id int PRIMARY KEY, otp text)",
                "INSERT INTO users VALUES (1, 'otp-1'), (2, 'otp-2')");
        assertWriteBack(settings);
    }

    @Test
    void mariaDb() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        JdbcSettings settings = JdbcTestSources.mariaDb(server);
        server.executeIn(JdbcTestSources.database(settings),
                "CREATE TABLE users (id INT PRIMARY KEY, otp TEXT)",
                "INSERT INTO users VALUES (1, 'otp-1'), (2, 'otp-2')");
        assertWriteBack(settings);
    }

    private static void assertWriteBack(JdbcSettings settings) throws Exception {
        JdbcWriteBack writeBack = new JdbcWriteBack(settings);
        WriteBackStatement clearFirst = new WriteBackStatement(ONE, "UPDATE users SET otp = NULL WHERE id = 1");
        WriteBackStatement broken = new WriteBackStatement(ALL, "UPDATE users SET no_such_column = NULL");
        WriteBackStatement duplicate = new WriteBackStatement(ALL, "UPDATE users SET id = 2 WHERE id = 1");

        assertThatThrownBy(() -> writeBack.run(List.of(clearFirst, broken))).isInstanceOf(WriteBackException.class)
                .hasMessageContaining(ALL).hasMessageContaining("JDBC source src")
                .satisfies(e -> assertThat(((WriteBackException) e).configKey()).isEqualTo(ALL))
                .satisfies(e -> assertThat(((WriteBackException) e).isTransient()).isFalse());
        assertThat(otps(settings)).as("the first statement was rolled back").containsExactly("otp-1", "otp-2");

        assertThatThrownBy(() -> writeBack.run(List.of(clearFirst, duplicate))).isInstanceOf(WriteBackException.class)
                .hasMessageContaining("SQLSTATE 23").hasMessageNotContaining("'2'").hasMessageNotContaining("=(2)");
        assertThat(otps(settings)).containsExactly("otp-1", "otp-2");

        assertThatThrownBy(() -> writeBack.check(List.of(clearFirst, broken))).isInstanceOf(WriteBackException.class)
                .satisfies(e -> assertThat(((WriteBackException) e).configKey()).isEqualTo(ALL));
        writeBack.check(List.of(clearFirst, duplicate));
        assertThat(otps(settings)).as("check runs nothing").containsExactly("otp-1", "otp-2");

        writeBack.run(List.of(clearFirst,
                new WriteBackStatement(ALL, "UPDATE users SET otp = 'sent' WHERE otp IS NOT NULL")));
        assertThat(otps(settings)).containsExactly(null, "sent");
    }

    private static List<String> otps(JdbcSettings settings) throws FetchException {
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            return JdbcTestSources.fetchAll(fetcher, "SELECT otp FROM users ORDER BY id").stream()
                    .map(row -> (String) row.get("otp")).toList();
        }
    }
}
