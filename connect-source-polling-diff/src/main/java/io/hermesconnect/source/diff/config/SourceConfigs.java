package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.NonEmptyString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The keys of one source, {@code sources.<S>.*}, and their parsing into {@link SourceSettings}. */
final class SourceConfigs {

    static final String KIND = "kind";
    static final String JDBC_URL = "jdbc.url";
    static final String JDBC_USER = "jdbc.user";
    static final String JDBC_PASSWORD = "jdbc.password";
    static final String JDBC_FETCH_SIZE = "jdbc.fetch.size";
    static final String JDBC_QUERY_TIMEOUT_MS = "jdbc.query.timeout.ms";
    /** The open family of driver properties. */
    static final String JDBC_PROPERTIES = "jdbc.properties.";
    static final String LDAP_URL = "ldap.url";
    static final String LDAP_BIND_DN = "ldap.bind.dn";
    static final String LDAP_BIND_PASSWORD = "ldap.bind.password";
    static final String LDAP_STARTTLS = "ldap.starttls";
    static final String LDAP_TRUSTSTORE_LOCATION = "ldap.truststore.location";
    static final String LDAP_TRUSTSTORE_TYPE = "ldap.truststore.type";
    static final String LDAP_TRUSTSTORE_PASSWORD = "ldap.truststore.password";
    static final String LDAP_PAGE_SIZE = "ldap.page.size";
    static final String LDAP_TIME_LIMIT_MS = "ldap.time.limit.ms";

    static final EnumChoice<SourceKind> KINDS = EnumChoice.of(SourceKind.class);

    private static final List<String> JDBC_KEYS = List.of(JDBC_URL, JDBC_USER, JDBC_PASSWORD, JDBC_FETCH_SIZE, JDBC_QUERY_TIMEOUT_MS);
    private static final List<String> LDAP_KEYS = List.of(LDAP_URL, LDAP_BIND_DN, LDAP_BIND_PASSWORD, LDAP_STARTTLS,
            LDAP_TRUSTSTORE_LOCATION, LDAP_TRUSTSTORE_TYPE, LDAP_TRUSTSTORE_PASSWORD, LDAP_PAGE_SIZE, LDAP_TIME_LIMIT_MS);

    private SourceConfigs() {
    }

    /** The full key of a source's setting: {@code sources.<S>.<setting>}. */
    static String key(String source, String setting) {
        return prefix(source) + setting;
    }

    static String prefix(String source) {
        return PollingDiffConfig.SOURCES + "." + source + ".";
    }

    /** The definition of one source's keys under {@code prefix} ({@code sources.<S>.}, or a placeholder for the docs). */
    static ConfigDef definition(String prefix) {
        return new GroupedConfigDef()
                .group("Source")
                .define(prefix + KIND, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, KINDS, Importance.HIGH,
                        "What the source is: jdbc (a database, read with SQL) or ldap (a directory, read with paged searches). "
                                + "Only the keys of its kind may be set.", Width.SHORT, "Source kind", KINDS)
                .group("JDBC source")
                .define(prefix + JDBC_URL, Type.STRING, null, null, Importance.HIGH,
                        "The JDBC URL, e.g. jdbc:postgresql://db:5432/hr or jdbc:mariadb://db:3306/hr. Required for a jdbc source. "
                                + "Further driver properties are set as " + prefix + JDBC_PROPERTIES + "<property> (e.g. "
                                + prefix + JDBC_PROPERTIES + "sslmode=require).",
                        Width.LONG, "JDBC URL")
                .define(prefix + JDBC_USER, Type.STRING, null, null, Importance.HIGH,
                        "The database user; unset leaves it to the URL or the driver properties.", Width.MEDIUM, "JDBC user")
                .define(prefix + JDBC_PASSWORD, Type.PASSWORD, null, null, Importance.HIGH,
                        "The database user's password.", Width.MEDIUM, "JDBC password")
                .define(prefix + JDBC_FETCH_SIZE, Type.INT, 1000, Range.atLeast(1), Importance.LOW,
                        "Rows the driver fetches per round trip: a poll streams its rows, never holding a whole result.",
                        Width.SHORT, "JDBC fetch size")
                .define(prefix + JDBC_QUERY_TIMEOUT_MS, Type.LONG, 300_000L, Range.atLeast(1), Importance.LOW,
                        "The longest one query of a poll may run, in milliseconds; a query that takes longer fails the poll, "
                                + "which emits nothing.", Width.SHORT, "JDBC query timeout (ms)")
                .group("LDAP source")
                .define(prefix + LDAP_URL, Type.STRING, null, null, Importance.HIGH,
                        "The directory server, ldap://host:389 or ldaps://host:636. Required for an ldap source.",
                        Width.LONG, "LDAP URL")
                .define(prefix + LDAP_BIND_DN, Type.STRING, null, null, Importance.HIGH,
                        "The DN to bind as; unset binds anonymously.", Width.LONG, "LDAP bind DN")
                .define(prefix + LDAP_BIND_PASSWORD, Type.PASSWORD, null, null, Importance.HIGH,
                        "The password of the bind DN.", Width.MEDIUM, "LDAP bind password")
                .define(prefix + LDAP_STARTTLS, Type.BOOLEAN, false, null, Importance.MEDIUM,
                        "Upgrade an ldap:// connection to TLS with StartTLS before binding.", Width.SHORT, "LDAP StartTLS")
                .define(prefix + LDAP_TRUSTSTORE_LOCATION, Type.STRING, null, null, Importance.MEDIUM,
                        "The trust store that holds the server's CA, for ldaps:// or StartTLS; unset uses the JVM's.",
                        Width.LONG, "LDAP trust store location")
                .define(prefix + LDAP_TRUSTSTORE_TYPE, Type.STRING, "PKCS12", new NonEmptyString(), Importance.LOW,
                        "The trust store's format (PKCS12, JKS).", Width.SHORT, "LDAP trust store type")
                .define(prefix + LDAP_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, null, Importance.LOW,
                        "The trust store's password.", Width.MEDIUM, "LDAP trust store password")
                .define(prefix + LDAP_PAGE_SIZE, Type.INT, 500, Range.between(1, 100_000), Importance.LOW,
                        "Entries per page of a paged search (RFC 2696).", Width.SHORT, "LDAP page size")
                .define(prefix + LDAP_TIME_LIMIT_MS, Type.LONG, 300_000L, Range.atLeast(1), Importance.LOW,
                        "The longest one search of a poll may run, in milliseconds; a search that takes longer fails the poll, "
                                + "which emits nothing.", Width.SHORT, "LDAP time limit (ms)")
                .configDef();
    }

