package io.hermesconnect.sink.ldap.target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the sink reaches the directory. {@code toString} hides the passwords.
 *
 * @param urls the servers' {@code ldap://} or {@code ldaps://} URLs, in failover order
 * @param bindDn the DN the sink binds as
 * @param bindPassword the bind password
 * @param security how the connection is protected
 * @param trustStore the trust store of the servers' certificates, or null for the JVM's
 * @param trustStorePassword its password, or null
 * @param trustStoreType its type, e.g. PKCS12
 * @param poolSize the most connections kept open
 * @param connectTimeout the longest wait for a connection to open
 * @param responseTimeout the longest wait for an operation's response
 * @param pageSize the entries per page of a paged search
 * @param lookupCacheSize the most look-ups by lookup attribute a task remembers; 0 remembers none
 * @param urlKey the config key of the URLs, for error messages
 */
public record ConnectionSettings(List<String> urls, String bindDn, String bindPassword, Security security, Path trustStore,
        String trustStorePassword, String trustStoreType, int poolSize, Duration connectTimeout, Duration responseTimeout,
        int pageSize, int lookupCacheSize, String urlKey) {

    /** How a connection is protected. */
    public enum Security {
        /** Plain LDAP. */
        NONE,
        /** TLS from the first byte, {@code ldaps://}. */
        LDAPS,
        /** Plain LDAP upgraded by the StartTLS extended operation before the bind. */
        STARTTLS
    }

    public ConnectionSettings {
        urls = List.copyOf(urls);
        Objects.requireNonNull(security, "security");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[urls=" + urls + ", bindDn=" + bindDn + ", security=" + security + ", trustStore="
                + trustStore + ", poolSize=" + poolSize + "]";
    }
}
