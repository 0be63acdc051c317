package io.hermesconnect.sink.ldap.ad;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.function.Consumer;

/**
 * Searches page by page with the simple paged results control (RFC 2696), so that a search of many entries neither
 * hits AD's {@code MaxPageSize} (1,000 by default) nor holds more than one page in memory. AD keeps a paged
 * search's state per connection, hence an {@link LDAPConnection}: from a pool, take one connection for the whole
 * search ({@code pool.getConnection()}, then {@code pool.releaseConnection(connection)}).
 */
public final class PagedSearch {

    private PagedSearch() {
    }

    /**
     * Hands each entry {@code request} finds to {@code consumer}, {@code pageSize} entries per request, and
     * returns the number of pages. {@code request} itself is not changed.
     */
    public static int forEach(LDAPConnection connection, SearchRequest request, int pageSize,
            Consumer<SearchResultEntry> consumer) throws LDAPException {
        ASN1OctetString cookie = null;
        int pages = 0;
        do {
            SearchRequest page = request.duplicate();
            page.addControl(new SimplePagedResultsControl(pageSize, cookie, true));
            SearchResult result = connection.search(page);
            pages++;
            result.getSearchEntries().forEach(consumer);
            SimplePagedResultsControl answer = SimplePagedResultsControl.get(result);
            if (answer == null) {
                throw new LDAPException(ResultCode.CONTROL_NOT_FOUND,
                        "the directory answered a paged search without the paged results control");
            }
            cookie = answer.moreResultsToReturn() ? answer.getCookie() : null;
        } while (cookie != null);
        return pages;
    }
}
