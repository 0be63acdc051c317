package io.hermesconnect.source.diff.fetch.ldap;

import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.HASH;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.PHOTO;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.addJohnDoe;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.addPeople;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.admin;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.fetchAll;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.people;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.ldap.InMemoryLdapServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LDAP source against UnboundID's in-memory server, with a size limit of 500 entries per search. */
class LdapFetcherTest {

    private static final int SIZE_LIMIT = 500;
    private static final int PEOPLE = 2_500;
    private static final String JDOE = "uid=jdoe,ou=groups,dc=example,dc=org";

    private static final AtomicInteger peopleSearches = new AtomicInteger();
    private static InMemoryLdapServer ldap;

    @BeforeAll
    static void start() throws LDAPException {
        ldap = InMemoryLdapServer.startWith(config -> {
            config.setMaxSizeLimit(SIZE_LIMIT);
            config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
                @Override
                public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                    if (request.getRequest().getBaseDN().equals(ldap.peopleDn())) {
                        peopleSearches.incrementAndGet();
                    }
                }
            });
        });
        addPeople(ldap.directory(), ldap.peopleDn(), PEOPLE);
        addJohnDoe(ldap.directory(), JDOE);
    }

    @AfterAll
    static void stop() {
        ldap.close();
    }

    @Test
    void readsEveryEntryOncePageByPageWhereAPlainSearchHitsTheSizeLimit() throws Exception {
        try (LDAPConnection connection = ldap.connect()) {
            assertThatThrownBy(() -> connection.search(ldap.peopleDn(), SearchScope.SUB, "(objectClass=inetOrgPerson)"))
                    .isInstanceOfSatisfying(LDAPSearchException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED));
        }
        peopleSearches.set(0);

        List<Map<String, Object>> rows;
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            rows = fetchAll(fetcher, people(ldap.peopleDn(), "uid"));
        }

        assertThat(rows).hasSize(PEOPLE);
        assertThat(rows).extracting(row -> row.get("dn")).doesNotHaveDuplicates();
        assertThat(rows).extracting(row -> row.get("uid")).doesNotHaveDuplicates()
                .contains(List.of("u0"), List.of("u" + (PEOPLE - 1)));
        assertThat(peopleSearches.get()).as("one request per page of 100").isBetween(25, 26);
    }

    @Test
    void typesValuesByTheSchemaUnderTheNamesTheQueryGives() throws FetchException {
        List<Map<String, Object>> rows;
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            rows = fetchAll(fetcher, new FetchQuery.Ldap(ldap.groupsDn(), "(uid=jdoe)", FetchQuery.LdapScope.ONE,
                    List.of("CN", "displayname", "jpegPhoto", "userPassword", "2.5.4.3", "mail")));
        }

        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsOnlyKeys("dn", "CN", "displayname", "jpegPhoto", "userPassword", "2.5.4.3");
        assertThat(row.get("dn")).isEqualTo(JDOE);
        assertThat(row.get("CN")).isEqualTo(List.of("John", "Johnny"));
        assertThat(row.get("2.5.4.3")).as("cn by its OID").isEqualTo(List.of("John", "Johnny"));
        assertThat(row.get("displayname")).as("single-valued").isEqualTo("John Doe");
        assertThat((List<?>) row.get("jpegPhoto")).singleElement().isEqualTo(PHOTO);
        assertThat((List<?>) row.get("userPassword")).as("octet string").singleElement().isEqualTo(HASH);
    }

    @Test
    void describesEachAttributeFromTheServersSchema() throws FetchException {
        Map<String, Schema> schemas;
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            schemas = fetcher.describe(people(ldap.peopleDn(), "displayName", "cn", "jpegPhoto", "userPassword"));
        }

        assertThat(schemas).containsExactly(
                Map.entry("dn", Schema.OPTIONAL_STRING_SCHEMA),
                Map.entry("displayName", AttributeShape.TEXT.connectSchema()),
                Map.entry("cn", AttributeShape.TEXT_LIST.connectSchema()),
                Map.entry("jpegPhoto", AttributeShape.BYTES_LIST.connectSchema()),
                Map.entry("userPassword", AttributeShape.BYTES_LIST.connectSchema()));
        assertThat(AttributeShape.TEXT_LIST.connectSchema().type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(AttributeShape.TEXT_LIST.connectSchema().valueSchema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(AttributeShape.BYTES_LIST.connectSchema().valueSchema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
    }

    @Test
    void withNoAttributesListedReadsAndDescribesEveryUserAttribute() throws FetchException {
        FetchQuery.Ldap everything = new FetchQuery.Ldap(JDOE, "(objectClass=*)", FetchQuery.LdapScope.BASE, List.of());
        Map<String, Schema> schemas;
        List<Map<String, Object>> rows;
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            schemas = fetcher.describe(everything);
            rows = fetchAll(fetcher, everything);
        }

        assertThat(schemas).containsKeys("dn", "cn", "displayName", "jpegPhoto", "mail", "objectClass");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsOnlyKeys("dn", "objectClass", "uid", "cn", "sn", "displayName", "jpegPhoto",
                    "userPassword");
            assertThat(schemas).containsKeys(row.keySet().toArray(String[]::new));
            assertThat(row.get("cn")).isEqualTo(List.of("John", "Johnny"));
        });
    }

    @Test
    void fallsBackToAPlainSearchAndFailsWhenItHitsTheSizeLimit() throws Exception {
        InMemoryOperationInterceptor ignoresPaging = new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                SearchRequest withoutControls = request.getRequest().duplicate();
                withoutControls.setControls();
                request.setRequest(withoutControls);
            }
        };
        try (InMemoryLdapServer noPaging = InMemoryLdapServer.startWith(config -> {
            config.setMaxSizeLimit(SIZE_LIMIT);
            config.addInMemoryOperationInterceptor(ignoresPaging);
        }); LdapFetcher fetcher = new LdapFetcher(admin(noPaging.url()))) {
            addPeople(noPaging.directory(), noPaging.peopleDn(), 600);

            FetchQuery.Ldap underTheLimit = new FetchQuery.Ldap(noPaging.peopleDn(), "(uid=u1*)",
                    FetchQuery.LdapScope.ONE, List.of("uid"));
            assertThat(fetchAll(fetcher, underTheLimit)).as("u1, u10..u19, u100..u199").hasSize(111);

            assertThatThrownBy(() -> fetchAll(fetcher, people(noPaging.peopleDn(), "uid")))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.isTransient()).isFalse();
                        assertThat(e.refused()).isEqualTo(Refused.QUERY);
                    })
                    .hasMessageContaining("size limit exceeded")
                    .hasMessageContaining("does not page results");
        }
    }

    @Test
    void rejectsABaseThatDoesNotExistOrIsNoDnWithoutQuotingIt() {
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            String missing = "ou=nobody,dc=example,dc=org";
            assertThatThrownBy(() -> fetcher.describe(people(missing, "cn")))
                    .satisfies(e -> assertNotTransient(e, Refused.SEARCH_BASE, "the search base does not exist",
                            "nobody"));
            assertThatThrownBy(() -> fetchAll(fetcher, people(missing, "cn")))
                    .satisfies(e -> assertNotTransient(e, Refused.SEARCH_BASE,
                            "no such object (the search base does not exist)", "nobody"));
            assertThatThrownBy(() -> fetcher.describe(people("nobody here", "cn")))
                    .satisfies(e -> assertNotTransient(e, Refused.SEARCH_BASE, "the search base is not a valid DN",
                            "nobody"));
        }
    }

    @Test
    void rejectsAFilterThatDoesNotParseWithoutQuotingIt() {
        FetchQuery.Ldap badFilter = new FetchQuery.Ldap(ldap.peopleDn(), "(uid=topsecret", FetchQuery.LdapScope.SUB,
                List.of("uid"));
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            assertThatThrownBy(() -> fetcher.describe(badFilter))
                    .satisfies(e -> assertNotTransient(e, Refused.SEARCH_FILTER, "the search filter does not parse",
                            "topsecret"));
            assertThatThrownBy(() -> fetchAll(fetcher, badFilter))
                    .satisfies(e -> assertNotTransient(e, Refused.SEARCH_FILTER, "the search filter does not parse",
                            "topsecret"));
        }
    }

    @Test
    void rejectsAnAttributeTheSchemaDoesNotKnowByItsName() {
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            assertThatThrownBy(() -> fetcher.describe(people(ldap.peopleDn(), "cn", "shoeSize")))
                    .satisfies(e -> assertNotTransient(e, Refused.COLUMN_TYPE,
                            "attribute 'shoeSize' is not in the server's schema", "\0"))
                    .satisfies(e -> assertThat(((FetchException) e).column()).isEqualTo("shoeSize"));
            assertThatThrownBy(() -> fetchAll(fetcher, people(ldap.peopleDn(), "shoeSize")))
                    .satisfies(e -> assertNotTransient(e, Refused.COLUMN_TYPE,
                            "attribute 'shoeSize' is not in the server's schema", "\0"))
                    .satisfies(e -> assertThat(((FetchException) e).column()).isEqualTo("shoeSize"));
        }
    }

    @Test
    void rejectsAWrongPasswordWithoutQuotingIt() {
        LdapSettings wrong = LdapTestSources.settings(ldap.url(), ldap.bindDn(), "not-the-s3cret");
        try (LdapFetcher fetcher = new LdapFetcher(wrong)) {
            assertThatThrownBy(() -> fetcher.describe(people(ldap.peopleDn(), "cn")))
                    .satisfies(e -> assertNotTransient(e, Refused.CREDENTIALS,
                            "invalid credentials (check the bind DN and password)",
                            "not-the-s3cret"));
        }
        assertThat(wrong.toString()).doesNotContain("not-the-s3cret").contains(ldap.url());
    }

    @Test
    void anUnreachableServerIsTransient() {
        String nobodyListens = "ldap://127.0.0.1:" + FreePort.find();
        try (LdapFetcher fetcher = new LdapFetcher(admin(nobodyListens))) {
            assertThatThrownBy(() -> fetchAll(fetcher, people(ldap.peopleDn(), "cn")))
                    .isInstanceOfSatisfying(FetchException.class, LdapFetcherTest::assertTransientConnection)
                    .hasMessageContaining(nobodyListens)
                    .hasMessageContaining("connecting and binding failed: connect error");
        }
    }

    @Test
    void triesTheServersInOrderUntilOneAnswers() throws FetchException {
        String nobodyListens = "ldap://127.0.0.1:" + FreePort.find();
        LdapSettings failover = new LdapSettings(List.of(nobodyListens, ldap.url()), false, null, "PKCS12", null,
                ldap.bindDn(), ldap.bindPassword(), 100, Duration.ZERO, LdapTestSources.TIMEOUT, LdapTestSources.TIMEOUT);
        try (LdapFetcher fetcher = new LdapFetcher(failover)) {
            assertThat(fetchAll(fetcher, people(ldap.peopleDn(), "uid"))).hasSize(PEOPLE);
        }
    }

    @Test
    void aServerThatStopsMidSearchFailsTheFetchTransiently() throws Exception {
        try (InMemoryLdapServer stopping = InMemoryLdapServer.start();
                LdapFetcher fetcher = new LdapFetcher(admin(stopping.url()))) {
            addPeople(stopping.directory(), stopping.peopleDn(), 1_000);
            List<Map<String, Object>> rows = new ArrayList<>();

            assertThatThrownBy(() -> fetcher.fetch(people(stopping.peopleDn(), "uid"), row -> {
                if (rows.isEmpty()) {
                    stopping.directory().shutDown(true);
                }
                rows.add(row);
            })).isInstanceOfSatisfying(FetchException.class, LdapFetcherTest::assertTransientConnection)
                    .hasMessageContaining("the search failed: server down");
            assertThat(rows).as("the first page, then the next page's request fails").hasSize(LdapTestSources.PAGE_SIZE);
        }
    }

    @Test
    void aServerSlowerThanTheResponseTimeoutIsTransient() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InMemoryOperationInterceptor stalls = new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                if (request.getRequest().getFilter().toString().equals("(uid=stall)")) {
                    awaitQuietly(release);
                }
            }
        };
        try (InMemoryLdapServer slow = InMemoryLdapServer.startWith(config -> config.addInMemoryOperationInterceptor(stalls))) {
            LdapSettings impatient = new LdapSettings(List.of(slow.url()), false, null, "PKCS12", null, slow.bindDn(),
                    slow.bindPassword(), 100, Duration.ZERO, LdapTestSources.TIMEOUT,
                    Duration.ofMillis(300));
            try (LdapFetcher fetcher = new LdapFetcher(impatient)) {
                assertThatThrownBy(() -> fetchAll(fetcher,
                        new FetchQuery.Ldap(slow.peopleDn(), "(uid=stall)", FetchQuery.LdapScope.SUB, List.of("uid"))))
                        .isInstanceOfSatisfying(FetchException.class, LdapFetcherTest::assertTransientConnection)
                        .hasMessageContaining("the search failed: timeout");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aFailingRowConsumerEndsTheFetchAndTheNextFetchReadsEverything() throws FetchException {
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            IllegalStateException mappingFailed = new IllegalStateException("mapping failed");
            assertThatThrownBy(() -> fetcher.fetch(people(ldap.peopleDn(), "uid"), row -> {
                throw mappingFailed;
            })).isSameAs(mappingFailed);

            assertThat(fetchAll(fetcher, people(ldap.peopleDn(), "uid"))).hasSize(PEOPLE);
        }
    }

    @Test
    void refusesSqlQueries() {
        try (LdapFetcher fetcher = new LdapFetcher(admin(ldap.url()))) {
            assertThatThrownBy(() -> fetcher.describe(new FetchQuery.Sql("SELECT 1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * A non-transient failure that refused {@code refused}, whose message says {@code expected} and does not quote
     * {@code secret}.
     */
    private static void assertNotTransient(Throwable e, Refused refused, String expected, String secret) {
        assertThat(e).isInstanceOfSatisfying(FetchException.class, f -> {
            assertThat(f.isTransient()).isFalse();
            assertThat(f.refused()).isEqualTo(refused);
        }).hasMessageContaining(expected);
        assertThat(e.getMessage()).doesNotContain(secret);
    }

    private static void assertTransientConnection(FetchException e) {
        assertThat(e.isTransient()).isTrue();
        assertThat(e.refused()).isEqualTo(Refused.CONNECTION);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
