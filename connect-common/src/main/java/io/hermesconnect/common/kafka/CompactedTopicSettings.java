package io.hermesconnect.common.kafka;

import java.time.Duration;
import java.util.Map;

/**
 * Where a {@link CompactedTopic} is and how to reach it.
 *
 * @param description       what the topic is, for messages: "state topic", "parked-event topic"
 * @param topic             the topic's name
 * @param replicationFactor the topic's replication factor when it is created, or -1 for the broker's default
 * @param kafkaProperties   the Kafka client settings (a connector's prefixed keys without the prefix: bootstrap
 *                          servers, security…), given to the admin client, the producer and the consumer
 * @param clientId          the base of the clients' {@code client.id}s
 * @param kafkaTimeout      how long setting up the topic, an acknowledgement or a read that makes no progress may take
 */
public record CompactedTopicSettings(String description, String topic, int replicationFactor,
        Map<String, Object> kafkaProperties, String clientId, Duration kafkaTimeout) {

    /** Checks the settings and copies the client properties. */
    public CompactedTopicSettings {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("The " + description + "'s name must not be blank");
        }
        if (replicationFactor < 1 && replicationFactor != -1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("The " + description + "'s replication factor must be at least 1, or -1 for "
                    + "the broker's default");
        }
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("The " + description + "'s client id must not be blank");
        }
        if (kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
            throw new IllegalArgumentException("The " + description + "'s Kafka timeout must be positive");
        }
    }
}
