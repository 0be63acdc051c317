package io.hermesconnect.source.diff.config;

/** What a source is ({@code sources.<S>.kind}). */
public enum SourceKind {
    /** A database read with SQL through JDBC. */
    JDBC,
    /** A directory read with paged LDAP searches. */
    LDAP
}
