package io.hermesconnect.source.diff.fetch.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Turns what the LDAP SDK throws into a {@link FetchException}: transient when the server is down, unreachable, busy
 * or slow (the next poll may succeed), otherwise not (the credentials, base, filter or trust store must change). Our
 * messages never quote the base, the filter or a value; the cause keeps the SDK's and the server's own words.
 *
 * <p>What was refused, by result code: the credentials for invalid credentials or inappropriate authentication; the
 * connection for a transient code or a failed TLS handshake, and for any other failure while connecting and binding;
 * the search base for no such object or an invalid DN syntax; the search filter for a filter error; else the query.
 */
final class LdapFailures {

    /** The server is down, unreachable, lost the connection, or ran out of time: retrying later may succeed. */
    private static final Set<ResultCode> TRANSIENT = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT, ResultCode.TIME_LIMIT_EXCEEDED, ResultCode.BUSY, ResultCode.UNAVAILABLE);

    /** The bind DN or password is wrong, or the server will not take them this way. */
    private static final Set<ResultCode> CREDENTIALS = Set.of(ResultCode.INVALID_CREDENTIALS,
            ResultCode.INAPPROPRIATE_AUTHENTICATION);

    /** The search base does not exist or is no DN. */
    private static final Set<ResultCode> SEARCH_BASE = Set.of(ResultCode.NO_SUCH_OBJECT, ResultCode.INVALID_DN_SYNTAX);

    private LdapFailures() {
    }

    /**
     * A failure the configuration must fix (not transient).
     *
     * @param source  the servers, to name in the message
     * @param problem what is wrong, quoting no value
     * @param refused what the source refused; not {@link Refused#COLUMN_TYPE}, which {@link #unknownAttribute} gives
     * @param cause   what the LDAP SDK threw, or null
     */
    static FetchException configError(String source, String problem, Refused refused, Exception cause) {
        return new FetchException(prefix(source) + problem, false, refused, null, cause);
    }

    /** A requested attribute that the server's schema does not know, refusing {@link Refused#COLUMN_TYPE} of it. */
    static FetchException unknownAttribute(String source, String attribute) {
        return new FetchException(prefix(source) + "attribute '" + attribute + "' is not in the server's schema",
                false, Refused.COLUMN_TYPE, attribute, null);
    }

    /**
     * A failure to connect or bind: the credentials by their result codes, otherwise the connection.
     *
     * @param source the servers, to name in the message
     */
    static FetchException connecting(String source, LDAPException e) {
        return of(source, "connecting and binding", e, true);
    }

    /**
     * A failure of the LDAP SDK or the server on an open connection, transient or not and what it refused by its
     * result code.
     *
     * @param source the servers, to name in the message
     * @param step   what failed, e.g. "the search"
     */
    static FetchException of(String source, String step, LDAPException e) {
        return of(source, step, e, false);
    }

    private static FetchException of(String source, String step, LDAPException e, boolean binding) {
        String prefix = prefix(source) + step + " failed: ";
        if (causedByTls(e)) {
            return new FetchException(prefix + "the TLS handshake failed; check that the trust store holds the "
                    + "server's certificate (or its CA) and that the URL's host name is one the certificate names",
                    false, Refused.CONNECTION, null, e);
        }
        ResultCode code = e.getResultCode();
        return new FetchException(prefix + code.getName() + hint(code), TRANSIENT.contains(code),
                refused(code, binding), null, e);
    }

    private static Refused refused(ResultCode code, boolean binding) {
        if (CREDENTIALS.contains(code)) {
            return Refused.CREDENTIALS;
        }
        if (binding || TRANSIENT.contains(code)) {
            return Refused.CONNECTION;
        }
        if (SEARCH_BASE.contains(code)) {
            return Refused.SEARCH_BASE;
        }
        return code == ResultCode.FILTER_ERROR ? Refused.SEARCH_FILTER : Refused.QUERY;
    }

    private static String prefix(String source) {
        return "LDAP source " + source + ": ";
    }

    private static String hint(ResultCode code) {
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return " (check the bind DN and password)";
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return " (the search base does not exist)";
        }
        if (code == ResultCode.SIZE_LIMIT_EXCEEDED) {
            return " (the server cut the search at its size limit and does not page results: raise the bind DN's"
                    + " size limit, or enable paged results on the server)";
        }
        if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return " (the bind DN may not read there)";
        }
        return "";
    }

    private static boolean causedByTls(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}
