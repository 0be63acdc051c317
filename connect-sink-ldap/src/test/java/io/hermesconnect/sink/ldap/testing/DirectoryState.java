package io.hermesconnect.sink.ldap.testing;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.testkit.ldap.LdapServer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads and resets the test directory through an administrator connection. */
public final class DirectoryState {

    private static final List<String> CONTAINERS = List.of("ou=people", "ou=groups", "ou=trash");

    private DirectoryState() {
    }

    /**
     * Every entry under the base DN with its user attributes and their values as sets (LDAP keeps no order), by
     * normalized DN: two equal snapshots are the same directory content.
     */
    public static Map<String, Map<String, TreeSet<String>>> snapshot(LdapServer server) throws LDAPException {
        Map<String, Map<String, TreeSet<String>>> entries = new TreeMap<>();
        try (LDAPConnection connection = server.connect()) {
            for (SearchResultEntry entry : connection.search(server.baseDn(), SearchScope.SUB, "(objectClass=*)", "*").getSearchEntries()) {
                Map<String, TreeSet<String>> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (Attribute attribute : entry.getAttributes()) {
                    attributes.put(attribute.getBaseName(), new TreeSet<>(Arrays.asList(attribute.getValues())));
                }
                entries.put(DN.normalize(entry.getDN()), attributes);
            }
        }
        return entries;
    }

    /** Empties people, groups and the trash (creating the trash when missing). */
    public static void reset(LdapServer server) throws LDAPException {
        try (LDAPConnection connection = server.connect()) {
            for (String container : CONTAINERS) {
                String dn = container + "," + server.baseDn();
                if (connection.getEntry(dn) == null) {
                    connection.add(dn, new Attribute("objectClass", "organizationalUnit"), new Attribute("ou", container.substring(3)));
                    continue;
                }
                List<SearchResultEntry> below = connection.search(dn, SearchScope.SUB, "(objectClass=*)", "1.1").getSearchEntries();
                below.stream()
                        .map(SearchResultEntry::getDN)
                        .filter(child -> !child.equalsIgnoreCase(dn))
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .forEach(child -> delete(connection, child));
            }
        }
    }

    private static void delete(LDAPConnection connection, String dn) {
        try {
            connection.delete(dn);
        } catch (LDAPException e) {
            throw new IllegalStateException("could not empty the test directory", e);
        }
    }
}
