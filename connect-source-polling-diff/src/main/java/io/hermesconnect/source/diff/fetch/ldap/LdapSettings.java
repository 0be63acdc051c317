package io.hermesconnect.source.diff.fetch.ldap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach and read one LDAP source ({@code sources.<S>.*} of kind {@code ldap}). The passwords are used only to
 * connect, and {@link #toString()} hides them.
 *
 * @param urls               the servers, {@code ldap://host:port} or {@code ldaps://host:port}, all with the same
 *                           scheme; tried in order until one answers
 * @param startTls           whether to upgrade {@code ldap://} connections with StartTLS before binding
 * @param trustStore         the trust store that must hold the server's certificate (or its CA) for LDAPS and StartTLS;
 *                           null trusts the JVM's default trust store
 * @param trustStoreType     the trust store's format, e.g. {@code PKCS12} or {@code JKS}
 * @param trustStorePassword the trust store's password, or null
 * @param bindDn             the DN to bind as; null or empty binds anonymously
 * @param bindPassword       the bind DN's password, or null when anonymous
 * @param pageSize           entries per page of a paged search (RFC 2696)
 * @param timeLimit          how long the server may spend on one page (or one plain search); zero for no limit
 * @param connectTimeout     how long to wait for a connection to a server
 * @param responseTimeout    how long to wait for a server's answer to one request (a bind, a page)
 */
public record LdapSettings(List<String> urls, boolean startTls, Path trustStore, String trustStoreType,
        String trustStorePassword, String bindDn, String bindPassword, int pageSize, Duration timeLimit,
        Duration connectTimeout, Duration responseTimeout) {

    /** Checks what a connection cannot do without, and copies the list. */
    public LdapSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("An LDAP source needs at least one server URL");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("The LDAP page size must be at least 1");
        }
        Objects.requireNonNull(trustStoreType, "trustStoreType");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /** Whether to bind at all. */
    boolean anonymous() {
        return bindDn == null || bindDn.isEmpty();
    }

    /** The settings without the passwords, for logs. */
    @Override
    public String toString() {
        return "LdapSettings[urls=" + urls + ", startTls=" + startTls + ", trustStore=" + trustStore
                + ", trustStoreType=" + trustStoreType + ", bindDn=" + bindDn + ", pageSize=" + pageSize
                + ", timeLimit=" + timeLimit + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + "]";
    }
}
