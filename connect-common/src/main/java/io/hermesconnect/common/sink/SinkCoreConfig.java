package io.hermesconnect.common.sink;

import io.hermesconnect.common.config.ConfigDocs;
import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.NonEmptyString;
import io.hermesconnect.common.config.PluginConfig;
import io.hermesconnect.common.config.ReplicationFactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The sink core's settings, which every sink connector adds to its own {@code ConfigDef} with {@link #define}
 * (groups "Error queue" and "Trashbin") and which {@link ChangeEventSinkTask} parses from its task's settings.
 *
 * <p>A connector builds its task settings with {@link #taskConfigs}, which numbers the tasks, so that each task's
 * JMX bean has a name of its own; the connector's {@code name}, which Connect puts in the connector's settings,
 * names the default parked-event topic and the beans.
 */
public final class SinkCoreConfig extends PluginConfig {

    public static final String ERRORS_QUEUE_RETRY_INTERVAL_MS = "errors.queue.retry.interval.ms";
    public static final String ERRORS_QUEUE_MAX_AGE_MS = "errors.queue.max.age.ms";
    public static final String ERRORS_QUEUE_REMEDIATION = "errors.queue.remediation";
    public static final String FOREIGN_KEYS_POLICY = "foreign.keys.policy";
    public static final String ERRORS_QUEUE_TOPIC = "errors.queue.topic";
    public static final String ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR = "errors.queue.topic.replication.factor";
    /** The prefix of the parked-event store's Kafka client settings. */
    public static final String ERRORS_QUEUE_KAFKA_PREFIX = "errors.queue.kafka.";
    public static final String ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS = ERRORS_QUEUE_KAFKA_PREFIX + "bootstrap.servers";
    public static final String TRASHBIN_RETENTION_MS = "trashbin.retention.ms";
    public static final String TRASHBIN_PURGE_INTERVAL_MS = "trashbin.purge.interval.ms";
    /** The task's number among the connector's tasks, set by {@link #taskConfigs}; internal, not documented. */
    public static final String TASK_ID = "hermes.sink.task.id";
    /** Connect's key of the connector's name, which it puts in the connector's settings. */
    public static final String CONNECTOR_NAME = "name";

    private static final String ERROR_QUEUE_GROUP = "Error queue";
    private static final String TRASHBIN_GROUP = "Trashbin";
    private static final String PARKED_TOPIC_SUFFIX = ".parked";
    private static final EnumChoice<RemediationMode> REMEDIATION_MODES = EnumChoice.of(RemediationMode.class);
    private static final EnumChoice<ForeignKeyPolicy> FOREIGN_KEY_POLICIES = EnumChoice.of(ForeignKeyPolicy.class);

    private static final ConfigDef CONFIG_DEF = coreDefinition();

    /**
     * Parses the core's keys from a task's (or connector's) settings; other keys are ignored.
     *
     * @throws ConfigException naming the first key with a problem
     */
    public SinkCoreConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        if (!props.containsKey(CONNECTOR_NAME) && getString(ERRORS_QUEUE_TOPIC) == null) {
            throw new ConfigException(ERRORS_QUEUE_TOPIC, null, "must be set when the settings carry no connector "
                    + CONNECTOR_NAME + " to derive it from");
        }
    }

    /** Adds the core's keys, in the groups "Error queue" and "Trashbin", to a connector's definition. */
    public static void define(GroupedConfigDef def) {
        def.group(ERROR_QUEUE_GROUP)
                .define(ERRORS_QUEUE_RETRY_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.MEDIUM,
                        "Milliseconds between two retries of the parked objects. A retry tries each parked object, "
                                + "the object parked first first, from its first parked event, and repeats while it "
                                + "applies something.", Width.SHORT, "Retry interval (ms)")
                .define(ERRORS_QUEUE_MAX_AGE_MS, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM,
                        "How long an event may stay parked, in milliseconds, before it leaves the error queue for "
                                + "Connect's errant record reporter (the dead-letter queue, errors.deadletterqueue.topic.name, "
                                + "with errors.tolerance=all); 0 keeps it until it applies. Without a dead-letter queue or "
                                + "errors.log.enable=true, expired events stay parked.", Width.SHORT, "Maximum age (ms)")
                .define(ERRORS_QUEUE_REMEDIATION, Type.STRING, EnumChoice.nameOf(RemediationMode.DISABLED), REMEDIATION_MODES,
                        Importance.LOW, "How an event parked behind another event of its object is merged with it: "
                                + "disabled keeps both; conservative merges added + modified into added and modified + "
                                + "modified into modified; maximum also drops added + removed, turns removed + added into "
                                + "modified and modified + removed into removed (with a trashbin, an object added then "
                                + "removed is then never created). Events the target partly applied are never merged.",
                        Width.SHORT, "Remediation", REMEDIATION_MODES)
                .define(FOREIGN_KEYS_POLICY, Type.STRING, EnumChoice.nameOf(ForeignKeyPolicy.ON_REMOVE), FOREIGN_KEY_POLICIES,
                        Importance.MEDIUM, "Which events of the objects a parked object refers to (its foreign keys) are "
                                + "parked too: disabled none; on_remove their removals, so nothing a parked object needs is "
                                + "deleted; on_every_event all but their adds.", Width.SHORT, "Foreign-key policy",
                        FOREIGN_KEY_POLICIES)
                .define(ERRORS_QUEUE_TOPIC, Type.STRING, null, null, Importance.MEDIUM,
                        "The compacted topic that keeps the parked events, one record per parked object; unset: the "
                                + "connector's name followed by " + PARKED_TOPIC_SUFFIX + " (characters a topic name cannot "
                                + "hold replaced by _). The connector creates it (compacted, one partition) and owns it; it "
                                + "holds the records' data, so protect it as the source topics.", Width.MEDIUM,
                        "Parked-event topic")
                .define(ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) -1, new ReplicationFactor(), Importance.LOW,
                        "The replication factor of the parked-event topic when the connector creates it; -1 takes the "
                                + "broker's default.replication.factor.", Width.SHORT, "Parked-event topic replication factor")
                .define(ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(),
                        Importance.HIGH, "The Kafka cluster of the parked-event topic, host:port pairs separated by commas. "
                                + "Every other " + ERRORS_QUEUE_KAFKA_PREFIX + "* key (security.protocol, sasl.jaas.config, "
                                + "...) is passed, prefix stripped, to the store's producer, consumer and admin clients.",
                        Width.LONG, "Parked-event Kafka bootstrap servers")
                .group(TRASHBIN_GROUP)
                .define(TRASHBIN_RETENTION_MS, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM,
                        "How long a removed object stays in the target's trash, in milliseconds, before a purge removes it "
                                + "for good; an add of the object within that time recycles it. 0 turns the trashbin off: "
                                + "removals remove. Needs a target with a trash.", Width.SHORT, "Trashbin retention (ms)")
                .define(TRASHBIN_PURGE_INTERVAL_MS, Type.LONG, 3_600_000L, Range.atLeast(1), Importance.LOW,
                        "Milliseconds between two purges of the objects trashed longer than " + TRASHBIN_RETENTION_MS
                                + " ago, children before parents, skipping those a parked object still needs.",
                        Width.SHORT, "Trashbin purge interval (ms)");
    }

    private static ConfigDef coreDefinition() {
        GroupedConfigDef def = new GroupedConfigDef();
        define(def);
        return def.configDef().defineInternal(TASK_ID, Type.INT, 0, Range.atLeast(0), Importance.LOW, "");
    }

    /** The Markdown reference of the core's keys, as {@code sink-core.md} includes it. */
    public static String reference() {
        return ConfigDocs.markdown("Reference of the sink core's keys", "Generated from their definitions "
                + "(`SinkCoreConfig.reference()`); every sink connector has these keys beside its own.", CONFIG_DEF)
                .replaceAll("(?m)^#", "##");
    }

    /** Prints {@link #reference()}. */
    public static void main(String[] args) {
        System.out.print(reference());
    }

    /**
     * The settings of each of a connector's tasks: the connector's own, and the task's number.
     *
     * @param connectorProps the connector's settings, as {@code Connector.start} received them
     */
    public static List<Map<String, String>> taskConfigs(Map<String, String> connectorProps, int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> config = new HashMap<>(connectorProps);
            config.put(TASK_ID, Integer.toString(task));
            configs.add(config);
        }
        return configs;
    }

    /**
     * In {@code Connector.validate()}, after the field validation: the rules across the core's keys and Connect's own.
     * {@link #TRASHBIN_RETENTION_MS} above 0 needs a target with a trash; {@link #ERRORS_QUEUE_MAX_AGE_MS} above 0
     * needs somewhere to hand expired events, which Connect only offers with {@code errors.tolerance=all} and a
     * dead-letter queue or {@code errors.log.enable=true}.
     *
     * @param targetHasTrashbin whether the connector's target, as configured, is a {@link TrashbinTarget}
     */
    public static void validate(Config config, Map<String, String> props, boolean targetHasTrashbin) {
        if (!targetHasTrashbin && isPositive(props.get(TRASHBIN_RETENTION_MS))) {
            ConfigValidation.addError(config, TRASHBIN_RETENTION_MS,
                    "must be 0: this connector's target, as configured, has no trash");
        }
        if (isPositive(props.get(ERRORS_QUEUE_MAX_AGE_MS)) && !hasErrantRecordDestination(props)) {
            ConfigValidation.addError(config, ERRORS_QUEUE_MAX_AGE_MS, "must be 0 unless expired events have somewhere to "
                    + "go: set errors.tolerance=all and errors.deadletterqueue.topic.name (or errors.log.enable=true)");
        }
    }

    /** Whether Connect gives the task an errant record reporter that accepts records (errors.* keys are Connect's). */
    private static boolean hasErrantRecordDestination(Map<String, String> props) {
        String deadLetterTopic = props.getOrDefault("errors.deadletterqueue.topic.name", "").trim();
        boolean logged = Boolean.parseBoolean(props.getOrDefault("errors.log.enable", "false").trim());
        boolean tolerated = "all".equalsIgnoreCase(props.getOrDefault("errors.tolerance", "none").trim());
        return tolerated && (!deadLetterTopic.isEmpty() || logged);
    }

    private static boolean isPositive(String millis) {
        try {
            return millis != null && Long.parseLong(millis.trim()) > 0;
        } catch (NumberFormatException e) {
            return false; // the field validation reports it
        }
    }

    /** The connector's name, or null when the settings carry none. */
    public String connectorName() {
        return originalsStrings().get(CONNECTOR_NAME);
    }

    /**
     * How logs, client ids and JMX name the connector: its name, or the parked-event topic when the settings carry no
     * name (a connector that did not pass its settings on to its tasks).
     */
    public String connectorLabel() {
        return connectorName() != null ? connectorName() : parkedEventTopic();
    }

    /** The task's number among the connector's tasks (0 when the connector did not number them). */
    public int taskId() {
        return getInt(TASK_ID);
    }

    public Duration retryInterval() {
        return Duration.ofMillis(getLong(ERRORS_QUEUE_RETRY_INTERVAL_MS));
    }

    /** How long an event may stay parked; {@link Duration#ZERO} for ever. */
    public Duration maxAge() {
        return Duration.ofMillis(getLong(ERRORS_QUEUE_MAX_AGE_MS));
    }

    public RemediationMode remediation() {
        return getEnum(ERRORS_QUEUE_REMEDIATION, REMEDIATION_MODES);
    }

    public ForeignKeyPolicy foreignKeyPolicy() {
        return getEnum(FOREIGN_KEYS_POLICY, FOREIGN_KEY_POLICIES);
    }

    /** The parked-event topic: the configured one, else derived from the connector's name. */
    public String parkedEventTopic() {
        String topic = getString(ERRORS_QUEUE_TOPIC);
        if (topic != null && !topic.isBlank()) {
            return topic;
        }
        return ownedTopic(PARKED_TOPIC_SUFFIX);
    }

    /**
     * The name of a topic the connector owns: its name, characters a topic name cannot hold replaced by {@code _},
     * followed by {@code suffix}.
     */
    public String ownedTopic(String suffix) {
        return connectorLabel().replaceAll("[^a-zA-Z0-9._-]", "_") + suffix;
    }

    public short parkedEventTopicReplicationFactor() {
        return getShort(ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR);
    }

    /** The store's Kafka client settings, prefix stripped; they may hold secrets (SASL): never log them. */
    public Map<String, Object> parkedEventKafkaSettings() {
        return originalsWithPrefix(ERRORS_QUEUE_KAFKA_PREFIX);
    }

    /** How long a trashed object stays in the trash; {@link Duration#ZERO} when the trashbin is off. */
    public Duration trashbinRetention() {
        return Duration.ofMillis(getLong(TRASHBIN_RETENTION_MS));
    }

    public Duration trashbinPurgeInterval() {
        return Duration.ofMillis(getLong(TRASHBIN_PURGE_INTERVAL_MS));
    }
}
