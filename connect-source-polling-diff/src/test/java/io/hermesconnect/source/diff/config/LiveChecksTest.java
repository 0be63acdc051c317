package io.hermesconnect.source.diff.config;

import static io.hermesconnect.source.diff.config.PollingDiffValidationTest.errorsByKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class LiveChecksTest {

    private static final Schema TEXT = Schema.OPTIONAL_STRING_SCHEMA;
    private static final Schema NUMBER = Schema.OPTIONAL_INT64_SCHEMA;

    /** What a fake source answers to a query. */
    @FunctionalInterface
    interface Answer {
        Map<String, Schema> describe(FetchQuery query) throws FetchException;
    }

    /** A source that answers describe calls and records the queries it was asked. */
    private static final class FakeFetcher implements SourceFetcher {
        final Answer answer;
        final List<FetchQuery> asked = new ArrayList<>();
        boolean closed;

        FakeFetcher(Answer answer) {
            this.answer = answer;
        }

        @Override
        public Map<String, Schema> describe(FetchQuery query) throws FetchException {
            asked.add(query);
            return answer.describe(query);
        }

        @Override
        public void fetch(FetchQuery query, Consumer<Map<String, Object>> rows) {
            throw new AssertionError("validation reads no rows");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final Map<String, FakeFetcher> fetchers = new HashMap<>();
    private final Map<String, FetchException> openFailures = new HashMap<>();

    private static Map<String, Schema> columns(Object... namesAndSchemas) {
        Map<String, Schema> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            columns.put((String) namesAndSchemas[i], (Schema) namesAndSchemas[i + 1]);
        }
        return columns;
    }

    /** The columns of the HERMES-like config's queries. */
    private static Map<String, Schema> hr(FetchQuery query) {
        String sql = ((FetchQuery.Sql) query).sql();
        if (sql.contains("FROM users")) {
            return columns("uid", NUMBER, "login", TEXT, "first_name", TEXT, "last_name", TEXT, "mail", TEXT, "alias", TEXT,
                    "password", TEXT, "hired", TEXT);
        }
        if (sql.contains("FROM groups")) {
            return columns("gid", NUMBER, "name", TEXT);
        }
        return columns("user_id", NUMBER, "group_id", NUMBER);
    }

    private static Map<String, Schema> dir(FetchQuery query) {
        return columns("dn", TEXT, "employeeNumber", NUMBER, "telephoneNumber", TEXT, "uidNumber", TEXT);
    }

    private FetcherFactory factory() {
        return settings -> {
            FetchException failure = openFailures.get(settings.name());
            if (failure != null) {
                throw failure;
            }
            return fetchers.get(settings.name());
        };
    }

    private Map<String, List<String>> check(Map<String, String> props, Duration timeout) {
        Config config = new Config(new ArrayList<>());
        new LiveChecks(factory(), timeout).run(new PollingDiffConfig(props).plan(), config);
        return errorsByKey(config);
    }

    private Map<String, List<String>> check() {
        return check(HermesLikeConfig.props(), Duration.ofSeconds(10));
    }

    private void answer(Answer hr, Answer dir) {
        fetchers.put("hr", new FakeFetcher(hr));
        fetchers.put("dir", new FakeFetcher(dir));
    }

    @Test
    void aSoundConfigPassesAndEachQueryIsDescribedOnceWithEarlierTypesEmpty() {
        answer(LiveChecksTest::hr, LiveChecksTest::dir);

        Config config = PollingDiffConfig.validate(HermesLikeConfig.props(), factory());

        assertThat(errorsByKey(config)).isEmpty();
        assertThat(fetchers.get("hr").asked).containsExactly(
                new FetchQuery.Sql("SELECT uid, login, first_name, last_name, mail, alias, password, hired FROM users"),
                new FetchQuery.Sql("SELECT gid, name FROM groups"),
                new FetchQuery.Sql("SELECT user_id, group_id FROM members"));
        assertThat(fetchers.get("dir").asked).containsExactly(new FetchQuery.Ldap("ou=people,dc=example,dc=org",
                "(objectClass=inetOrgPerson)", FetchQuery.LdapScope.SUB, List.of()));
        assertThat(fetchers.values()).allSatisfy(fetcher -> assertThat(fetcher.closed).isTrue());
    }

    @Test
    void anUnreachableSourceIsReportedOnItsUrl() {
        answer(LiveChecksTest::hr, LiveChecksTest::dir);
        openFailures.put("hr", new FetchException("Source 'hr': connection refused", true, Refused.CONNECTION, null, null));

        assertThat(check()).isEqualTo(Map.of("sources.hr.jdbc.url", List.of("Source 'hr': connection refused")));
    }

    @Test
    void refusedCredentialsAreReportedOnThePasswordWhenOpeningOrAtTheFirstQuery() {
        answer(LiveChecksTest::hr, query -> {
            throw new FetchException("Source 'dir': invalid credentials", false, Refused.CREDENTIALS, null, null);
        });
        openFailures.put("hr", new FetchException("Source 'hr': password authentication failed", false, Refused.CREDENTIALS, null, null));

        assertThat(check()).isEqualTo(Map.of(
                "sources.hr.jdbc.password", List.of("Source 'hr': password authentication failed"),
                "sources.dir.ldap.bind.password", List.of("Source 'dir': invalid credentials")));
    }

    @Test
    void aRejectedQueryIsReportedOnItsKeyAndTheOtherQueriesAreStillChecked() {
        answer(query -> {
            if (((FetchQuery.Sql) query).sql().contains("FROM groups")) {
                throw new FetchException("Source 'hr': relation \"groups\" does not exist", false, Refused.QUERY, null, null);
            }
            return hr(query);
        }, LiveChecksTest::dir);

        assertThat(check()).isEqualTo(Map.of("types.Groups.sources.hr.query", List.of("Source 'hr': relation \"groups\" does not exist")));
        assertThat(fetchers.get("hr").asked).hasSize(3);
    }

    @Test
    void aRejectedSearchBaseOrFilterIsReportedOnItsKey() {
        answer(LiveChecksTest::hr, query -> {
            throw new FetchException("Source 'dir': bad filter", false, Refused.SEARCH_FILTER, null, null);
        });
        assertThat(check()).containsOnlyKeys("types.Users.sources.dir.ldap.filter");

        answer(LiveChecksTest::hr, query -> {
            throw new FetchException("Source 'dir': no such object", false, Refused.SEARCH_BASE, null, null);
        });
        assertThat(check()).containsOnlyKeys("types.Users.sources.dir.ldap.base");
    }

    @Test
    void anUnsupportedColumnTypeIsReportedOnTheMappingThatReadsIt() {
        answer(query -> {
            if (((FetchQuery.Sql) query).sql().contains("FROM users")) {
                throw new FetchException("Source 'hr': column 'hired' has the unsupported type INTERVAL", false,
                        Refused.COLUMN_TYPE, "hired", null);
            }
            if (((FetchQuery.Sql) query).sql().contains("FROM groups")) {
                throw new FetchException("Source 'hr': column 'geom' has the unsupported type GEOMETRY", false,
                        Refused.COLUMN_TYPE, "geom", null);
            }
            return hr(query);
        }, LiveChecksTest::dir);

        assertThat(check()).containsOnlyKeys("types.Users.sources.hr.attrs.hired", "types.Groups.sources.hr.query");
    }

    @Test
    void anUnknownColumnIsReportedOnItsMapping() {
        answer(query -> {
            Map<String, Schema> columns = hr(query);
            columns.remove("alias");
            return columns;
        }, LiveChecksTest::dir);

        assertThat(check()).isEqualTo(Map.of("types.Users.sources.hr.attrs.mail", List.of("The query returns no column [alias]; "
                + "its columns are [uid, login, first_name, last_name, mail, password, hired]")));
    }

    @Test
    void oneAttributeWithTwoTypesFromTwoSourcesIsReportedNamingBothKeys() {
        answer(LiveChecksTest::hr, query -> columns("employeeNumber", TEXT, "telephoneNumber", TEXT, "uidNumber", TEXT));

        assertThat(check()).isEqualTo(Map.of("types.Users.sources.dir.attrs.uid", List.of("Attribute 'uid' has another type "
                + "here than from types.Users.sources.hr.attrs.uid (string versus int64); one attribute has one type")));
    }

    /** A driver stuck in a call that ignores interrupts must not hold validation past its time limit. */
    @Test
    void aSourceThatDoesNotAnswerInTimeIsReportedOnItsUrl() {
        CountDownLatch release = new CountDownLatch(1);
        answer(query -> {
            awaitIgnoringInterrupts(release);
            throw new FetchException("Source 'hr': too late", true, Refused.CONNECTION, null, null);
        }, LiveChecksTest::dir);
        try {
            assertThat(check(HermesLikeConfig.props(), Duration.ofMillis(200)))
                    .isEqualTo(Map.of("sources.hr.jdbc.url", List.of("Check did not finish within 200 ms")));
        } finally {
            release.countDown();
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // a stuck driver: keep waiting
            }
        }
    }
}
