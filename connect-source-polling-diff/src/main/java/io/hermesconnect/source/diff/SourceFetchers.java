package io.hermesconnect.source.diff;

import io.hermesconnect.source.diff.config.FetcherFactory;
import io.hermesconnect.source.diff.config.JdbcSourceSettings;
import io.hermesconnect.source.diff.config.LdapSourceSettings;
import io.hermesconnect.source.diff.config.SourceSettings;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import io.hermesconnect.source.diff.fetch.jdbc.JdbcFetcher;
import io.hermesconnect.source.diff.fetch.jdbc.JdbcSettings;
import io.hermesconnect.source.diff.fetch.ldap.LdapFetcher;
import io.hermesconnect.source.diff.fetch.ldap.LdapSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.types.Password;

/** From a configured source to the fetcher that reads it (and, for JDBC, runs its write-back statements). */
public final class SourceFetchers implements FetcherFactory {

    /** How long connecting to a source may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public SourceFetcher open(SourceSettings settings) {
        if (settings instanceof JdbcSourceSettings jdbc) {
            return new JdbcFetcher(jdbc(jdbc));
        }
        return new LdapFetcher(ldap((LdapSourceSettings) settings));
    }

    /** The fetcher's settings of a configured JDBC source; its write-back uses them too. */
    public static JdbcSettings jdbc(JdbcSourceSettings settings) {
        return new JdbcSettings(settings.name(), settings.url(), settings.user(), settings.password(),
                settings.driverProperties(), settings.fetchSize(), settings.queryTimeout(), CONNECT_TIMEOUT);
    }

    private static LdapSettings ldap(LdapSourceSettings settings) {
        return new LdapSettings(List.of(settings.url()), settings.startTls(),
                settings.truststoreLocation() == null ? null : Path.of(settings.truststoreLocation()),
                settings.truststoreType(), reveal(settings.truststorePassword()), settings.bindDn(),
                reveal(settings.bindPassword()), settings.pageSize(), settings.timeLimit(), CONNECT_TIMEOUT, CONNECT_TIMEOUT);
    }

    private static String reveal(Password password) {
        return password == null ? null : password.value();
    }
}
