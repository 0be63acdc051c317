package io.hermesconnect.packaging;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.testkit.ldap.ExampleDirectory;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an end-to-end test asserts on in a directory: the entries below a DN, read as the administrator, each by its
 * normalized DN with its attributes (names in lower case) and values.
 */
final class DirectoryEntries {

    private DirectoryEntries() {
    }

    /** The entries strictly below {@code baseDn}: DN (normalized) → attribute (lower case) → values. */
    static Map<String, Map<String, Set<String>>> below(ExampleDirectory directory, String baseDn) {
        try (LDAPConnection connection = directory.connect()) {
            Map<String, Map<String, Set<String>>> entries = new TreeMap<>();
            for (SearchResultEntry entry : connection.search(baseDn, SearchScope.ONE, "(objectClass=*)").getSearchEntries()) {
                Map<String, Set<String>> attributes = new TreeMap<>();
                for (Attribute attribute : entry.getAttributes()) {
                    attributes.put(attribute.getBaseName().toLowerCase(Locale.ROOT), new TreeSet<>(normalizedDnValues(attribute)));
                }
                entries.put(entry.getParsedDN().toNormalizedString(), attributes);
            }
            return entries;
        } catch (LDAPException e) {
            throw new IllegalStateException("could not read the entries below " + baseDn, e);
        }
    }

    /** The normalized form of {@code dn}, as {@link #below} keys entries and lists {@code member} values. */
    static String normalize(String dn) {
        try {
            return DN.normalize(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("not a DN: " + dn, e);
        }
    }

    /** {@code member} values normalized, so that a test compares DNs, not their spelling; other values as they are. */
    private static Set<String> normalizedDnValues(Attribute attribute) {
        Set<String> values = new TreeSet<>();
        for (String value : attribute.getValues()) {
            values.add(attribute.getBaseName().equalsIgnoreCase("member") ? normalize(value) : value);
        }
        return values;
    }
}
