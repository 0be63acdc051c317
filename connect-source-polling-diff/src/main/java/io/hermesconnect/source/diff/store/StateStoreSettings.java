package io.hermesconnect.source.diff.store;

import io.hermesconnect.common.kafka.CompactedTopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link StateStore} keeps its state.
 *
 * @param directory         the worker-local directory of the disk-backed copy (one file); created if missing
 * @param topic             the compacted state topic the connector owns
 * @param replicationFactor the topic's replication factor when the store creates it, or -1 for the broker's default
 * @param kafkaProperties   the Kafka client settings (the connector's {@code state.kafka.*} without the prefix:
 *                          bootstrap servers, security…), given to the admin client, the producer and the consumer
 * @param clientId          the base of the clients' {@code client.id}s
 * @param kafkaTimeout      how long setting up the topic, a commit's acknowledgements or a restore that makes no
 *                          progress may take before the store gives up
 */
public record StateStoreSettings(Path directory, String topic, int replicationFactor, Map<String, Object> kafkaProperties,
        String clientId, Duration kafkaTimeout) {

    /** Checks the settings and copies the client properties. */
    public StateStoreSettings {
        Objects.requireNonNull(directory, "directory");
        kafkaProperties = topicSettings(topic, replicationFactor, kafkaProperties, clientId, kafkaTimeout).kafkaProperties();
    }

    /** The state topic's settings. */
    CompactedTopicSettings topicSettings() {
        return topicSettings(topic, replicationFactor, kafkaProperties, clientId, kafkaTimeout);
    }

    private static CompactedTopicSettings topicSettings(String topic, int replicationFactor, Map<String, Object> kafkaProperties,
            String clientId, Duration kafkaTimeout) {
        return new CompactedTopicSettings("state topic", topic, replicationFactor, kafkaProperties, clientId, kafkaTimeout);
    }
}
