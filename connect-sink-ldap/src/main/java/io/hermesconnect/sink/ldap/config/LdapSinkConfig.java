package io.hermesconnect.sink.ldap.config;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.common.config.ConfigDocs;
import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.NonEmptyString;
import io.hermesconnect.common.config.PluginConfig;
import io.hermesconnect.common.config.UniqueNames;
import io.hermesconnect.common.sink.SinkCoreConfig;
import io.hermesconnect.sink.ldap.ad.ActiveDirectoryConfig;
import io.hermesconnect.sink.ldap.ad.PasswordPolicy;
import io.hermesconnect.sink.ldap.ad.UnicodePwd;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.LdapKind;
import io.hermesconnect.sink.ldap.target.ConnectionSettings;
import io.hermesconnect.sink.ldap.target.ConnectionSettings.Security;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The configuration of the LDAP sink: how to reach the directory ({@code ldap.*}), what differs on Active Directory
 * ({@code ldap.directory}, {@link ActiveDirectoryConfig}'s {@code ad.*}), the sink core's error queue and
 * trashbin ({@link SinkCoreConfig}), and the kinds of objects it keeps in sync ({@code kinds}, each configured by {@code kinds.<K>.*}, documented by {@link #nestedDefinitions()}), parsed when
 * the config is built with every template compiled once. {@link #validate} reports every problem on its key, then
 * checks the directory live ({@link DirectoryChecks}).
 */
public final class LdapSinkConfig extends PluginConfig {

    public static final String URL = "ldap.url";
    public static final String DIRECTORY = "ldap.directory";
    public static final String BIND_DN = "ldap.bind.dn";
    public static final String BIND_PASSWORD = "ldap.bind.password";
    public static final String BASE_DN = "ldap.base.dn";
    public static final String SECURITY = "ldap.security";
    public static final String TRUSTSTORE_PATH = "ldap.truststore.path";
    public static final String TRUSTSTORE_PASSWORD = "ldap.truststore.password";
    public static final String TRUSTSTORE_TYPE = "ldap.truststore.type";
    public static final String POOL_SIZE = "ldap.pool.size";
    public static final String CONNECT_TIMEOUT_MS = "ldap.connect.timeout.ms";
    public static final String RESPONSE_TIMEOUT_MS = "ldap.response.timeout.ms";
    public static final String PAGE_SIZE = "ldap.search.page.size";
    public static final String LOOKUP_CACHE_SIZE = "ldap.lookup.cache.size";
    public static final String TRASH_DN = "ldap.trash.dn";
    public static final String KINDS = "kinds";

    /** How long {@link #validate} gives the directory to answer. */
    static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private static final EnumChoice<Security> SECURITIES = EnumChoice.of(Security.class);
    private static final EnumChoice<DirectoryType> DIRECTORY_TYPES = EnumChoice.of(DirectoryType.class);

    public static final ConfigDef CONFIG_DEF = definition();

    private static ConfigDef definition() {
        GroupedConfigDef def = new GroupedConfigDef();
        def.group("Directory")
            .define(URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, NonEmptyItems.atLeastOne(), Importance.HIGH,
                    "The directory servers' URLs, ldap://host:port (ldaps://host:port with ldap.security=ldaps), in "
                            + "failover order: the sink uses the first that answers.", Width.LONG, "Server URLs")
            .define(DIRECTORY, Type.STRING, EnumChoice.nameOf(DirectoryType.GENERIC), DIRECTORY_TYPES, Importance.HIGH,
                    "generic: any LDAP directory, trashed entries move to ldap.trash.dn; active_directory: Active "
                            + "Directory or a Samba AD domain controller (passwords mapped to unicodePwd, sent over TLS "
                            + "only; trashed entries stay in place, disabled and marked; the ad.* keys apply).",
                    Width.SHORT, "Directory type", DIRECTORY_TYPES)
            .define(BIND_DN, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new DistinguishedName(), Importance.HIGH,
                    "The DN the sink binds as; it must be allowed to add, modify, rename and delete the kinds' entries.",
                    Width.LONG, "Bind DN")
            .define(BIND_PASSWORD, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, null, Importance.HIGH,
                    "The bind DN's password.", Width.MEDIUM, "Bind password")
            .define(BASE_DN, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new DistinguishedName(), Importance.HIGH,
                    "The DN every kind's entries live under; containers are relative to it, and look-ups search below it.",
                    Width.LONG, "Base DN")
            .define(TRASH_DN, Type.STRING, null, new DistinguishedName(), Importance.MEDIUM,
                    "The container of trashed entries, when the trashbin is on (trashbin.retention.ms) on a generic "
                            + "directory (Active Directory trashes in place): a trashed entry "
                            + "is copied to ou=<kind>,<this DN> and deleted where it was; the copy's createTimestamp is "
                            + "when it was trashed. It must exist; entries below it are never found by look-ups.",
                    Width.LONG, "Trash DN")
            .group("Security")
            .define(SECURITY, Type.STRING, EnumChoice.nameOf(Security.NONE), SECURITIES, Importance.HIGH,
                    "none: plain LDAP; ldaps: TLS from the first byte (ldaps:// URLs); starttls: plain LDAP upgraded to "
                            + "TLS before the bind. With TLS the server's certificate must be trusted by the trust store and "
                            + "name the URL's host.", Width.SHORT, "Security", SECURITIES)
            .define(TRUSTSTORE_PATH, Type.STRING, null, null, Importance.MEDIUM,
                    "The trust store of the servers' certificates (or their CA); unset: the JVM's default trust store.",
                    Width.LONG, "Trust store path")
            .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, null, Importance.MEDIUM,
                    "The trust store's password.", Width.MEDIUM, "Trust store password")
            .define(TRUSTSTORE_TYPE, Type.STRING, "PKCS12", new NonEmptyString(), Importance.LOW,
                    "The trust store's type: PKCS12 or JKS.", Width.SHORT, "Trust store type")
            .group("Connections")
            .define(POOL_SIZE, Type.INT, 4, Range.atLeast(1), Importance.LOW,
                    "The most connections the sink keeps open to the directory.", Width.SHORT, "Pool size")
            .define(CONNECT_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(1, Integer.MAX_VALUE), Importance.LOW,
                    "Milliseconds to wait for a connection to open; then the next server is tried.", Width.SHORT,
                    "Connect timeout (ms)")
            .define(RESPONSE_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW,
                    "Milliseconds to wait for the answer to one operation; then the sink retries later.", Width.SHORT,
                    "Response timeout (ms)")
            .define(PAGE_SIZE, Type.INT, 500, Range.atLeast(1), Importance.LOW,
                    "Entries per page of the paged searches (RFC 2696) that find the groups of a renamed entry and the "
                            + "trashed entries.", Width.SHORT, "Search page size")
            .define(LOOKUP_CACHE_SIZE, Type.INT, 10_000, Range.atLeast(0), Importance.LOW,
                    "The most look-ups by lookup attribute each task remembers (least recently used first out), so that "
                            + "memberships search for their group and member once rather than at every event. A task "
                            + "updates them when it creates, renames or removes an entry itself, and looks a group up "
                            + "again when its remembered DN is gone; a member renamed or removed by another task or "
                            + "writer is seen once the task forgets it. 0 searches at every event.",
                    Width.SHORT, "Look-up cache size")
            .group("Kinds")
            .define(KINDS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, UniqueNames.atLeastOne(), Importance.HIGH,
                    "The kinds of directory objects the sink keeps in sync, in order: an event that feeds several kinds "
                            + "is applied by each in this order (a removal in reverse order), and trashed entries are purged "
                            + "in reverse order. Each kind <K> is configured by kinds.<K>.* (events, shape, DN, object "
                            + "classes, kinds.<K>.attrs.<attribute> = a template ...).", Width.LONG, "Kinds");
        ActiveDirectoryConfig.define(def);
        SinkCoreConfig.define(def);
        return def.configDef();
    }

    private final List<LdapKind> kinds;

    /**
     * Parses the config and its kinds.
     *
     * @throws ConfigException naming the first key with a problem
     */
    public LdapSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        KindsParser.Result parsed = KindsParser.parse(originalsStrings(), getList(KINDS));
        if (!parsed.problems().isEmpty()) {
            KindsParser.Problem first = parsed.problems().get(0);
            throw new ConfigException(first.key() + ": " + first.message());
        }
        this.kinds = parsed.kinds();
    }

    /**
     * {@code Connector.validate()}: every key's value, then the kinds' keys, then (when all that is right) the live checks
     * of the directory; each problem on the key the user must change.
     */
    public static Config validate(Map<String, String> props) {
        Config config = new Config(new ArrayList<>(CONFIG_DEF.validateAll(props).values()));
        if (!ConfigValidation.allValid(config, KINDS)) {
            return config;
        }
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) ConfigValidation.find(config, KINDS).orElseThrow().value();
        KindsParser.Result parsed = KindsParser.parse(props, names);
        parsed.problems().forEach(problem -> ConfigValidation.addError(config, problem.key(), problem.message()));
        SinkCoreConfig.validate(config, props, true);
        DirectoryType directory = ConfigValidation.allValid(config, DIRECTORY) ? validated(config, DIRECTORY, DIRECTORY_TYPES) : null;
        Object retention = ConfigValidation.find(config, SinkCoreConfig.TRASHBIN_RETENTION_MS).map(ConfigValue::value).orElse(null);
        if (directory == DirectoryType.GENERIC && retention instanceof Long millis && millis > 0 && isBlank(props.get(TRASH_DN))) {
            ConfigValidation.addError(config, TRASH_DN, "must be set when " + SinkCoreConfig.TRASHBIN_RETENTION_MS
                    + " is above 0: trashed entries go there");
        }
        if (directory == DirectoryType.ACTIVE_DIRECTORY && ConfigValidation.allValid(config, SECURITY)
                && validated(config, SECURITY, SECURITIES) == Security.NONE) {
            parsed.kinds().stream().filter(LdapSinkConfig::mapsPassword).findFirst().ifPresent(kind ->
                    ConfigValidation.addError(config, SECURITY, "must be ldaps or starttls: kind '" + kind.name()
                            + "' maps " + UnicodePwd.ATTRIBUTE + ", and Active Directory takes passwords over TLS only"));
        }
        if (!ConfigValidation.hasErrors(config)) {
            LdapSinkConfig valid = new LdapSinkConfig(props);
            DirectoryChecks.run(valid, config, LIVE_CHECK_TIMEOUT);
        }
        return config;
    }

    private static <E extends Enum<E>> E validated(Config config, String key, EnumChoice<E> choice) {
        return choice.parse((String) ConfigValidation.find(config, key).orElseThrow().value());
    }

    private static boolean mapsPassword(LdapKind kind) {
        return kind instanceof EntryKind entry && Stream.concat(entry.attributes().keySet().stream(),
                entry.defaults().keySet().stream()).anyMatch(UnicodePwd.ATTRIBUTE::equalsIgnoreCase);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The definitions of the nested keys, under placeholder names, for the reference docs and their lint. */
    public static Map<String, ConfigDef> nestedDefinitions() {
        Map<String, ConfigDef> definitions = new LinkedHashMap<>();
        definitions.put("kinds.<K>.*", LdapKindConfigs.definition(LdapKindConfigs.prefix("<K>")));
        return definitions;
    }

    /** The Markdown reference of the nested keys, under level-3 headings, for the module's guide (a test keeps it current). */
    public static String nestedReference() {
        return ConfigDocs.nestedMarkdown(nestedDefinitions());
    }

    /** The kinds, in config order. */
    public List<LdapKind> kinds() {
        return kinds;
    }

    public ConnectionSettings connection() {
        String trustStore = getString(TRUSTSTORE_PATH);
        return new ConnectionSettings(getList(URL), getString(BIND_DN), password(BIND_PASSWORD), getEnum(SECURITY, SECURITIES),
                trustStore == null || trustStore.isBlank() ? null : Path.of(trustStore), password(TRUSTSTORE_PASSWORD),
                getString(TRUSTSTORE_TYPE), getInt(POOL_SIZE), Duration.ofMillis(getLong(CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(getLong(RESPONSE_TIMEOUT_MS)), getInt(PAGE_SIZE), getInt(LOOKUP_CACHE_SIZE), URL);
    }

    public DirectoryType directoryType() {
        return getEnum(DIRECTORY, DIRECTORY_TYPES);
    }

    /** The policy of the random passwords of new Active Directory users ({@code ad.password.*}). */
    public PasswordPolicy passwordPolicy() {
        return ActiveDirectoryConfig.passwordPolicy(this);
    }

    public DN baseDn() {
        return dn(BASE_DN);
    }

    /** The trash container, or null when none is set. */
    public DN trashDn() {
        String trash = getString(TRASH_DN);
        return trash == null || trash.isBlank() ? null : dn(TRASH_DN);
    }

    private DN dn(String key) {
        try {
            return new DN(getString(key));
        } catch (LDAPException e) {
            throw new ConfigException(key, getString(key), "is not a DN"); // the validator refused it already
        }
    }
}
