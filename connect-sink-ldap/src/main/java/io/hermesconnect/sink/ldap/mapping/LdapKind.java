package io.hermesconnect.sink.ldap.mapping;

/** A kind of directory object the sink keeps in sync: an {@link EntryKind} or a {@link MembershipKind}. */
public sealed interface LdapKind permits EntryKind, MembershipKind {

    /** The kind's name in {@code kinds}. */
    String name();

    /** The events that feed it. */
    KindSource source();
}