    /**
     * Parses one source's settings.
     *
     * @param settings the source's settings, {@code sources.<S>.} stripped
     * @return the settings, or null when they have problems (reported to {@code errors})
     */
    static SourceSettings parse(String source, Map<String, Object> settings, ConfigErrors errors) {
        String prefix = prefix(source);
        int before = errors.count();
        NestedSettings parsed = NestedSettings.parse(prefix, definition(prefix), settings, List.of(JDBC_PROPERTIES), errors);
        SourceKind kind = KINDS.parse(parsed.string(KIND));
        if (kind == null) {
            return null;
        }
        List<String> own = kind == SourceKind.JDBC ? JDBC_KEYS : LDAP_KEYS;
        List<String> other = kind == SourceKind.JDBC ? LDAP_KEYS : JDBC_KEYS;
        other.stream().filter(settings::containsKey).forEach(setting -> errors.add(prefix + setting,
                "A setting of " + (kind == SourceKind.JDBC ? "ldap" : "jdbc") + " sources; this source is " + EnumChoice.nameOf(kind)));
        if (kind == SourceKind.LDAP) {
            parsed.family(JDBC_PROPERTIES).keySet().forEach(property -> errors.add(prefix + JDBC_PROPERTIES + property,
                    "A setting of jdbc sources; this source is ldap"));
        }
        String url = own.get(0);
        if (parsed.string(url) == null || parsed.string(url).isBlank()) {
            errors.add(prefix + url, "Required for a " + EnumChoice.nameOf(kind) + " source");
        }
        if (errors.count() > before) {
            return null;
        }
        return kind == SourceKind.JDBC
                ? new JdbcSourceSettings(source, parsed.string(JDBC_URL), parsed.string(JDBC_USER), parsed.password(JDBC_PASSWORD),
                        parsed.integer(JDBC_FETCH_SIZE), Duration.ofMillis(parsed.longValue(JDBC_QUERY_TIMEOUT_MS)),
                        parsed.family(JDBC_PROPERTIES))
                : new LdapSourceSettings(source, parsed.string(LDAP_URL), parsed.string(LDAP_BIND_DN),
                        parsed.password(LDAP_BIND_PASSWORD), parsed.bool(LDAP_STARTTLS), parsed.string(LDAP_TRUSTSTORE_LOCATION),
                        parsed.string(LDAP_TRUSTSTORE_TYPE), parsed.password(LDAP_TRUSTSTORE_PASSWORD),
                        parsed.integer(LDAP_PAGE_SIZE), Duration.ofMillis(parsed.longValue(LDAP_TIME_LIMIT_MS)));
    }
}
