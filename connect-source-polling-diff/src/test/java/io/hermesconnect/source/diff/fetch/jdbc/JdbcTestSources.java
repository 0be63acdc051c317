package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.mariadb.MariaDbServer;
import io.hermesconnect.testkit.postgres.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings for a fresh database on the shared PostgreSQL or MariaDB of the tests, reading a query whole, and checking
 * a row of NULLs.
 */
final class JdbcTestSources {

    static final int FETCH_SIZE = 10;

    private JdbcTestSources() {
    }

    /** A new database on {@code server} with a user that owns it; its settings log in as that user. */
    static JdbcSettings postgres(PostgresServer server) {
        String name = UniqueNames.of("jdbc");
        server.execute("CREATE ROLE " + name + " LOGIN PASSWORD 'pw-" + name + "'", "CREATE DATABASE " + name
                + " OWNER " + name);
        return settings(server.jdbcUrl(name), name);
    }

    /** A new database on {@code server} with a user that may do everything in it. */
    static JdbcSettings mariaDb(MariaDbServer server) {
        String name = UniqueNames.of("jdbc");
        server.execute("CREATE DATABASE " + name, "CREATE USER '" + name + "'@'127.0.0.1' IDENTIFIED BY 'pw-" + name
                + "'", "GRANT ALL ON " + name + ".* TO '" + name + "'@'127.0.0.1'");
        return settings(server.jdbcUrl(name), name);
    }

    static JdbcSettings settings(String url, String user) {
        return new JdbcSettings("src", url, user, new Password("pw-" + user), Map.of(), FETCH_SIZE,
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    static JdbcSettings withPassword(JdbcSettings settings, String password) {
        return new JdbcSettings(settings.source(), settings.url(), settings.user(), new Password(password),
                settings.driverProperties(), settings.fetchSize(), settings.queryTimeout(), settings.connectTimeout());
    }

    static JdbcSettings withUrl(JdbcSettings settings, String url) {
        return new JdbcSettings(settings.source(), url, settings.user(), settings.password(),
                settings.driverProperties(), settings.fetchSize(), settings.queryTimeout(), settings.connectTimeout());
    }

    static JdbcSettings withQueryTimeout(JdbcSettings settings, Duration timeout) {
        return new JdbcSettings(settings.source(), settings.url(), settings.user(), settings.password(),
                settings.driverProperties(), settings.fetchSize(), timeout, settings.connectTimeout());
    }

    /** The database name at the end of the settings' URL. */
    static String database(JdbcSettings settings) {
        return settings.url().substring(settings.url().lastIndexOf('/') + 1);
    }

    static List<Map<String, Object>> fetchAll(JdbcFetcher fetcher, String sql) throws FetchException {
        List<Map<String, Object>> rows = new ArrayList<>();
        fetcher.fetch(new FetchQuery.Sql(sql), rows::add);
        return rows;
    }

    /** Asserts that {@code row} has {@code size} columns, all null but {@code notNull}. */
    static void assertNullsBut(Map<String, Object> row, int size, String... notNull) {
        assertThat(row).hasSize(size);
        Set<String> kept = Set.of(notNull);
        row.forEach((column, value) -> {
            if (!kept.contains(column)) {
                assertThat(value).as(column).isNull();
            }
        });
    }
}
