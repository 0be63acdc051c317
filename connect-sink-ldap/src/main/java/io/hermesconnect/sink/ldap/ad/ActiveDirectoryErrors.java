package io.hermesconnect.sink.ldap.ad;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.ldap.target.ErrorClass;
import io.hermesconnect.sink.ldap.target.LdapErrors;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Classifies Active Directory's answers into {@link ErrorClass}es and turns them into the sink core's exceptions.
 *
 * <p>The result code decides as for any directory ({@link LdapErrors#classify}), and AD's sub-code refines it where
 * the result code alone is ambiguous. AD (and Samba)
 * put the sub-code in the diagnostic message, as a leading Windows error code ({@code 0000052D: Constraint
 * violation - ...}), or after {@code data} when the leading one is generic ({@code 80090308: LdapErr: ...,
 * AcceptSecurityContext error, data 52e, v1db1}; {@code data 0} means none). The diagnostic
 * message itself is never passed on: AD quotes values in it (Samba: {@code samAccountName 'jdoe' already in use}),
 * and a value may be a secret; {@link #describe} names the result code and the sub-code instead.
 */
public final class ActiveDirectoryErrors {

    private static final Pattern LEADING_CODE = Pattern.compile("^([0-9A-Fa-f]{8}):");
    private static final Pattern DATA_CODE = Pattern.compile("\\bdata ([0-9A-Fa-f]{1,8})\\b");

    /** Sub-codes that are not about one object: the client is not bound (Samba answers anonymous writes so). */
    private static final int NOT_AUTHENTICATED = 0x2020;
    /** The bind account is locked out: it unlocks by itself after the domain's lockout duration. */
    private static final int ACCOUNT_LOCKED_OUT = 0x775;

    /** The sub-codes we name in messages; any other is shown as its number only. */
    private static final Map<Integer, String> SUB_CODE_MEANINGS = Map.ofEntries(
            Map.entry(0x5, "access denied"),
            Map.entry(0x52D, "the password does not meet the domain's password policy"),
            Map.entry(0x525, "a referenced entry does not exist"),
            Map.entry(0x52E, "wrong user name or password"),
            Map.entry(0x533, "the account is disabled"),
            Map.entry(0x775, "the account is locked out"),
            Map.entry(0x2020, "the operation needs an authenticated connection"),
            Map.entry(0x200A, "an attribute or object class is not in the schema"),
            Map.entry(0x2030, "the entry or its parent does not exist"),
            Map.entry(0x2035, "the directory will not perform this operation"),
            Map.entry(0x2071, "the name is already in use (sAMAccountName, userPrincipalName or DN)"));

    private ActiveDirectoryErrors() {
    }

    /** What to do about {@code e}. */
    public static ErrorClass classify(LDAPException e) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS && subCode(e).orElse(0) == ACCOUNT_LOCKED_OUT) {
            return ErrorClass.UNAVAILABLE;
        }
        if (code == ResultCode.OPERATIONS_ERROR && subCode(e).orElse(0) == NOT_AUTHENTICATED) {
            return ErrorClass.CONFIGURATION;
        }
        return LdapErrors.classify(code);
    }

    /** AD's sub-code (a Windows error code) in the diagnostic message, if it has one. */
    public static Optional<Integer> subCode(LDAPException e) {
        String message = e.getDiagnosticMessage();
        if (message == null) {
            return Optional.empty();
        }
        Optional<Integer> data = firstCode(DATA_CODE, message).filter(code -> code != 0);
        return data.isPresent() ? data : firstCode(LEADING_CODE, message.trim());
    }

    private static Optional<Integer> firstCode(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? Optional.of(Integer.parseUnsignedInt(m.group(1), 16)) : Optional.empty();
    }

    /**
     * The result code and sub-code, with what the sub-code means, without the diagnostic message's values, e.g.
     * {@code constraint violation (19), sub-code 0000052D: the password does not meet the domain's password policy}.
     */
    public static String describe(LDAPException e) {
        ResultCode code = e.getResultCode();
        String text = code.getName() + " (" + code.intValue() + ")";
        return subCode(e).map(sub -> text + ", sub-code " + String.format("%08X", sub)
                        + Optional.ofNullable(SUB_CODE_MEANINGS.get(sub)).map(m -> ": " + m).orElse(""))
                .orElse(text);
    }

    /**
     * The sink core's exception for {@code e}: {@link TargetDataException} (park), {@link TargetUnavailableException}
     * (retry) or a plain {@link ConnectException} (the task fails), its message naming the operation and
     * {@link #describe}: {@code "Active Directory refused <operation>: ..."}, or for the unavailable class
     * {@code "Active Directory is unavailable for <operation>: ... (retrying)"}.
     *
     * @param operation what was attempted, naming the kind and attribute but no value, e.g. {@code "setting the
     *                  password (unicodePwd) of a user of kind users"}
     */
    public static ConnectException toSinkException(LDAPException e, String operation) {
        String refused = "Active Directory refused " + operation + ": " + describe(e);
        return switch (classify(e)) {
            case DATA -> new TargetDataException(refused, e);
            case UNAVAILABLE -> new TargetUnavailableException("Active Directory is unavailable for " + operation + ": "
                    + describe(e) + " (retrying)", e);
            case CONFIGURATION -> new ConnectException(refused, e);
        };
    }
}
