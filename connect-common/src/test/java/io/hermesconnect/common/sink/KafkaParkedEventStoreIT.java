package io.hermesconnect.common.sink;

import static io.hermesconnect.common.sink.ChangeRecords.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parked-event store against a real broker: the topic it owns, what a flush makes durable, what a load reads back. */
class KafkaParkedEventStoreIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TopicPartition USERS_0 = new TopicPartition("app", 0);
    private static final TopicPartition USERS_1 = new TopicPartition("app", 1);

    private static ConnectCluster connect;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        connect = ConnectCluster.shared();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connect.bootstrapServers()));
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void theTopicIsCreatedCompactedWithOnePartitionAndNamedAfterTheConnector() throws Exception {
        String connector = UniqueNames.of("users sink");
        String topic = connector.replace(' ', '_') + ".parked";
        try (KafkaParkedEventStore store = KafkaParkedEventStore.open(config(connector, null))) {
            assertThat(store.load(List.of(USERS_0))).isEmpty();
        }

        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        assertThat(description.partitions()).hasSize(1);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void aTopicThatWouldLoseParkedEventsIsRefusedByName() throws Exception {
        String topic = UniqueNames.of("parked-partitioned");
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();

        assertThatThrownBy(() -> KafkaParkedEventStore.open(config("users-sink", topic))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("parked-event topic '" + topic + "' has 3 partitions");
    }

    @Test
    void flushedObjectsReadBackPerPartitionAndAnObjectWithNoEventsLeftIsATombstone() {
        String topic = UniqueNames.of("parked");
        ChangeRecords partition0 = new ChangeRecords(USERS_0);
        ChangeRecords partition1 = new ChangeRecords(USERS_1);
        ParkedEvent ann = parked(partition0.addUser("ann", "Ann"));
        ParkedEvent annModified = parked(partition0.modifyUser("ann", "Ann", "Anna"));
        ParkedEvent bob = parked(partition1.addUser("bob", "Bob"));
        ParkedEvent carl = parked(partition0.addUser("carl", "Carl"));

        try (KafkaParkedEventStore store = KafkaParkedEventStore.open(config("users-sink", topic))) {
            store.save(user("ann"), List.of(ann));
            store.save(user("ann"), List.of(ann, annModified));
            store.save(user("bob"), List.of(bob));
            store.save(user("carl"), List.of(carl));
            store.flush();
            try (TopicReader reader = connect.reader(topic)) {
                assertThat(reader.awaitCount(3, TIMEOUT)).as("one record per object, written at the flush").hasSize(3);
            }
            store.save(user("carl"), List.of());
            store.flush();
        }

        try (KafkaParkedEventStore store = KafkaParkedEventStore.open(config("users-sink", topic))) {
            Map<ObjectKey, List<ParkedEvent>> loaded = store.load(List.of(USERS_0));
            assertThat(loaded).containsOnlyKeys(user("ann"));
            assertThat(loaded.get(user("ann"))).extracting(ParkedEvent::position)
                    .containsExactly(ann.position(), annModified.position());
            assertThat(loaded.get(user("ann")).get(1).event().after()).containsEntry("cn", "Anna");
            assertThat(store.load(List.of(USERS_1))).containsOnlyKeys(user("bob"));
        }
        try (TopicReader reader = connect.reader(topic)) {
            List<ConsumerRecord<byte[], byte[]>> written = reader.awaitCount(4, TIMEOUT);
            assertThat(written.get(3).value()).as("carl's tombstone").isNull();
        }
    }

    private static ParkedEvent parked(org.apache.kafka.connect.sink.SinkRecord record) {
        return new ParkedEvent(SinkEventReader.read(record).orElseThrow(), 1000L, "object class violation", 0);
    }

    private static SinkCoreConfig config(String connector, String topic) {
        Map<String, String> props = new HashMap<>(Map.of(SinkCoreConfig.CONNECTOR_NAME, connector,
                SinkCoreConfig.ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS, connect.bootstrapServers(),
                SinkCoreConfig.ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR, "1"));
        if (topic != null) {
            props.put(SinkCoreConfig.ERRORS_QUEUE_TOPIC, topic);
        }
        return new SinkCoreConfig(props);
    }
}
