package io.hermesconnect.source.diff.fetch.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.hermesconnect.source.diff.fetch.FetchException;

/**
 * A search read page by page with the Simple Paged Results control (RFC 2696), so that a server's size limit does not
 * cut it; one page of entries at a time is in memory. The control is not critical: a server that does not page
 * ignores it and answers a plain search, whose size-limit result throws like any other non-success result.
 */
final class PagedSearch {

    /** Takes the entries of the search, one at a time. */
    @FunctionalInterface
    interface EntryHandler {
        void handle(SearchResultEntry entry) throws FetchException;
    }

    private final LDAPConnection connection;
    private final int pageSize;

    PagedSearch(LDAPConnection connection, int pageSize) {
        this.connection = connection;
        this.pageSize = pageSize;
    }

    /**
     * Hands every entry of the search to {@code handler}, page after page.
     *
     * @throws LDAPException when a page ends with any result but success (the entries handed over so far are then
     *                       only part of the search)
     */
    void run(SearchRequest request, EntryHandler handler) throws LDAPException, FetchException {
        ASN1OctetString cookie = null;
        do {
            request.setControls(new SimplePagedResultsControl(pageSize, cookie, false));
            SearchResult page = connection.search(request);
            for (SearchResultEntry entry : page.getSearchEntries()) {
                handler.handle(entry);
            }
            cookie = nextPage(page);
        } while (cookie != null);
    }

    /** The cookie that asks for the next page, or null after the last page or when the server did not page. */
    private static ASN1OctetString nextPage(SearchResult page) throws LDAPException {
        SimplePagedResultsControl control = SimplePagedResultsControl.get(page);
        return control != null && control.moreResultsToReturn() ? control.getCookie() : null;
    }
}
