package io.hermesconnect.sink.ldap.ad;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trashbin on Active Directory, in place: trashing an account disables it, recycling enables it, so it keeps
 * its SID, password and group memberships meanwhile. A trashed entry (account or group) is also marked in
 * {@code adminDescription}, an attribute every AD object may have, with the time it was trashed and which object it
 * is ({@code hermes-connect trashed <time> <object>}, the object as the caller names it): the mark tells the
 * sink's trash from an account an administrator disabled, which the purge must never delete, and survives restarts
 * and moves of the task. A value of {@code adminDescription} an administrator had set is replaced while the entry is
 * in the trash and gone after a recycle.
 */
public final class ActiveDirectoryTrash {

    public static final String MARK_ATTRIBUTE = "adminDescription";
    private static final String MARK_PREFIX = "hermes-connect trashed ";

    /** An entry in the trash, when it was trashed and the object it is (empty when its mark names none). */
    public record TrashedEntry(String dn, Instant trashedAt, String object) {
    }

    private ActiveDirectoryTrash() {
    }

    /**
     * Disables the account at {@code dn} (if it is one) and marks it trashed at {@code now}; idempotent.
     *
     * @param object names the object in the mark, for {@link #trashedBefore}: printable, without line breaks
     */
    public static void trash(LDAPInterface directory, String dn, Instant now, String object) throws LDAPException {
        if (trashedAt(directory, dn) != null) {
            return; // keep the first time: the retention counts from then
        }
        if (UserAccountControl.isAccount(directory, dn)) {
            UserAccountControl.disable(directory, dn);
        }
        directory.modify(dn, new Modification(ModificationType.REPLACE, MARK_ATTRIBUTE, MARK_PREFIX + now + " " + object));
    }

    /** Takes the entry at {@code dn} out of the trash: removes the mark and enables the account; idempotent. */
    public static void recycle(LDAPInterface directory, String dn) throws LDAPException {
        if (trashedAt(directory, dn) == null) {
            return;
        }
        if (UserAccountControl.isAccount(directory, dn)) {
            UserAccountControl.enable(directory, dn);
        }
        directory.modify(dn, new Modification(ModificationType.DELETE, MARK_ATTRIBUTE));
    }

    /** When the entry at {@code dn} was trashed, or null when it is not in the trash (or does not exist). */
    public static Instant trashedAt(LDAPInterface directory, String dn) throws LDAPException {
        SearchResultEntry entry = directory.getEntry(dn, MARK_ATTRIBUTE);
        return entry == null ? null : trashedAt(entry.getAttributeValue(MARK_ATTRIBUTE));
    }

    /** When an entry whose {@code adminDescription} is {@code mark} was trashed, or null when it is not trashed. */
    public static Instant trashedAt(String mark) {
        String[] parts = markParts(mark);
        return parts == null ? null : parseTime(parts[0]);
    }

    /** Deletes the entry at {@code dn} for good if it is still in the trash; false when it was not (or is gone). */
    public static boolean purge(LDAPInterface directory, String dn) throws LDAPException {
        if (trashedAt(directory, dn) == null) {
            return false;
        }
        directory.delete(dn);
        return true;
    }

    /** The entries under {@code baseDn} trashed before {@code cutoff}, oldest first, searched page by page. */
    public static List<TrashedEntry> trashedBefore(LDAPConnection connection, String baseDn, Instant cutoff,
            int pageSize) throws LDAPException {
        List<TrashedEntry> trashed = new ArrayList<>();
        SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB,
                Filter.createSubInitialFilter(MARK_ATTRIBUTE, MARK_PREFIX), MARK_ATTRIBUTE);
        PagedSearch.forEach(connection, request, pageSize, entry -> {
            String[] parts = markParts(entry.getAttributeValue(MARK_ATTRIBUTE));
            Instant at = parts == null ? null : parseTime(parts[0]);
            if (at != null && at.isBefore(cutoff)) {
                trashed.add(new TrashedEntry(entry.getDN(), at, parts.length > 1 ? parts[1] : ""));
            }
        });
        trashed.sort(Comparator.comparing(TrashedEntry::trashedAt));
        return trashed;
    }

    /** A mark's time and object, or null for any other value, which is an administrator's, not ours. */
    private static String[] markParts(String value) {
        if (value == null || !value.startsWith(MARK_PREFIX)) {
            return null;
        }
        return value.substring(MARK_PREFIX.length()).split(" ", 2);
    }

    private static Instant parseTime(String time) {
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
