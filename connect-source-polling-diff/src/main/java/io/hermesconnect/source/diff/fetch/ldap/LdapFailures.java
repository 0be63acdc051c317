package io.hermesconnect.source.diff.fetch.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.source.diff.fetch.FetchException;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Turns what the LDAP SDK throws into a {@link FetchException}: transient when the server is down, unreachable, busy
 * or slow (the next poll may succeed), otherwise not (the credentials, base, filter or trust store must change). Our
 * messages never quote the base, the filter or a value; the cause keeps the SDK's and the server's own words.
 */
final class LdapFailures {

    /** The server is down, unreachable, lost the connection, or ran out of time: retrying later may succeed. */
    private static final Set<ResultCode> TRANSIENT = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT, ResultCode.TIME_LIMIT_EXCEEDED, ResultCode.BUSY, ResultCode.UNAVAILABLE);

    private LdapFailures() {
    }

    /**
     * A failure the configuration must fix (not transient).
     *
     * @param source  the servers, to name in the message
     * @param problem what is wrong, quoting no value
     * @param cause   what the LDAP SDK threw, or null
     */
    static FetchException configError(String source, String problem, Exception cause) {
        return new FetchException(prefix(source) + problem, false, cause);
    }

    /**
     * A failure of the LDAP SDK or the server, transient or not by its result code.
     *
     * @param source the servers, to name in the message
     * @param step   what failed, e.g. "the search"
     */
    static FetchException of(String source, String step, LDAPException e) {
        String prefix = prefix(source) + step + " failed: ";
        if (causedByTls(e)) {
            return new FetchException(prefix + "the TLS handshake failed; check that the trust store holds the "
                    + "server's certificate (or its CA) and that the URL's host name is one the certificate names",
                    false, e);
        }
        ResultCode code = e.getResultCode();
        return new FetchException(prefix + code.getName() + hint(code), TRANSIENT.contains(code), e);
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
