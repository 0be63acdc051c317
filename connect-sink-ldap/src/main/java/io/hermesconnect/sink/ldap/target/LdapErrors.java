package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import java.util.Set;

/**
 * Classifies what the directory answered: the server down, unreachable, busy, slow or refusing the sink's own bind is
 * {@link TargetUnavailableException} (Connect retries, nothing is parked); anything else refuses the event's data and
 * is {@link TargetDataException} (the event is parked). Messages name the operation, the kind and the result code,
 * never a DN or a value: the server's diagnostic message may quote them, so data errors leave it out.
 */
final class LdapErrors {

    /** Result codes that say nothing about the event: the server is down, busy or too slow, or refuses the sink itself. */
    private static final Set<ResultCode> UNAVAILABLE = Set.of(ResultCode.BUSY, ResultCode.UNAVAILABLE,
            ResultCode.TIMEOUT, ResultCode.TIME_LIMIT_EXCEEDED, ResultCode.ADMIN_LIMIT_EXCEEDED,
            ResultCode.INVALID_CREDENTIALS, ResultCode.INAPPROPRIATE_AUTHENTICATION, ResultCode.STRONG_AUTH_REQUIRED,
            ResultCode.CONFIDENTIALITY_REQUIRED);

    private LdapErrors() {
    }

    /** Whether a result code means the server or the connection failed, not the request. */
    static boolean isUnavailable(ResultCode code) {
        return !code.isConnectionUsable() || UNAVAILABLE.contains(code);
    }

    /**
     * The failure of one operation.
     *
     * @param operation what was attempted, e.g. "adding an entry"
     * @param kind the kind it was for
     */
    static RuntimeException of(String operation, String kind, LDAPException e) {
        ResultCode code = e.getResultCode();
        String message = "LDAP " + operation + " of kind '" + kind + "' failed: " + code.getName();
        if (isUnavailable(code)) {
            return new TargetUnavailableException(message + " (the directory is unavailable; retrying)", e);
        }
        return new TargetDataException(message + hint(code));
    }

    private static String hint(ResultCode code) {
        if (code == ResultCode.OBJECT_CLASS_VIOLATION) {
            return " (an attribute the object classes require is missing, or one they do not allow is set)";
        }
        if (code == ResultCode.UNDEFINED_ATTRIBUTE_TYPE) {
            return " (an attribute is not in the server's schema)";
        }
        if (code == ResultCode.INVALID_ATTRIBUTE_SYNTAX || code == ResultCode.CONSTRAINT_VIOLATION) {
            return " (a value does not fit its attribute's syntax or constraints)";
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return " (the parent entry or container does not exist)";
        }
        if (code == ResultCode.ENTRY_ALREADY_EXISTS) {
            return " (another entry already has this DN)";
        }
        if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return " (the bind DN may not write there)";
        }
        return "";
    }
}
