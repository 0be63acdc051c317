package io.hermesconnect.sink.ldap.mapping;

import java.util.Objects;

/**
 * Group membership as objects: with {@link #memberList} false, one object per (member, group) pair, added to and
 * removed from the group's member attribute one value at a time; with it true, one object per group whose template
 * renders the whole member list, which replaces the values of the group kind's member attribute. Group and members are found by their kinds'
 * lookup attribute, whose value the templates render.
 *
 * @param name the kind's name in {@code kinds}
 * @param source the events that feed it
 * @param memberList whether an object is a group's whole member list
 * @param group the kind of the groups
 * @param groupValue renders the group's lookup value
 * @param member the kind of the members
 * @param memberValues renders the member's lookup value, or for a member list the list of them
 */
public record MembershipKind(String name, KindSource source, boolean memberList, EntryKind group, KindTemplate groupValue,
        EntryKind member, KindTemplate memberValues) implements LdapKind {

    public MembershipKind {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(member, "member");
    }
}
