package io.hermesconnect.source.diff.config;

/**
 * The connection settings of one configured source ({@code sources.<S>.*}), from which a fetcher is built. Passwords
 * stay {@link org.apache.kafka.common.config.types.Password}s, whose {@code toString()} is {@code [hidden]}.
 */
public sealed interface SourceSettings permits JdbcSourceSettings, LdapSourceSettings {

    /** The source's name, as in {@code sources}. */
    String name();

    /** The key of the source's server address: where an unreachable source is reported. */
    String urlKey();

    /** The key of the source's password: where refused credentials are reported. */
    String passwordKey();
}
