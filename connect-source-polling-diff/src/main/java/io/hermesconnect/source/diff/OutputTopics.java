package io.hermesconnect.source.diff;

import io.hermesconnect.source.diff.config.PollingDiffConfig;
import io.hermesconnect.source.diff.config.TypePlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the connector's output topics when they are missing: one partition, so that a poll's order holds, and
 * compacted, so that a consumer reading from offset zero receives every live object (the product's initial sync).
 * An existing topic is left as it is: its owner chose its settings.
 */
final class OutputTopics {

    private static final Logger LOG = LoggerFactory.getLogger(OutputTopics.class);
    private static final long TIMEOUT_SECONDS = 60;

    private OutputTopics() {
    }

    static void ensure(PollingDiffConfig config, List<TypePlan> types) {
        Set<String> topics = new LinkedHashSet<>();
        types.forEach(type -> topics.add(config.topic(type.name())));
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics) {
            wanted.add(new NewTopic(topic, Optional.of(1), replication(config))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        try (Admin admin = Admin.create(config.stateKafkaSettings())) {
            var results = admin.createTopics(wanted).values();
            for (var result : results.entrySet()) {
                try {
                    result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    LOG.info("Created the output topic '{}': one partition, compacted", result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new ConnectException("Cannot create the output topic '" + result.getKey() + "': "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating the output topics", e);
        } catch (TimeoutException e) {
            throw new ConnectException("Kafka did not answer within " + TIMEOUT_SECONDS + " s while creating the output topics "
                    + topics, e);
        }
    }

    private static Optional<Short> replication(PollingDiffConfig config) {
        short factor = config.stateTopicReplicationFactor();
        return factor < 1 ? Optional.empty() : Optional.of(factor);
    }
}
