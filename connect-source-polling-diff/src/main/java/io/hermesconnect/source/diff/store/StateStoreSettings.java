package io.hermesconnect.source.diff.store;

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
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("The state topic's name must not be blank");
        }
        if (replicationFactor < 1 && replicationFactor != -1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("The state topic's replication factor must be at least 1, or -1 for the"
                    + " broker's default");
        }
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("The state store's client id must not be blank");
        }
        if (kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
            throw new IllegalArgumentException("The state store's Kafka timeout must be positive");
        }
    }
}
