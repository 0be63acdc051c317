package io.hermesconnect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the sample sinks delivered, as a user would look at it: the entries of the directory below
 * {@code ou=people} and {@code ou=groups}, read as the administrator, and the requests the local HTTP endpoint
 * recorded ({@code GET /_quickstart/requests}). Each as printable lines.
 */
final class ArrivedInTargets {

    static final String PEOPLE = "ou=people," + StackJvms.LDAP_BASE;
    static final String GROUPS = "ou=groups," + StackJvms.LDAP_BASE;
    /** The attributes shown of an entry: the ones the sample sink maps. */
    private static final List<String> SHOWN = List.of("cn", "mail", "member");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private ArrivedInTargets() {
    }

    /** One line per entry below {@code container}, sorted by DN: the DN, then the shown attributes' values. */
    static List<String> directoryEntries(String container) throws LDAPException {
        try (LDAPConnection ldap = new LDAPConnection("localhost", Service.LDAP.port(), StackJvms.LDAP_ADMIN,
                StackJvms.LDAP_PASSWORD)) {
            List<SearchResultEntry> entries = new ArrayList<>(
                    ldap.search(container, SearchScope.ONE, "(objectClass=*)").getSearchEntries());
            entries.sort(Comparator.comparing(SearchResultEntry::getDN));
            List<String> lines = new ArrayList<>();
            for (SearchResultEntry entry : entries) {
                StringBuilder line = new StringBuilder(entry.getDN());
                for (String name : SHOWN) {
                    Attribute attribute = entry.getAttribute(name);
                    if (attribute != null) {
                        line.append("  ").append(name).append(": ").append(String.join(" | ", attribute.getValues()));
                    }
                }
                lines.add(line.toString());
            }
            return lines;
        }
    }

    /** One line per request the endpoint recorded, in arrival order: method, path and body. */
    static List<String> httpRequests() throws IOException {
        HttpRequest list = HttpRequest.newBuilder(
                URI.create("http://localhost:" + Service.HTTP.port() + "/_quickstart/requests"))
                .timeout(HTTP_TIMEOUT).build();
        String recorded;
        try {
            recorded = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading the HTTP endpoint's requests");
        }
        List<String> lines = new ArrayList<>();
        for (String json : recorded.lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode request = JSON.readTree(json);
            String body = request.path("body").asText();
            lines.add(request.path("method").asText() + " " + request.path("path").asText()
                    + (body.isEmpty() ? "" : "  " + body));
        }
        return lines;
    }

    /** {@code lines} indented for the console, or a note that there are none. */
    static String show(List<String> lines) {
        return lines.isEmpty() ? "    (none)" : lines.stream().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }
}
