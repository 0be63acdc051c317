package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.MembershipKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Member values on a generic LDAP directory. A group whose kind has a member placeholder keeps the placeholder exactly
 * while it has no real member: it is removed when the first member arrives and put back when the last one leaves (in
 * the same modification, since object classes such as {@code groupOfNames} require a member).
 */
final class PlaceholderMemberValues implements MemberValues {

    private final Directory directory;

    PlaceholderMemberValues(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void add(MembershipKind kind, DN group, DN member) {
        EntryKind groups = kind.group();
        directory.modify(group, List.of(new Modification(ModificationType.ADD, groups.memberAttribute(), member.toString())),
                kind.name(), Set.of(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS));
        if (groups.memberPlaceholder() != null) {
            directory.modify(group, List.of(new Modification(ModificationType.DELETE, groups.memberAttribute(),
                    groups.memberPlaceholder())), kind.name(), Set.of(ResultCode.NO_SUCH_ATTRIBUTE));
        }
    }

    @Override
    public void remove(MembershipKind kind, DN group, DN member) {
        EntryKind groups = kind.group();
        Modification delete = new Modification(ModificationType.DELETE, groups.memberAttribute(), member.toString());
        ResultCode result = directory.modify(group, List.of(delete), kind.name(),
                Set.of(ResultCode.NO_SUCH_ATTRIBUTE, ResultCode.OBJECT_CLASS_VIOLATION));
        if (result == ResultCode.OBJECT_CLASS_VIOLATION) {
            // the last member of a group whose object class requires one: the placeholder takes its place at once
            directory.modify(group, List.of(new Modification(ModificationType.ADD, groups.memberAttribute(),
                    requirePlaceholder(kind)), delete), kind.name());
        } else if (groups.memberPlaceholder() != null
                && directory.searchDns(group, Filter.createPresenceFilter(groups.memberAttribute()), 1, kind.name()).isEmpty()) {
            // a server that does not enforce the object class left the group empty
            directory.modify(group, List.of(new Modification(ModificationType.ADD, groups.memberAttribute(),
                    groups.memberPlaceholder())), kind.name(), Set.of(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS));
        }
    }

    @Override
    public void replace(MembershipKind kind, DN group, List<DN> members) {
        EntryKind groups = kind.group();
        List<String> values = new ArrayList<>();
        members.forEach(member -> values.add(member.toString()));
        if (values.isEmpty() && groups.memberPlaceholder() != null) {
            values.add(groups.memberPlaceholder());
        }
        Entry live = directory.read(group, kind.name(), groups.memberAttribute());
        if (live != null && sameDns(live.getAttributeValues(groups.memberAttribute()), values)) {
            return;
        }
        directory.modify(group, List.of(values.isEmpty()
                ? new Modification(ModificationType.DELETE, groups.memberAttribute())
                : new Modification(ModificationType.REPLACE, groups.memberAttribute(), values.toArray(String[]::new))),
                kind.name(), Set.of(ResultCode.NO_SUCH_ATTRIBUTE));
    }

    private String requirePlaceholder(MembershipKind kind) {
        if (kind.group().memberPlaceholder() == null) {
            throw new TargetDataException("The group of an object of kind '" + kind.name() + "' would have no member left, "
                    + "which its object classes refuse: set kinds." + kind.group().name() + ".member.placeholder");
        }
        return kind.group().memberPlaceholder();
    }

    /** Whether two lists of DNs hold the same DNs, compared as DNs (case and spacing as LDAP compares them). */
    private static boolean sameDns(String[] current, List<String> desired) {
        return normalized(current == null ? List.of() : List.of(current)).equals(normalized(desired));
    }

    private static Set<String> normalized(List<String> dns) {
        Set<String> normalized = new HashSet<>();
        for (String dn : dns) {
            try {
                normalized.add(DN.normalize(dn));
            } catch (LDAPException notADn) {
                normalized.add(dn);
            }
        }
        return normalized;
    }
}
