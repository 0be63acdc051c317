package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.config.ConfigDocs;
import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.NonEmptyString;
import io.hermesconnect.common.config.PluginConfig;
import io.hermesconnect.common.config.ReplicationFactor;
import io.hermesconnect.common.config.UniqueNames;
import io.hermesconnect.source.diff.event.TopicRouting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The configuration of the polling-diff source connector. {@link #CONFIG_DEF} holds the connector-level keys; the
 * names listed in {@code types} and {@code sources} get their own keys ({@code types.<T>.*}, {@code sources.<S>.*},
 * {@code types.<T>.sources.<S>.*}, documented by {@link #nestedDefinitions()}), parsed into a {@link PollPlan} when
 * the config is built, every template compiled once. {@link #validate} reports every problem on its key, then checks
 * the sources live.
 */
public final class PollingDiffConfig extends PluginConfig {

    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TYPES = "types";
    public static final String SOURCES = "sources";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String SNAPSHOT_MODE = "snapshot.mode";
    public static final String REMOVED_TYPES = "removed.types";
    public static final String TOPIC_ROUTING = "topic.routing";
    public static final String TOMBSTONES_ON_DELETE = "tombstones.on.delete";
    public static final String STATE_TOPIC = "state.topic";
    public static final String STATE_TOPIC_REPLICATION_FACTOR = "state.topic.replication.factor";
    public static final String STATE_LOCAL_DIR = "state.local.dir";
    public static final String STATE_SECRET_KEY = "state.secret.key";
    /** The prefix of the state store's Kafka client settings. */
    public static final String STATE_KAFKA_PREFIX = "state.kafka.";
    public static final String STATE_KAFKA_BOOTSTRAP_SERVERS = STATE_KAFKA_PREFIX + "bootstrap.servers";

    /** How long {@link #validate} gives each source to answer. */
    static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private static final EnumChoice<SnapshotMode> SNAPSHOT_MODES = EnumChoice.of(SnapshotMode.class);
    private static final EnumChoice<RemovedTypes> REMOVED_TYPES_CHOICE = EnumChoice.of(RemovedTypes.class);
    private static final EnumChoice<TopicRouting> TOPIC_ROUTINGS = EnumChoice.of(TopicRouting.class);

    public static final ConfigDef CONFIG_DEF = new GroupedConfigDef()
            .group("Polling")
            .define(TYPES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, UniqueNames.atLeastOne(), Importance.HIGH,
                    "The types of objects, in order: creates and updates are emitted in this order, deletes in reverse, and "
                            + "a type's query templates see only the types before it. Each type <T> is configured by "
                            + "types.<T>.primary.key, types.<T>.sources, types.<T>.foreign.keys.<attribute>=<Parent>.<attribute> "
                            + "and the other types.<T>.* keys, and reads each of its sources <S> as types.<T>.sources.<S>.* "
                            + "say (the query, and types.<T>.sources.<S>.attrs.<attribute> = a column, [column, column] or "
                            + "{{ expression }}).", Width.LONG, "Types")
            .define(SOURCES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, UniqueNames.atLeastOne(), Importance.HIGH,
                    "The sources the types are read from. Each source <S> is configured by sources.<S>.kind (jdbc or ldap) "
                            + "and the sources.<S>.jdbc.* or sources.<S>.ldap.* keys.", Width.LONG, "Sources")
            .define(POLL_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.HIGH,
                    "Milliseconds from the start of one poll to the start of the next.", Width.SHORT, "Poll interval (ms)")
            .define(SNAPSHOT_MODE, Type.STRING, EnumChoice.nameOf(SnapshotMode.INITIAL), SNAPSHOT_MODES, Importance.MEDIUM,
                    "What the first poll without state emits: initial emits every object as a read event (op=r); never "
                            + "only fills the state, the targets being assumed in sync already.",
                    Width.SHORT, "Snapshot mode", SNAPSHOT_MODES)
            .define(REMOVED_TYPES, Type.STRING, EnumChoice.nameOf(RemovedTypes.DELETE), REMOVED_TYPES_CHOICE, Importance.MEDIUM,
                    "What happens to the objects of a type removed from types: delete emits a delete event for each; "
                            + "forget drops them from the state and the targets keep them.",
                    Width.SHORT, "Removed types", REMOVED_TYPES_CHOICE)
            .group("Output")
            .define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "The name of the output topic, or the prefix of one topic per type (see topic.routing); also the "
                            + "prefix of the default state topic.", Width.MEDIUM, "Topic prefix")
            .define(TOPIC_ROUTING, Type.STRING, EnumChoice.nameOf(TopicRouting.SINGLE), TOPIC_ROUTINGS, Importance.MEDIUM,
                    "single sends every type to the topic <topic.prefix>, created compacted with one partition, so events "
                            + "keep their order and a sink added later reads the whole current state from offset zero; "
                            + "per-type sends each type to <topic.prefix>.<Type>.", Width.SHORT, "Topic routing", TOPIC_ROUTINGS)
            .define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, true, null, Importance.MEDIUM,
                    "Follow each delete event with a tombstone (null value) of its key, so that compaction removes the "
                            + "object from the topic.", Width.SHORT, "Tombstones on delete")
            .group("State")
            .define(STATE_TOPIC, Type.STRING, null, null, Importance.MEDIUM,
                    "The compacted topic that holds the last emitted state of every object (secrets as HMACs only); "
                            + "unset: <topic.prefix>.state. The connector creates it and owns it.", Width.MEDIUM, "State topic")
            .define(STATE_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) -1, new ReplicationFactor(), Importance.LOW,
                    "The replication factor of the state topic when the connector creates it; -1 takes the broker's "
                            + "default.replication.factor.", Width.SHORT, "State topic replication factor")
            .define(STATE_LOCAL_DIR, Type.STRING, null, null, Importance.MEDIUM,
                    "The directory of the worker's local, disk-backed copy of the state, rebuilt from the state topic when "
                            + "the task starts on a worker without it; unset: a directory under the JVM's temporary directory.",
                    Width.LONG, "State local directory")
            .define(STATE_SECRET_KEY, Type.PASSWORD, null, null, Importance.HIGH,
                    "The HMAC key of secret attributes: the state keeps a keyed hash of each secret, never its value, so a "
                            + "changed secret is sent and an unchanged one is not. Required when a type has secret attributes; "
                            + "changing it sends every secret once more.", Width.MEDIUM, "State secret key")
            .define(STATE_KAFKA_BOOTSTRAP_SERVERS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "The Kafka cluster of the state topic, host:port pairs separated by commas. Every other " + STATE_KAFKA_PREFIX + "* key (security.protocol, "
                            + "sasl.jaas.config, ...) is passed, prefix stripped, to the state store's producer, consumer "
                            + "and admin clients.", Width.LONG, "State Kafka bootstrap servers")
            .configDef();

    private final PollPlan plan;

    /**
     * Parses the config and its nested keys.
     *
     * @throws ConfigException naming the first key with a problem
     */
    public PollingDiffConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        ConfigErrors errors = new ConfigErrors();
        this.plan = PollPlanParser.parse(originalsStrings(), getList(TYPES), getList(SOURCES), getPassword(STATE_SECRET_KEY) != null,
                errors);
        errors.throwIfAny();
    }

    /**
     * {@code Connector.validate()}: every key's value, then the nested keys and the rules across keys, then (when all
     * that is right) the live checks of each source ({@link LiveChecks}); each problem on the key the user must change.
     */
    public static Config validate(Map<String, String> props, FetcherFactory fetchers) {
        Config config = new Config(new ArrayList<>(CONFIG_DEF.validateAll(props).values()));
        if (!ConfigValidation.allValid(config, TYPES, SOURCES, STATE_SECRET_KEY)) {
            return config;
        }
        ConfigErrors errors = new ConfigErrors();
        @SuppressWarnings("unchecked")
        List<String> types = (List<String>) ConfigValidation.find(config, TYPES).orElseThrow().value();
        @SuppressWarnings("unchecked")
        List<String> sources = (List<String>) ConfigValidation.find(config, SOURCES).orElseThrow().value();
        PollPlan plan = PollPlanParser.parse(props, types, sources, props.get(STATE_SECRET_KEY) != null, errors);
        errors.reportTo(config);
        if (!ConfigValidation.hasErrors(config)) {
            new LiveChecks(fetchers, LIVE_CHECK_TIMEOUT).run(plan, config);
        }
        return config;
    }

    /** The definitions of the nested keys, under placeholder names, for the reference docs and their lint. */
    public static Map<String, ConfigDef> nestedDefinitions() {
        Map<String, ConfigDef> definitions = new LinkedHashMap<>();
        definitions.put("sources.<S>.*", SourceConfigs.definition(SourceConfigs.prefix("<S>")));
        definitions.put("types.<T>.*", TypeConfigs.typeDefinition(TypeConfigs.typePrefix("<T>")));
        definitions.put("types.<T>.sources.<S>.*", TypeConfigs.typeSourceDefinition(TypeConfigs.typeSourcePrefix("<T>", "<S>")));
        return definitions;
    }

    /**
     * The Markdown reference of the nested keys, one section per family under level-3 headings, for the module's guide
     * (a test checks the guide holds it as generated).
     */
    public static String nestedReference() {
        StringBuilder md = new StringBuilder();
        nestedDefinitions().forEach((family, def) ->
                md.append(ConfigDocs.markdown("`" + family + "`", def).replaceAll("(?m)^#", "###")).append('\n'));
        return md.toString();
    }

    /** The types, sources and how each poll reads and merges them. */
    public PollPlan plan() {
        return plan;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public SnapshotMode snapshotMode() {
        return getEnum(SNAPSHOT_MODE, SNAPSHOT_MODES);
    }

    public RemovedTypes removedTypes() {
        return getEnum(REMOVED_TYPES, REMOVED_TYPES_CHOICE);
    }

    public TopicRouting topicRouting() {
        return getEnum(TOPIC_ROUTING, TOPIC_ROUTINGS);
    }

    /** The topic of a type's change events, by {@code topic.routing}. */
    public String topic(String type) {
        return topicRouting().topic(topicPrefix(), type);
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public boolean tombstonesOnDelete() {
        return getBoolean(TOMBSTONES_ON_DELETE);
    }

    public String stateTopic() {
        String topic = getString(STATE_TOPIC);
        return topic == null || topic.isBlank() ? topicPrefix() + ".state" : topic;
    }

    public short stateTopicReplicationFactor() {
        return getShort(STATE_TOPIC_REPLICATION_FACTOR);
    }

    /** The local state directory, or null for one under the JVM's temporary directory. */
    public String stateLocalDir() {
        return getString(STATE_LOCAL_DIR);
    }

    /** The HMAC key of secret attributes, or null; reveal it only to build the hasher. */
    public Password stateSecretKey() {
        return getPassword(STATE_SECRET_KEY);
    }

    /** The state store's Kafka client settings, {@code state.kafka.} stripped; they may hold secrets (SASL): never log them. */
    public Map<String, Object> stateKafkaSettings() {
        return originalsWithPrefix(STATE_KAFKA_PREFIX);
    }
}
