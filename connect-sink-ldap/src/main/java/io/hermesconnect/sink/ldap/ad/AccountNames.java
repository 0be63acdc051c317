package io.hermesconnect.sink.ldap.ad;

import com.unboundid.ldap.sdk.Entry;
import io.hermesconnect.common.sink.TargetDataException;

/**
 * Checks the logon names of a user before it is added. Without {@code sAMAccountName} Samba and AD invent one
 * ({@code $35726F9A-6F8B2E4E56A660A2}) that nobody can log on with, so the sink refuses such a user as a data error
 * instead. AD limits the name to 20 characters without {@code "/\[]:;|=,+*?<>}; Samba does not check that, but
 * Windows clients do. {@code userPrincipalName} is optional; when set it must be {@code name@suffix}.
 * The domain controller itself refuses a name in use (entry already exists, sub-code 00002071).
 */
public final class AccountNames {

    public static final String SAM_ACCOUNT_NAME = "sAMAccountName";
    public static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    private static final int MAX_SAM_ACCOUNT_NAME_LENGTH = 20;
    private static final String FORBIDDEN_CHARACTERS = "\"/\\[]:;|=,+*?<>";

    private AccountNames() {
    }

    /** Throws {@link TargetDataException}, naming the attribute and the rule, when a new user's names break AD's rules. */
    public static void check(Entry user, String kind) {
        String name = user.getAttributeValue(SAM_ACCOUNT_NAME);
        if (name == null || name.isBlank()) {
            throw refused(kind, SAM_ACCOUNT_NAME + " is missing; Active Directory would invent an unusable one");
        }
        if (name.length() > MAX_SAM_ACCOUNT_NAME_LENGTH) {
            throw refused(kind, SAM_ACCOUNT_NAME + " is longer than " + MAX_SAM_ACCOUNT_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(c -> FORBIDDEN_CHARACTERS.indexOf(c) >= 0 || Character.isISOControl(c))) {
            throw refused(kind, SAM_ACCOUNT_NAME + " contains one of " + FORBIDDEN_CHARACTERS + " or a control character");
        }
        String principal = user.getAttributeValue(USER_PRINCIPAL_NAME);
        if (principal != null && !principal.matches("[^@]+@[^@]+")) {
            throw refused(kind, USER_PRINCIPAL_NAME + " is not of the form name@suffix");
        }
    }

    private static TargetDataException refused(String kind, String reason) {
        return new TargetDataException("a user of kind " + kind + " cannot be added to Active Directory: " + reason);
    }
}
