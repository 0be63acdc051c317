package io.hermesconnect.source.diff.fetch.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An LDAP directory as a source: each query is a search, read in pages ({@link PagedSearch}), each entry a row of its
 * DN and the requested attributes typed by the server's schema ({@link EntryColumns}).
 *
 * <p>The connection opens on the first {@link #describe} or {@link #fetch}, and the schema is read then. A call that
 * fails closes it (which also ends a paged search the server still holds open), and the next call opens a new one.
 * One thread at a time uses a fetcher, as one poll does.
 */
public final class LdapFetcher implements SourceFetcher {

    private final LdapSettings settings;
    private final LdapConnectionFactory connections;
    private LDAPConnection connection;
    private Schema schema;

    public LdapFetcher(LdapSettings settings) {
        this.settings = settings;
        this.connections = new LdapConnectionFactory(settings);
    }

    /**
     * Checks that the base exists and the filter parses, then gives {@code dn} and each requested attribute's schema
     * (with no attributes requested, every user attribute of the server's schema).
     */
    @Override
    public Map<String, org.apache.kafka.connect.data.Schema> describe(FetchQuery query) throws FetchException {
        FetchQuery.Ldap search = ldap(query);
        return withConnection("reading the search base", () -> {
            SearchRequest request = request(search);
            if (connection.getEntry(request.getBaseDN(), EntryColumns.NO_ATTRIBUTES) == null) {
                throw LdapFailures.configError(connections.source(), "the search base does not exist",
                        Refused.SEARCH_BASE, null);
            }
            return EntryColumns.resolve(connections.source(), schema, search.attributes()).connectSchemas();
        });
    }

    @Override
    public void fetch(FetchQuery query, Consumer<Map<String, Object>> rows) throws FetchException {
        FetchQuery.Ldap search = ldap(query);
        withConnection("the search", () -> {
            EntryColumns columns = EntryColumns.resolve(connections.source(), schema, search.attributes());
            SearchRequest request = request(search);
            request.setAttributes(columns.searchAttributes());
            new PagedSearch(connection, settings.pageSize()).run(request, entry -> rows.accept(columns.row(entry)));
            return null;
        });
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
            schema = null;
        }
    }

    private SearchRequest request(FetchQuery.Ldap search) throws FetchException {
        if (!DN.isValidDN(search.base())) {
            throw LdapFailures.configError(connections.source(), "the search base is not a valid DN (RFC 4514)",
                    Refused.SEARCH_BASE, null);
        }
        Filter filter;
        try {
            filter = Filter.create(search.filter());
        } catch (LDAPException e) {
            throw LdapFailures.configError(connections.source(), "the search filter does not parse (RFC 4515)",
                    Refused.SEARCH_FILTER, e);
        }
        SearchRequest request = new SearchRequest(search.base(), scope(search.scope()), filter);
        request.setTimeLimitSeconds(Math.toIntExact((settings.timeLimit().toMillis() + 999) / 1000));
        return request;
    }

    private static SearchScope scope(FetchQuery.LdapScope scope) {
        return switch (scope) {
            case BASE -> SearchScope.BASE;
            case ONE -> SearchScope.ONE;
            case SUB -> SearchScope.SUB;
        };
    }

    /** Runs a step on the open connection (opening it, and reading the schema, first); a failure closes it. */
    private <T> T withConnection(String stepName, LdapStep<T> step) throws FetchException {
        boolean succeeded = false;
        try {
            if (connection == null) {
                connection = connections.open();
                schema = readSchema();
            }
            T result = step.run();
            succeeded = true;
            return result;
        } catch (LDAPException e) {
            throw LdapFailures.of(connections.source(), stepName, e);
        } finally {
            if (!succeeded) {
                close();
            }
        }
    }

    private Schema readSchema() throws FetchException {
        Schema read;
        try {
            read = connection.getSchema();
        } catch (LDAPException e) {
            throw LdapFailures.of(connections.source(), "reading the schema", e);
        }
        if (read == null) {
            throw LdapFailures.configError(connections.source(), "the server publishes no schema (subschema "
                    + "subentry), which gives each attribute's type", Refused.CONNECTION, null);
        }
        return read;
    }

    private static FetchQuery.Ldap ldap(FetchQuery query) {
        if (query instanceof FetchQuery.Ldap search) {
            return search;
        }
        throw new IllegalArgumentException("An LDAP source runs LDAP searches, not "
                + query.getClass().getSimpleName());
    }

    /** A step that talks to the server. */
    @FunctionalInterface
    private interface LdapStep<T> {
        T run() throws LDAPException, FetchException;
    }
}
