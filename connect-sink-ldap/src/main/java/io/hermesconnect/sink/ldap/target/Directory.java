package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.sink.ldap.ad.PagedSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The directory operations the sink performs, over the pool: each failure classified by the directory's
 * {@link Errors} ({@link LdapErrors}, or Active Directory's with its sub-codes) and named by what was attempted and
 * for which kind. Result codes that mean "already so" are passed in by the caller and count as success, which keeps
 * every operation idempotent.
 */
final class Directory {

    /** Turns what the directory answered into the sink core's exception, naming the operation and the kind. */
    @FunctionalInterface
    interface Errors {
        ConnectException of(String operation, String kind, LDAPException e);
    }

    /** Operations on the pool or on one of its connections, as the Active Directory pieces perform them. */
    @FunctionalInterface
    interface Call<D, T> {
        T run(D directory) throws LDAPException;
    }

    private final LDAPConnectionPool pool;
    private final int pageSize;
    private final Errors errors;

    Directory(LDAPConnectionPool pool, int pageSize, Errors errors) {
        this.pool = pool;
        this.pageSize = pageSize;
        this.errors = errors;
    }

    /** The entry at {@code dn} with the given attributes (all user attributes when none), or null when there is none. */
    Entry read(DN dn, String kind, String... attributes) {
        try {
            return pool.getEntry(dn.toString(), attributes);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return null;
            }
            throw errors.of("reading an entry", kind, e);
        }
    }

    void add(DN dn, Collection<Attribute> attributes, String kind) {
        run("adding an entry", kind, Set.of(), () -> pool.add(new Entry(dn, attributes)));
    }

    /** Adds an entry unless one has its DN already; whether it added it. */
    boolean addIfAbsent(DN dn, Collection<Attribute> attributes, String kind) {
        try {
            pool.add(new Entry(dn, attributes));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                return false;
            }
            throw errors.of("adding an entry", kind, e);
        }
    }

    /** Deletes an entry; one already gone is success. */
    void delete(DN dn, String kind) {
        run("deleting an entry", kind, Set.of(ResultCode.NO_SUCH_OBJECT), () -> pool.delete(dn.toString()));
    }

    /** Applies modifications at once. */
    void modify(DN dn, List<Modification> modifications, String kind) {
        modify(dn, modifications, kind, Set.of());
    }

    /**
     * Applies modifications at once, or none of them.
     *
     * @param tolerated result codes the caller handles itself (e.g. "the value exists already")
     * @return {@link ResultCode#SUCCESS}, or the tolerated code the server answered
     * @throws MissingEntryException when there is no entry at {@code dn} (unless tolerated)
     */
    ResultCode modify(DN dn, List<Modification> modifications, String kind, Set<ResultCode> tolerated) {
        try {
            pool.modify(new ModifyRequest(dn.toString(), modifications));
            return ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (tolerated.contains(e.getResultCode())) {
                return e.getResultCode();
            }
            ConnectException failure = errors.of("modifying an entry", kind, e);
            throw e.getResultCode() == ResultCode.NO_SUCH_OBJECT ? new MissingEntryException(failure.getMessage(), dn) : failure;
        }
    }

    /**
     * The DNs of the entries under {@code base} that match {@code filter}, at most {@code limit} of them.
     *
     * @throws io.hermesconnect.common.sink.TargetDataException when more match
     */
    List<DN> searchDns(DN base, Filter filter, int limit, String kind) {
        return dns(search(base, filter, limit, kind, SearchRequest.NO_ATTRIBUTES));
    }

    /** Like {@link #searchDns}, but the entries, with the given attributes. */
    List<SearchResultEntry> search(DN base, Filter filter, int limit, String kind, String... attributes) {
        try {
            return pool.search(new SearchRequest(base.toString(), SearchScope.SUB, DereferencePolicy.NEVER,
                    limit + 1, 0, false, filter, attributes)).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries();
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of();
            }
            throw errors.of("searching", kind, e);
        }
    }

    private static List<DN> dns(List<SearchResultEntry> entries) {
        List<DN> dns = new ArrayList<>(entries.size());
        for (SearchResultEntry entry : entries) {
            dns.add(dnOf(entry));
        }
        return dns;
    }

    /** The DN of an entry the server returned. */
    static DN dnOf(SearchResultEntry entry) {
        try {
            return entry.getParsedDN();
        } catch (LDAPException e) {
            throw new IllegalStateException("The server returned an entry whose DN does not parse", e);
        }
    }

    /** Renames and moves an entry; its old RDN value is removed from its attributes. */
    void rename(DN from, DN to, String kind) {
        RDN rdn = to.getRDN();
        DN parent = to.getParent();
        run("renaming an entry", kind, Set.of(),
                () -> pool.modifyDN(new ModifyDNRequest(from.toString(), rdn.toString(), true, parent.toString())));
    }

    /**
     * Searches a subtree page by page (RFC 2696), handing each entry to {@code each}, on one connection of the pool:
     * a directory keeps a paged search's state per connection.
     */
    void pagedSearch(DN base, Filter filter, String kind, Consumer<SearchResultEntry> each, String... attributes) {
        SearchRequest request = new SearchRequest(base.toString(), SearchScope.SUB, filter, attributes);
        onConnection("searching", kind, Set.of(ResultCode.NO_SUCH_OBJECT),
                connection -> PagedSearch.forEach(connection, request, pageSize, each));
    }

    /** The entries per page of paged searches. */
    int pageSize() {
        return pageSize;
    }

    /** Performs operations on the pool, their failure classified as any other. */
    <T> T call(String what, String kind, Call<LDAPInterface, T> call) {
        try {
            return call.run(pool);
        } catch (LDAPException e) {
            throw errors.of(what, kind, e);
        }
    }

    /**
     * Performs operations on one connection of the pool, for what a directory keeps per connection (a paged search's
     * state) or what must be checked on the connection that sends it (TLS before a password).
     *
     * @param alreadySo result codes that end the call as a success, with null
     */
    <T> T onConnection(String what, String kind, Set<ResultCode> alreadySo, Call<LDAPConnection, T> call) {
        LDAPConnection connection;
        try {
            connection = pool.getConnection();
        } catch (LDAPException e) {
            throw errors.of(what, kind, e);
        }
        LDAPException failure = null;
        try {
            return call.run(connection);
        } catch (LDAPException e) {
            failure = e;
            if (alreadySo.contains(e.getResultCode())) {
                return null;
            }
            throw errors.of(what, kind, e);
        } finally {
            if (failure == null) {
                pool.releaseConnection(connection);
            } else {
                pool.releaseConnectionAfterException(connection, failure);
            }
        }
    }

    /** One LDAP operation. */
    @FunctionalInterface
    private interface Operation {
        void run() throws LDAPException;
    }

    private void run(String what, String kind, Set<ResultCode> alreadySo, Operation operation) {
        try {
            operation.run();
        } catch (LDAPException e) {
            if (!alreadySo.contains(e.getResultCode())) {
                throw errors.of(what, kind, e);
            }
        }
    }
}
