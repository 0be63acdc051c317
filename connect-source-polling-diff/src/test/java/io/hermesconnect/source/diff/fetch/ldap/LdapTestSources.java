package io.hermesconnect.source.diff.fetch.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.testkit.ldap.ExampleDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Settings, test entries and fetches shared by the LDAP source's tests against the in-memory server and slapd. */
final class LdapTestSources {

    static final int PAGE_SIZE = 100;
    static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2};
    static final byte[] HASH = {0, 1, 2, (byte) 0xFE};
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private LdapTestSources() {
    }

    /** Plain LDAP, bound as the test directory's administrator. */
    static LdapSettings admin(String url) {
        return settings(url, ExampleDirectory.ADMIN_DN, ExampleDirectory.ADMIN_PASSWORD);
    }

    static LdapSettings settings(String url, String bindDn, String bindPassword) {
        return new LdapSettings(List.of(url), false, null, "PKCS12", null, bindDn, bindPassword, PAGE_SIZE,
                Duration.ZERO, TIMEOUT, TIMEOUT);
    }

    /** Over TLS (LDAPS, or StartTLS on an {@code ldap://} URL), trusting only {@code trustStore}. */
    static LdapSettings tls(String url, boolean startTls, Path trustStore, String trustStorePassword) {
        return new LdapSettings(List.of(url), startTls, trustStore, "PKCS12", trustStorePassword,
                ExampleDirectory.ADMIN_DN, ExampleDirectory.ADMIN_PASSWORD, PAGE_SIZE, Duration.ZERO, TIMEOUT, TIMEOUT);
    }

    /** Adds people {@code uid=u0} to {@code uid=u<count-1>} under {@code peopleDn}, each with {@code cn} and {@code sn}. */
    static void addPeople(LDAPInterface directory, String peopleDn, int count) throws LDAPException {
        for (int i = 0; i < count; i++) {
            directory.add("uid=u" + i + "," + peopleDn, new Attribute("objectClass", "inetOrgPerson"),
                    new Attribute("uid", "u" + i), new Attribute("cn", "User " + i), new Attribute("sn", "S" + i));
        }
    }

    /**
     * Adds John Doe at {@code dn}: {@code cn} John and Johnny, single-valued {@code displayName}, binary {@code jpegPhoto}
     * ({@link #PHOTO}) and {@code userPassword} ({@link #HASH}).
     */
    static void addJohnDoe(LDAPInterface directory, String dn) throws LDAPException {
        directory.add(dn, new Attribute("objectClass", "inetOrgPerson"), new Attribute("uid", "jdoe"),
                new Attribute("cn", "John", "Johnny"), new Attribute("sn", "Doe"),
                new Attribute("displayName", "John Doe"), new Attribute("jpegPhoto", PHOTO),
                new Attribute("userPassword", HASH));
    }

    /** A subtree search for people, reading {@code attributes}. */
    static FetchQuery.Ldap people(String peopleDn, String... attributes) {
        return new FetchQuery.Ldap(peopleDn, "(objectClass=inetOrgPerson)", FetchQuery.LdapScope.SUB, List.of(attributes));
    }

    /** Every row of a fetch, in the order handed over. */
    static List<Map<String, Object>> fetchAll(LdapFetcher fetcher, FetchQuery query) throws FetchException {
        List<Map<String, Object>> rows = new ArrayList<>();
        fetcher.fetch(query, rows::add);
        return rows;
    }
}
