package io.hermesconnect.sink.ldap.config;

/** What one object of a kind is in the directory. */
public enum KindShape {
    /** An entry, kept equal to the object. */
    ENTRY,
    /** One (member, group) pair: a value of the group's member attribute. */
    MEMBERSHIP,
    /** A group's whole member list: all values of its member attribute. */
    MEMBER_LIST
}
