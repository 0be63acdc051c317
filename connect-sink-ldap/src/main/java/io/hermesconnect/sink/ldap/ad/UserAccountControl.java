package io.hermesconnect.sink.ldap.ad;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.hermesconnect.common.sink.TargetDataException;

/**
 * Enables and disables accounts through the flags of {@code userAccountControl}, keeping the flags the sink does not
 * own (password never expires, smart card required, ...): it reads the current value and writes it back with only
 * {@link #ACCOUNTDISABLE} changed. With the trashbin on, trashing a user disables it and recycling enables it
 * ({@link ActiveDirectoryTrash}).
 *
 * <p>Methods throw {@link TargetDataException} when the entry is missing or not an account, and the directory's
 * {@link LDAPException} otherwise ({@link ActiveDirectoryErrors}).
 *
 * <p>A new user ends enabled ({@link #NEW_USER}) because it always gets a password: the event's, or a random
 * one ({@link PasswordPolicy}). The sink adds it disabled with its password, then enables it, as AD's own tools do.
 */
public final class UserAccountControl {

    public static final String ATTRIBUTE = "userAccountControl";
    /** The account is disabled. */
    public static final int ACCOUNTDISABLE = 0x2;
    /** A normal user account. */
    public static final int NORMAL_ACCOUNT = 0x200;
    /** The value of a new user once enabled: a normal, enabled account. */
    public static final int NEW_USER = NORMAL_ACCOUNT;

    private UserAccountControl() {
    }

    /** Enables the account at {@code dn}; false when it was enabled already. */
    public static boolean enable(LDAPInterface directory, String dn) throws LDAPException {
        int flags = read(directory, dn);
        return write(directory, dn, flags, withEnabled(flags, true));
    }

    /** Disables the account at {@code dn}; false when it was disabled already. */
    public static boolean disable(LDAPInterface directory, String dn) throws LDAPException {
        int flags = read(directory, dn);
        return write(directory, dn, flags, withEnabled(flags, false));
    }

    /** The flags {@code flags} with the account enabled or disabled, every other flag kept. */
    public static int withEnabled(int flags, boolean enabled) {
        return enabled ? flags & ~ACCOUNTDISABLE : flags | ACCOUNTDISABLE;
    }

    /** Whether the account at {@code dn} is disabled. */
    public static boolean isDisabled(LDAPInterface directory, String dn) throws LDAPException {
        return (read(directory, dn) & ACCOUNTDISABLE) != 0;
    }

    /** Whether the entry at {@code dn} is an account (a user or computer), one that can be enabled and disabled. */
    public static boolean isAccount(LDAPInterface directory, String dn) throws LDAPException {
        SearchResultEntry entry = directory.getEntry(dn, ATTRIBUTE);
        return entry != null && entry.hasAttribute(ATTRIBUTE);
    }

    private static int read(LDAPInterface directory, String dn) throws LDAPException {
        SearchResultEntry entry = directory.getEntry(dn, ATTRIBUTE);
        if (entry == null) {
            throw new TargetDataException("the account to enable or disable does not exist");
        }
        Integer flags = entry.getAttributeValueAsInteger(ATTRIBUTE);
        if (flags == null) {
            throw new TargetDataException("the entry to enable or disable has no " + ATTRIBUTE + ": it is not an account");
        }
        return flags;
    }

    private static boolean write(LDAPInterface directory, String dn, int current, int wanted) throws LDAPException {
        if (current == wanted) {
            return false;
        }
        directory.modify(dn, new Modification(ModificationType.REPLACE, ATTRIBUTE, Integer.toString(wanted)));
        return true;
    }
}
