package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Classifies what the directory answered into {@link ErrorClass}es, for every directory (Active Directory refines
 * this with its sub-codes): the server down, unreachable, busy or slow is {@link TargetUnavailableException} (Connect
 * retries, nothing is parked); the server refusing the sink's own bind or wanting TLS is a configuration error (a
 * {@link ConnectException} naming the keys to change: the task fails, since retrying cannot help); anything else
 * refuses the event's data and is {@link TargetDataException} (the event is parked). Messages name the operation, the
 * kind and the result code, never a DN or a value: the server's diagnostic message may quote them, so it is left out.
 */
public final class LdapErrors {

    /** Result codes that say nothing about the event: the server is down, busy or too slow. */
    private static final Set<ResultCode> UNAVAILABLE = Set.of(ResultCode.BUSY, ResultCode.UNAVAILABLE,
            ResultCode.TIMEOUT, ResultCode.TIME_LIMIT_EXCEEDED, ResultCode.ADMIN_LIMIT_EXCEEDED, ResultCode.LOOP_DETECT);

    /** Result codes that refuse the sink's bind or its connection's protection: a user must change the config. */
    private static final Map<ResultCode, String> CONFIGURATION = Map.of(
            ResultCode.INVALID_CREDENTIALS, LdapSinkConfig.BIND_DN + " and " + LdapSinkConfig.BIND_PASSWORD,
            ResultCode.INAPPROPRIATE_AUTHENTICATION, LdapSinkConfig.BIND_DN + " and " + LdapSinkConfig.BIND_PASSWORD,
            ResultCode.AUTH_METHOD_NOT_SUPPORTED, LdapSinkConfig.SECURITY,
            ResultCode.STRONG_AUTH_REQUIRED, LdapSinkConfig.SECURITY,
            ResultCode.CONFIDENTIALITY_REQUIRED, LdapSinkConfig.SECURITY);

    private LdapErrors() {
    }

    /** What to do about a result code, whatever the directory. */
    public static ErrorClass classify(ResultCode code) {
        if (CONFIGURATION.containsKey(code)) {
            return ErrorClass.CONFIGURATION;
        }
        // a code that leaves the connection unusable is the connection's (server down, connect error), not the event's
        if (UNAVAILABLE.contains(code) || !code.isConnectionUsable()) {
            return ErrorClass.UNAVAILABLE;
        }
        return ErrorClass.DATA;
    }

    /**
     * The failure of one operation.
     *
     * @param operation what was attempted, e.g. "adding an entry"
     * @param kind the kind it was for
     */
    static ConnectException of(String operation, String kind, LDAPException e) {
        ResultCode code = e.getResultCode();
        String message = "LDAP " + operation + " of kind '" + kind + "' failed: " + code.getName();
        return switch (classify(code)) {
            case UNAVAILABLE -> new TargetUnavailableException(message + " (the directory is unavailable; retrying)", e);
            case CONFIGURATION -> configuration(message, code);
            case DATA -> new TargetDataException(message + hint(code));
        };
    }

    /** The sink's own bind or connection refused: the task fails, naming the keys to change. */
    static ConnectException configuration(String message, ResultCode code) {
        return new ConnectException(message + " (the directory refuses the sink's connection: check "
                + CONFIGURATION.get(code) + ")");
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
