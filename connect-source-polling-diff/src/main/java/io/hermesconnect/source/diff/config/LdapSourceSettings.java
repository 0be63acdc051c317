package io.hermesconnect.source.diff.config;

import java.time.Duration;
import org.apache.kafka.common.config.types.Password;

/**
 * An LDAP source ({@code sources.<S>.kind=ldap}), read by paged searches.
 *
 * @param name               the source's name
 * @param url                the server, {@code ldap://host:port} or {@code ldaps://host:port}
 * @param bindDn             the DN to bind as, or null for an anonymous bind
 * @param bindPassword       its password, or null
 * @param startTls           whether to upgrade an {@code ldap://} connection with StartTLS
 * @param truststoreLocation the trust store for TLS, or null for the JVM's
 * @param truststoreType     the trust store's type (e.g. PKCS12)
 * @param truststorePassword the trust store's password, or null
 * @param pageSize           entries per page of a search
 * @param timeLimit          the longest a search may run
 */
public record LdapSourceSettings(String name, String url, String bindDn, Password bindPassword, boolean startTls,
                                 String truststoreLocation, String truststoreType, Password truststorePassword,
                                 int pageSize, Duration timeLimit) implements SourceSettings {

    @Override
    public String urlKey() {
        return SourceConfigs.key(name, SourceConfigs.LDAP_URL);
    }

    @Override
    public String passwordKey() {
        return SourceConfigs.key(name, SourceConfigs.LDAP_BIND_PASSWORD);
    }
}
