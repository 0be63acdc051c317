package io.hermesconnect.common.kafka;

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
 * Creates a compacted topic if it is missing (compacted, one partition) and checks an existing one: more partitions
 * would lose the order of a key's records, and a topic that is not only compacted would lose keys.
 */
final class CompactedTopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicSetup.class);

    private final CompactedTopicSettings settings;
    private final String topic;
    /** "the state topic 'name'", as messages name the topic. */
    private final String named;

    private CompactedTopicSetup(CompactedTopicSettings settings) {
        this.settings = settings;
        this.topic = settings.topic();
        this.named = "the " + settings.description() + " '" + topic + "'";
    }

    /**
     * Makes sure the topic exists as it must.
     *
     * @return the topic's id
     * @throws ConnectException naming the topic when it is not as it must be or the broker does not answer
     */
    static String ensure(CompactedTopicSettings settings) {
        return new CompactedTopicSetup(settings).ensure();
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
                    "Created " + named + ", but it cannot be described"));
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
            LOG.info("Created {} (compacted, one partition)", named);
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
            throw new ConnectException(capitalized() + " has " + partitions + " partitions: it needs exactly one");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(List.of(resource)).values().get(resource), "describe the config of");
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        List<String> policies = Arrays.stream(policy.split(",")).map(String::trim).toList();
        if (!policies.equals(List.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            throw new ConnectException(capitalized() + " has cleanup.policy=" + policy
                    + ": it needs cleanup.policy=compact only, or it loses keys");
        }
    }

    private <T> T await(Future<T> future, String action) {
        try {
            return future.get(settings.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not " + action + " " + named, e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Could not " + action + " " + named + " within " + settings.kafkaTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting to " + action + " " + named, e);
        }
    }

    private String capitalized() {
        return Character.toUpperCase(named.charAt(0)) + named.substring(1);
    }
}
