package io.hermesconnect.source.diff.fetch.ldap;

import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.HASH;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.PHOTO;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.addJohnDoe;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.addPeople;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.admin;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.fetchAll;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.people;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.testkit.ldap.OpenLdapServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LDAP source against a real slapd, read anonymously: slapd's default size limit of 500 entries then holds, and
 * paged searches may read past it. Runs only where slapd is installed (the {@code slapd-it} profile).
 */
class OpenLdapFetcherIT {

    private static final int PEOPLE = 2_500;

    private static OpenLdapServer slapd;
    private static String jdoe;

    @BeforeAll
    static void start() throws LDAPException {
        slapd = OpenLdapServer.start();
        jdoe = "uid=jdoe," + slapd.groupsDn();
        try (LDAPConnection connection = slapd.connect()) {
            addPeople(connection, slapd.peopleDn(), PEOPLE);
            addJohnDoe(connection, jdoe);
        }
    }

    @AfterAll
    static void stop() {
        slapd.close();
    }

    @Test
    void readsEveryEntryOncePageByPageWhereAPlainSearchHitsTheSizeLimit() throws Exception {
        try (LDAPConnection anonymous = new LDAPConnection(slapd.host(), slapd.port())) {
            assertThatThrownBy(() -> anonymous.search(slapd.peopleDn(), SearchScope.SUB, "(objectClass=inetOrgPerson)"))
                    .isInstanceOfSatisfying(LDAPSearchException.class, e -> {
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);
                        assertThat(e.getEntryCount()).isEqualTo(500);
                    });
        }

        List<Map<String, Object>> rows;
        try (LdapFetcher fetcher = new LdapFetcher(settings(slapd.url(), null, null))) {
            rows = fetchAll(fetcher, people(slapd.peopleDn(), "uid"));
        }

        assertThat(rows).hasSize(PEOPLE);
        assertThat(rows).extracting(row -> row.get("dn")).doesNotHaveDuplicates();
        assertThat(rows).extracting(row -> row.get("uid")).doesNotHaveDuplicates()
                .contains(List.of("u0"), List.of("u" + (PEOPLE - 1)));
    }

    @Test
    void typesAndDescribesValuesByTheServersSchema() throws FetchException {
        FetchQuery.Ldap query = new FetchQuery.Ldap(slapd.groupsDn(), "(uid=jdoe)", FetchQuery.LdapScope.ONE,
                List.of("displayName", "CN", "jpegPhoto", "userPassword", "mail"));
        Map<String, Schema> schemas;
        List<Map<String, Object>> rows;
        try (LdapFetcher fetcher = new LdapFetcher(admin(slapd.url()))) {
            schemas = fetcher.describe(query);
            rows = fetchAll(fetcher, query);
        }

        assertThat(schemas).containsExactly(
                Map.entry("dn", Schema.OPTIONAL_STRING_SCHEMA),
                Map.entry("displayName", AttributeShape.TEXT.connectSchema()),
                Map.entry("CN", AttributeShape.TEXT_LIST.connectSchema()),
                Map.entry("jpegPhoto", AttributeShape.BYTES_LIST.connectSchema()),
                Map.entry("userPassword", AttributeShape.BYTES_LIST.connectSchema()),
                Map.entry("mail", AttributeShape.TEXT_LIST.connectSchema()));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsOnlyKeys("dn", "displayName", "CN", "jpegPhoto", "userPassword");
            assertThat(row.get("dn")).isEqualTo(jdoe);
            assertThat(row.get("displayName")).isEqualTo("John Doe");
            assertThat(row.get("CN")).isEqualTo(List.of("John", "Johnny"));
            assertThat((List<?>) row.get("jpegPhoto")).singleElement().isEqualTo(PHOTO);
            assertThat((List<?>) row.get("userPassword")).singleElement().isEqualTo(HASH);
        });
    }

    @Test
    void rejectsABadBaseFilterOrAttributeAndAWrongPassword() {
        try (LdapFetcher fetcher = new LdapFetcher(admin(slapd.url()))) {
            assertNotTransient(() -> fetcher.describe(people("ou=nobody," + slapd.baseDn(), "cn")),
                    Refused.SEARCH_BASE, "the search base does not exist");
            assertNotTransient(() -> fetchAll(fetcher, people("ou=nobody," + slapd.baseDn(), "cn")),
                    Refused.SEARCH_BASE, "no such object (the search base does not exist)");
            assertNotTransient(() -> fetcher.describe(new FetchQuery.Ldap(slapd.peopleDn(), "uid=a)(",
                    FetchQuery.LdapScope.SUB, List.of("cn"))), Refused.SEARCH_FILTER, "the search filter does not parse");
            assertNotTransient(() -> fetcher.describe(people(slapd.peopleDn(), "shoeSize")),
                    Refused.COLUMN_TYPE, "attribute 'shoeSize' is not in the server's schema");
        }
        try (LdapFetcher fetcher = new LdapFetcher(settings(slapd.url(), slapd.bindDn(), "wrong"))) {
            assertNotTransient(() -> fetcher.describe(people(slapd.peopleDn(), "cn")),
                    Refused.CREDENTIALS, "invalid credentials (check the bind DN and password)");
        }
    }

    @Test
    void aServerStoppedMidSearchFailsTheFetchAndOnceBackGivesEveryEntry() throws FetchException {
        try (LdapFetcher fetcher = new LdapFetcher(admin(slapd.url()))) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try {
                assertThatThrownBy(() -> fetcher.fetch(people(slapd.peopleDn(), "uid"), row -> {
                    if (rows.isEmpty()) {
                        slapd.stop();
                    }
                    rows.add(row);
                })).isInstanceOfSatisfying(FetchException.class, OpenLdapFetcherIT::assertTransientConnection)
                        .hasMessageContaining("the search failed: server down");
                assertThat(rows).hasSize(LdapTestSources.PAGE_SIZE);
                assertThatThrownBy(() -> fetcher.describe(people(slapd.peopleDn(), "uid")))
                        .isInstanceOfSatisfying(FetchException.class, OpenLdapFetcherIT::assertTransientConnection)
                        .hasMessageContaining("connecting and binding failed: connect error");
            } finally {
                slapd.restart();
            }

            assertThat(fetchAll(fetcher, people(slapd.peopleDn(), "uid"))).hasSize(PEOPLE);
        }
    }

    private static void assertTransientConnection(FetchException e) {
        assertThat(e.isTransient()).isTrue();
        assertThat(e.refused()).isEqualTo(Refused.CONNECTION);
    }

    private static void assertNotTransient(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Refused refused,
                                           String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e.refused()).isEqualTo(refused);
        }).hasMessageContaining(message);
    }
}
