package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.mariadb.MariaDbServer;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What fails, and how, on real PostgreSQL and MariaDB servers: the config's mistakes (bad SQL, unknown column, wrong
 * database or password) are not transient; an unreachable server, a query timeout and a server stopped mid-read are,
 * and the read throws instead of returning part of the rows. Each says what the source refused.
 */
class JdbcFailuresIT {

    private static final String SECRET_VALUE = "s3cr3t-value";

    @Test
    void postgresConfigMistakesAreNotTransient() {
        assertConfigMistakes(JdbcTestSources.postgres(PostgresServer.shared(PostgresVersion.V17)));
    }

    @Test
    void aDataErrorsMessageLeavesOutTheValueTheServerQuotes() {
        JdbcSettings settings = JdbcTestSources.postgres(PostgresServer.shared(PostgresVersion.V17));
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            assertFailure(() -> JdbcTestSources.fetchAll(fetcher, "SELECT '" + SECRET_VALUE + "'::int AS x"), false,
                    Refused.QUERY, "SQLSTATE 22P02");
            assertThatThrownBy(() -> JdbcTestSources.fetchAll(fetcher, "SELECT '" + SECRET_VALUE + "'::int AS x"))
                    .hasMessageNotContaining(SECRET_VALUE).hasNoCause();
        }
    }

    @Test
    void mariaDbConfigMistakesAreNotTransient() {
        assertConfigMistakes(JdbcTestSources.mariaDb(MariaDbServer.shared()));
    }

    @Test
    void postgresUnreachableAndTimeoutsAreTransient() {
        JdbcSettings settings = JdbcTestSources.postgres(PostgresServer.shared(PostgresVersion.V17));
        assertTransient(settings, "SELECT pg_sleep(10)");
    }

    @Test
    void mariaDbUnreachableAndTimeoutsAreTransient() {
        JdbcSettings settings = JdbcTestSources.mariaDb(MariaDbServer.shared());
        assertTransient(settings, "SELECT SLEEP(10) FROM DUAL");
    }

    @Test
    void postgresStoppedMidFetchThrows() {
        try (PostgresServer server = PostgresServer.start(PostgresVersion.V17)) {
            assertStopMidFetchThrows(JdbcTestSources.postgres(server), server::stop,
                    "SELECT g, repeat('x', 100) AS pad FROM generate_series(1, 2000000) AS g");
        }
    }

    @Test
    void mariaDbStoppedMidFetchThrows() {
        try (MariaDbServer server = MariaDbServer.start()) {
            assertStopMidFetchThrows(JdbcTestSources.mariaDb(server), server::stop,
                    "SELECT seq, REPEAT('x', 100) AS pad FROM seq_1_to_2000000");
        }
    }

    private static void assertConfigMistakes(JdbcSettings settings) {
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            assertFailure(() -> fetcher.describe(new FetchQuery.Sql("SELEC 1")), false, Refused.QUERY,
                    "describing the query");
            assertFailure(() -> fetcher.describe(new FetchQuery.Sql("SELECT no_such_column FROM (SELECT 1 AS x) AS t")),
                    false, Refused.QUERY, "no_such_column");
            assertFailure(() -> JdbcTestSources.fetchAll(fetcher, "SELECT no_such_column FROM (SELECT 1 AS x) AS t"),
                    false, Refused.QUERY, "reading the query");
            // the fetcher is usable after a failed call
            assertThat(fetcherDescribes(fetcher, "SELECT 1 AS x")).isTrue();
        }
        String noSuchDatabase = settings.url().substring(0, settings.url().lastIndexOf('/') + 1) + "no_such_database";
        try (JdbcFetcher wrongDatabase = new JdbcFetcher(JdbcTestSources.withUrl(settings, noSuchDatabase))) {
            assertFailure(() -> wrongDatabase.describe(new FetchQuery.Sql("SELECT 1")), false, Refused.CONNECTION,
                    "connecting");
        }
        try (JdbcFetcher wrongPassword = new JdbcFetcher(JdbcTestSources.withPassword(settings, "wrong"))) {
            assertFailure(() -> wrongPassword.describe(new FetchQuery.Sql("SELECT 1")), false, Refused.CREDENTIALS,
                    "connecting");
        }
    }

    private static void assertTransient(JdbcSettings settings, String slowQuery) {
        String unreachable = settings.url().replaceFirst(":\\d+/", ":" + FreePort.find() + "/");
        try (JdbcFetcher fetcher = new JdbcFetcher(JdbcTestSources.withUrl(settings, unreachable))) {
            assertFailure(() -> fetcher.describe(new FetchQuery.Sql("SELECT 1")), true, Refused.CONNECTION,
                    "connecting");
        }
        JdbcSettings impatient = JdbcTestSources.withQueryTimeout(settings, Duration.ofMillis(500));
        try (JdbcFetcher fetcher = new JdbcFetcher(impatient)) {
            long start = System.nanoTime();
            assertFailure(() -> JdbcTestSources.fetchAll(fetcher, slowQuery), true, Refused.CONNECTION,
                    "reading the query");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    private static void assertStopMidFetchThrows(JdbcSettings settings, Runnable stopServer, String longQuery) {
        AtomicInteger rows = new AtomicInteger();
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            assertFailure(() -> fetcher.fetch(new FetchQuery.Sql(longQuery), row -> {
                if (rows.incrementAndGet() == 3) {
                    stopServer.run();
                }
            }), true, Refused.CONNECTION, "reading the query");
        }
        assertThat(rows.get()).isBetween(3, 2_000_000 - 1);
    }

    private static void assertFailure(ThrowingCallable call, boolean isTransient, Refused refused,
                                      String messagePart) {
        assertThatThrownBy(call).isInstanceOf(FetchException.class)
                .hasMessageContaining("JDBC source src")
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((FetchException) e).isTransient()).as("transient").isEqualTo(isTransient))
                .satisfies(e -> assertThat(((FetchException) e).refused()).as("refused").isEqualTo(refused));
    }

    private static boolean fetcherDescribes(JdbcFetcher fetcher, String sql) {
        try {
            return fetcher.describe(new FetchQuery.Sql(sql)).containsKey("x");
        } catch (FetchException e) {
            throw new AssertionError(e);
        }
    }
}
