package io.hermesconnect.source.diff.fetch.ldap;

import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.addPeople;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.fetchAll;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.people;
import static io.hermesconnect.source.diff.fetch.ldap.LdapTestSources.tls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.testkit.ldap.InMemoryLdapServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LDAP source over LDAPS and StartTLS, trusting only a trust store and checking the host name. */
class LdapFetcherTlsTest {

    private static InMemoryLdapServer ldap;
    private static InMemoryLdapServer other;

    @BeforeAll
    static void start() throws LDAPException {
        ldap = InMemoryLdapServer.startWithLdaps();
        other = InMemoryLdapServer.startWithLdaps();
        addPeople(ldap.directory(), ldap.peopleDn(), 3);
    }

    @AfterAll
    static void stop() {
        ldap.close();
        other.close();
    }

    @Test
    void readsOverLdapsWithTheTrustStore() throws FetchException {
        try (LdapFetcher fetcher = new LdapFetcher(tls(ldap.ldapsUrl(), false, ldap.trustStore(), ldap.trustStorePassword()))) {
            assertThat(fetchAll(fetcher, people(ldap.peopleDn(), "uid"))).hasSize(3);
        }
    }

    @Test
    void readsOverStartTlsWithTheTrustStore() throws FetchException {
        try (LdapFetcher fetcher = new LdapFetcher(tls(ldap.url(), true, ldap.trustStore(), ldap.trustStorePassword()))) {
            assertThat(fetchAll(fetcher, people(ldap.peopleDn(), "uid"))).hasSize(3);
        }
    }

    @Test
    void aCertificateTheTrustStoreDoesNotHoldIsRefused() {
        for (LdapSettings untrusted : List.of(
                tls(ldap.ldapsUrl(), false, other.trustStore(), other.trustStorePassword()),
                tls(ldap.url(), true, other.trustStore(), other.trustStorePassword()))) {
            try (LdapFetcher fetcher = new LdapFetcher(untrusted)) {
                assertThatThrownBy(() -> fetchAll(fetcher, people(ldap.peopleDn(), "uid")))
                        .isInstanceOfSatisfying(FetchException.class, LdapFetcherTlsTest::assertRefusedConnection)
                        .hasMessageContaining("the TLS handshake failed; check that the trust store holds");
            }
        }
    }

    @Test
    void refusesStartTlsOnLdapsAndMixedSchemes() {
        LdapSettings startTlsOnLdaps = tls(ldap.ldapsUrl(), true, ldap.trustStore(), ldap.trustStorePassword());
        LdapSettings mixed = new LdapSettings(List.of(ldap.url(), ldap.ldapsUrl()), false, null, "PKCS12", null,
                ldap.bindDn(), ldap.bindPassword(), 10, Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5));
        LdapSettings notLdap = new LdapSettings(List.of("http://127.0.0.1:80"), false, null, "PKCS12", null,
                ldap.bindDn(), ldap.bindPassword(), 10, Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertRefused(startTlsOnLdaps, "StartTLS applies to ldap:// URLs only");
        assertRefused(mixed, "the server URLs mix ldap:// and ldaps://");
        assertRefused(notLdap, "not an ldap:// or ldaps:// URL: http://127.0.0.1:80");
    }

    @Test
    void hidesBothPasswords() {
        String text = tls(ldap.ldapsUrl(), false, ldap.trustStore(), "trust-pw").toString();

        assertThat(text).doesNotContain("trust-pw").doesNotContain(ldap.bindPassword()).contains(ldap.ldapsUrl());
    }

    /** A failure the URL or the TLS settings must fix: not transient, on the connection. */
    private static void assertRefusedConnection(FetchException e) {
        assertThat(e.isTransient()).isFalse();
        assertThat(e.refused()).isEqualTo(Refused.CONNECTION);
    }

    private static void assertRefused(LdapSettings settings, String message) {
        try (LdapFetcher fetcher = new LdapFetcher(settings)) {
            assertThatThrownBy(() -> fetcher.describe(people(ldap.peopleDn(), "uid")))
                    .isInstanceOfSatisfying(FetchException.class, LdapFetcherTlsTest::assertRefusedConnection)
                    .hasMessageContaining(message);
        }
    }
}
