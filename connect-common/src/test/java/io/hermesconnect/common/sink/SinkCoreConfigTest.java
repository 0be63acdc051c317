package io.hermesconnect.common.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.config.ConfigDefLint;
import io.hermesconnect.common.config.GroupedConfigDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SinkCoreConfigTest {

    private final Map<String, String> props = new HashMap<>(Map.of(
            SinkCoreConfig.CONNECTOR_NAME, "users sink/1",
            SinkCoreConfig.ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS, "broker:9092"));

    @Test
    void everyKeyIsDocumentedGroupedAndValidated() {
        GroupedConfigDef def = new GroupedConfigDef();
        SinkCoreConfig.define(def);
        ConfigDef configDef = def.configDef();

        assertThat(ConfigDefLint.problems(configDef)).isEmpty();
        assertThat(configDef.groups()).containsExactly("Error queue", "Trashbin");
        assertThat(configDef.names()).containsExactlyInAnyOrder(SinkCoreConfig.ERRORS_QUEUE_RETRY_INTERVAL_MS,
                SinkCoreConfig.ERRORS_QUEUE_MAX_AGE_MS, SinkCoreConfig.ERRORS_QUEUE_REMEDIATION, SinkCoreConfig.FOREIGN_KEYS_POLICY,
                SinkCoreConfig.ERRORS_QUEUE_TOPIC, SinkCoreConfig.ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR,
                SinkCoreConfig.ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS, SinkCoreConfig.TRASHBIN_RETENTION_MS,
                SinkCoreConfig.TRASHBIN_PURGE_INTERVAL_MS);
    }

    @Test
    void theDefaultsKeepEveryParkedEventAndTurnTheTrashbinOff() {
        SinkCoreConfig config = new SinkCoreConfig(props);

        assertThat(config.retryInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.maxAge()).isZero();
        assertThat(config.remediation()).isEqualTo(RemediationMode.DISABLED);
        assertThat(config.foreignKeyPolicy()).isEqualTo(ForeignKeyPolicy.ON_REMOVE);
        assertThat(config.parkedEventTopicReplicationFactor()).isEqualTo((short) -1);
        assertThat(config.trashbinRetention()).isZero();
        assertThat(config.trashbinPurgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.taskId()).isZero();
    }

    @Test
    void theParkedEventTopicIsDerivedFromTheConnectorsNameUnlessSet() {
        assertThat(new SinkCoreConfig(props).parkedEventTopic()).isEqualTo("users_sink_1.parked");
        assertThat(new SinkCoreConfig(props).connectorLabel()).isEqualTo("users sink/1");

        props.put(SinkCoreConfig.ERRORS_QUEUE_TOPIC, "ldap-parked");
        assertThat(new SinkCoreConfig(props).parkedEventTopic()).isEqualTo("ldap-parked");

        props.remove(SinkCoreConfig.CONNECTOR_NAME);
        assertThat(new SinkCoreConfig(props).parkedEventTopic()).isEqualTo("ldap-parked");
        assertThat(new SinkCoreConfig(props).connectorLabel()).isEqualTo("ldap-parked");
        props.remove(SinkCoreConfig.ERRORS_QUEUE_TOPIC);
        assertThatThrownBy(() -> new SinkCoreConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(SinkCoreConfig.ERRORS_QUEUE_TOPIC);
    }

    @Test
    void theStoresKafkaSettingsAreTheKeysUnderItsPrefixWithoutIt() {
        props.put("errors.queue.kafka.security.protocol", "SSL");
        props.put("errors.queue.retry.interval.ms", "1000");

        assertThat(new SinkCoreConfig(props).parkedEventKafkaSettings())
                .containsExactlyInAnyOrderEntriesOf(Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SSL"));
    }

    @Test
    void choicesParseCaseInsensitivelyAndBadValuesNameTheirKey() {
        props.put(SinkCoreConfig.ERRORS_QUEUE_REMEDIATION, "Maximum");
        props.put(SinkCoreConfig.FOREIGN_KEYS_POLICY, "on_every_event");
        SinkCoreConfig config = new SinkCoreConfig(props);
        assertThat(config.remediation()).isEqualTo(RemediationMode.MAXIMUM);
        assertThat(config.foreignKeyPolicy()).isEqualTo(ForeignKeyPolicy.ON_EVERY_EVENT);

        props.put(SinkCoreConfig.FOREIGN_KEYS_POLICY, "always");
        assertThatThrownBy(() -> new SinkCoreConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(SinkCoreConfig.FOREIGN_KEYS_POLICY);
        props.remove(SinkCoreConfig.FOREIGN_KEYS_POLICY);
        props.put(SinkCoreConfig.ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR, "0");
        assertThatThrownBy(() -> new SinkCoreConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(SinkCoreConfig.ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR);
    }

    @Test
    void taskConfigsNumberTheTasksAndKeepTheConnectorsSettings() {
        List<Map<String, String>> tasks = SinkCoreConfig.taskConfigs(props, 3);

        assertThat(tasks).extracting(task -> new SinkCoreConfig(task).taskId()).containsExactly(0, 1, 2);
        assertThat(tasks).allSatisfy(task -> assertThat(task).containsAllEntriesOf(props));
    }

    @Test
    void validateWantsATrashForATrashbinRetention() {
        props.put(SinkCoreConfig.TRASHBIN_RETENTION_MS, "86400000");

        assertThat(errors(props, false)).containsExactly(Map.entry(SinkCoreConfig.TRASHBIN_RETENTION_MS,
                "must be 0: this connector's target, as configured, has no trash"));
        assertThat(errors(props, true)).isEmpty();
        props.put(SinkCoreConfig.TRASHBIN_RETENTION_MS, "0");
        assertThat(errors(props, false)).isEmpty();
    }

    @Test
    void validateWantsADeadLetterQueueForAMaximumAge() {
        props.put(SinkCoreConfig.ERRORS_QUEUE_MAX_AGE_MS, "604800000");
        assertThat(errors(props, false)).extracting(Map.Entry::getKey).containsExactly(SinkCoreConfig.ERRORS_QUEUE_MAX_AGE_MS);

        props.put("errors.deadletterqueue.topic.name", "users-sink-dlq");
        assertThat(errors(props, false)).as("errors.tolerance=none fails the task at the first report").hasSize(1);

        props.put("errors.tolerance", "all");
        assertThat(errors(props, false)).isEmpty();
        props.remove("errors.deadletterqueue.topic.name");
        props.put("errors.log.enable", "true");
        assertThat(errors(props, false)).isEmpty();
    }

    private static List<Map.Entry<String, String>> errors(Map<String, String> props, boolean targetHasTrashbin) {
        Config config = new Config(new ArrayList<>());
        SinkCoreConfig.validate(config, props, targetHasTrashbin);
        return config.configValues().stream()
                .flatMap(value -> value.errorMessages().stream().map(message -> Map.entry(value.name(), message)))
                .toList();
    }
}
