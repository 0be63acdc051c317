package io.hermesconnect.sink.ldap.ad;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.common.sink.TargetDataException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code member} values of Active Directory groups, idempotently: adding a member twice or removing a
 * non-member changes nothing and fails nothing. A member may be a user, a contact or another group (nesting).
 *
 * <p>AD returns at most {@code MaxValRange} (1,500 by default) values of an attribute at once, so {@link #read}
 * asks for {@code member;range=<first>-<first + 1499>} and continues after the end of the range the answer holds
 * (which may be shorter, where {@code MaxValRange} is lower) until that end is {@code *}. Samba has no such limit
 * but answers ranged reads the same way. {@link #update} reads the group once and writes only the difference,
 * many values per modify request: a request that adds a member already there (or removes one already gone) fails as
 * a whole, so a member added or removed by someone else meanwhile fails that call, and its retry reads the group
 * again.
 */
public final class GroupMembers {

    public static final String ATTRIBUTE = "member";
    private static final String RANGE_OPTION = "range=";
    // AD's default MaxValRange: a larger window would be cut to it anyway
    private static final int RANGE_SIZE = 1_500;

    private GroupMembers() {
    }

    /** Adds {@code member} to {@code group}; false when it was a member already. */
    public static boolean add(LDAPInterface directory, String group, String member) throws LDAPException {
        try {
            directory.modify(group, new Modification(ModificationType.ADD, ATTRIBUTE, member));
            return true;
        } catch (LDAPException e) {
            // AD and Samba answer "entry already exists" for a value already there, other servers the standard code
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS
                    || e.getResultCode() == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS) {
                return false;
            }
            throw e;
        }
    }

    /** Removes {@code member} from {@code group}; false when it was not a member (or no longer exists). */
    public static boolean remove(LDAPInterface directory, String group, String member) throws LDAPException {
        try {
            directory.modify(group, new Modification(ModificationType.DELETE, ATTRIBUTE, member));
            return true;
        } catch (LDAPException e) {
            // Samba answers "unwilling to perform" both for a non-member and for a refused removal: look
            if ((e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM
                    || e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) && !isMember(directory, group, member)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether {@code member} is a direct member of {@code group}, asked without reading the group's members. */
    public static boolean isMember(LDAPInterface directory, String group, String member) throws LDAPException {
        return directory.searchForEntry(group, SearchScope.BASE, Filter.createEqualityFilter(ATTRIBUTE, member),
                SearchRequest.NO_ATTRIBUTES) != null;
    }

    /** What {@link #update} changed. */
    public record Changes(int added, int removed) {
    }

    /**
     * Makes the members of {@code group} exactly {@code wanted} (a whole member list): reads the group once, then
     * adds the missing members and removes the others, {@code batchSize} values per modify request.
     */
    public static Changes update(LDAPInterface directory, String group, Collection<String> wanted, int batchSize)
            throws LDAPException {
        Map<DN, String> present = new LinkedHashMap<>();
        for (String dn : read(directory, group)) {
            present.put(new DN(dn), dn);
        }
        List<String> missing = new ArrayList<>();
        for (String member : wanted) {
            if (present.remove(new DN(member)) == null) {
                missing.add(member);
            }
        }
        List<String> extra = new ArrayList<>(present.values());
        modifyInBatches(directory, group, ModificationType.DELETE, extra, batchSize);
        modifyInBatches(directory, group, ModificationType.ADD, missing, batchSize);
        return new Changes(missing.size(), extra.size());
    }

    private static void modifyInBatches(LDAPInterface directory, String group, ModificationType type,
            List<String> members, int batchSize) throws LDAPException {
        for (int from = 0; from < members.size(); from += batchSize) {
            List<String> batch = members.subList(from, Math.min(from + batchSize, members.size()));
            directory.modify(group, new Modification(type, ATTRIBUTE, batch.toArray(String[]::new)));
        }
    }

    /** All direct members of {@code group}, however many, read range by range. */
    public static List<String> read(LDAPInterface directory, String group) throws LDAPException {
        List<String> members = new ArrayList<>();
        int first = 0;
        while (true) {
            SearchResultEntry entry = directory.getEntry(group, ATTRIBUTE + ";" + RANGE_OPTION + first + "-" + (first + RANGE_SIZE - 1));
            if (entry == null) {
                throw new TargetDataException("the group to read the members of does not exist");
            }
            Attribute values = memberValues(entry);
            if (values == null) {
                return members; // no members, or none after the last range
            }
            members.addAll(List.of(values.getValues()));
            String last = lastOfRange(values);
            if (last == null || last.equals("*")) {
                return members;
            }
            first = Integer.parseInt(last) + 1;
        }
    }

    private static Attribute memberValues(SearchResultEntry entry) {
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase(ATTRIBUTE)) {
                return attribute;
            }
        }
        return null;
    }

    /** The end of the range an answer's {@code member;range=<first>-<last>} holds; null without a range option. */
    private static String lastOfRange(Attribute values) {
        for (String option : values.getOptions()) {
            if (option.regionMatches(true, 0, RANGE_OPTION, 0, RANGE_OPTION.length())) {
                return option.substring(option.indexOf('-') + 1);
            }
        }
        return null;
    }
}
