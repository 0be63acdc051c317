package io.hermesconnect.source.diff.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the state topic if it is missing (compacted, one partition) and checks an existing one: more partitions
 * would lose the order of a key's records, and a topic that is not only compacted would lose objects.
 */
final class StateTopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(StateTopicSetup.class);

    private final StateStoreSettings settings;
    private final String topic;

    private StateTopicSetup(StateStoreSettings settings) {
        this.settings = settings;
        this.topic = settings.topic();
    }

    /**
     * Makes sure the topic exists as it must.
     *
     * @return the topic's id
     * @throws ConnectException naming the topic when it is not as it must be or the broker does not answer
     */
    static String ensure(StateStoreSettings settings) {
        return new StateTopicSetup(settings).ensure();
    }

    private String ensure() {
        Map<String, Object> properties = new HashMap<>(settings.kafkaProperties());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.clientId() + "-admin");
        try (Admin admin = Admin.create(properties)) {
            Optional<TopicDescription> existing = describe(admin);
            if (existing.isEmpty()) {
                Optional<String> created = create(admin);
                if (created.isPresent()) {
                    return created.get();
                }
                existing = describe(admin); // another task created it meanwhile
            }
            TopicDescription description = existing.orElseThrow(() -> new ConnectException(
                    "The state topic '" + topic + "' was created but cannot be described"));
            check(admin, description);
            return description.topicId().toString();
        }
    }

    private Optional<TopicDescription> describe(Admin admin) {
        try {
            return Optional.of(await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic), "describe"));
        } catch (ConnectException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The new topic's id, or empty when another client created it first. */
    private Optional<String> create(Admin admin) {
        Optional<Short> replicationFactor = settings.replicationFactor() == -1
                ? Optional.empty() : Optional.of((short) settings.replicationFactor());
        NewTopic newTopic = new NewTopic(topic, Optional.of(1), replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        CreateTopicsResult result = admin.createTopics(List.of(newTopic));
        try {
            String id = await(result.topicId(topic), "create").toString();
            LOG.info("Created the state topic '{}' (compacted, one partition)", topic);
            return Optional.of(id);
        } catch (ConnectException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void check(Admin admin, TopicDescription description) {
        int partitions = description.partitions().size();
        if (partitions != 1) {
            throw new ConnectException("The state topic '" + topic + "' has " + partitions
                    + " partitions: the state store needs a topic with exactly one");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(List.of(resource)).values().get(resource), "describe the config of");
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        List<String> policies = Arrays.stream(policy.split(",")).map(String::trim).toList();
        if (!policies.equals(List.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            throw new ConnectException("The state topic '" + topic + "' has cleanup.policy=" + policy
                    + ": the state store needs a topic with cleanup.policy=compact only, or it loses objects");
        }
    }

    private <T> T await(Future<T> future, String action) {
        try {
            return future.get(settings.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not " + action + " the state topic '" + topic + "'", e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Could not " + action + " the state topic '" + topic + "' within "
                    + settings.kafkaTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting to " + action + " the state topic '" + topic + "'", e);
        }
    }
}
