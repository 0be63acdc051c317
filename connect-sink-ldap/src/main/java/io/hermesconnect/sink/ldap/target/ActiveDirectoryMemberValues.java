package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.DN;
import io.hermesconnect.sink.ldap.ad.GroupMembers;
import io.hermesconnect.sink.ldap.mapping.MembershipKind;
import java.util.List;

/**
 * Member values on Active Directory, through {@link GroupMembers}: a member list is compared with the group's members
 * read range by range ({@code member;range=}, beyond AD's 1,500 values per read) and only the difference is written,
 * {@value #BATCH_SIZE} values per request. A group may be empty, so no placeholder is needed; a kind's member
 * attribute is {@code member}, the only one AD groups have.
 */
final class ActiveDirectoryMemberValues implements MemberValues {

    /** Values per modify request: a group of 5,000 members is written in five requests (4 to 6 s on Samba). */
    static final int BATCH_SIZE = 1_000;

    private final Directory directory;

    ActiveDirectoryMemberValues(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void add(MembershipKind kind, DN group, DN member) {
        directory.call("adding a group member", kind.name(),
                ad -> GroupMembers.add(ad, group.toString(), member.toString()));
    }

    @Override
    public void remove(MembershipKind kind, DN group, DN member) {
        directory.call("removing a group member", kind.name(),
                ad -> GroupMembers.remove(ad, group.toString(), member.toString()));
    }

    @Override
    public void replace(MembershipKind kind, DN group, List<DN> members) {
        directory.call("replacing a group's members", kind.name(), ad -> GroupMembers.update(ad, group.toString(),
                members.stream().map(DN::toString).toList(), BATCH_SIZE));
    }
}
