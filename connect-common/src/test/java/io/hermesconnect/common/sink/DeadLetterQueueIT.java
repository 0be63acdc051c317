package io.hermesconnect.common.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.connect.TopicWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink core in a real Connect worker with a dead-letter queue: an event parked longer than the maximum age, and
 * a record that is no readable change event, reach the dead-letter queue with their reason, while other objects flow.
 */
class DeadLetterQueueIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static ConnectCluster connect;

    @BeforeAll
    static void startWorker() {
        // the test connector has no service manifest; commits (and so put() calls without records) every second
        connect = ConnectCluster.builder().name("dead-letter").workerProp("plugin.discovery", "only_scan")
                .workerProp("offset.flush.interval.ms", "1000").start();
    }

    @AfterAll
    static void stopWorker() {
        connect.close();
    }

    @Test
    void anExpiredEventAndAnUnreadableRecordGoToTheDeadLetterQueueWithTheirReason() throws Exception {
        String topic = UniqueNames.of("users");
        String deadLetters = topic + "-dlq";
        String name = UniqueNames.of("dlq-sink");
        connect.createTopic(topic);
        DeadLetterSinkConnector.REFUSED.add("ann");
        ChangeRecords records = new ChangeRecords(new TopicPartition(topic, 0));
        try (TopicWriter writer = connect.writer()) {
            send(writer, topic, records.addUser("ann", "Ann"));
            send(writer, topic, records.addUser("bob", "Bob"));
            writer.sendJson(topic, new SchemaAndValue(Schema.STRING_SCHEMA, "plain key"),
                    new SchemaAndValue(Schema.STRING_SCHEMA, "plain value"));
        }

        Map<String, String> config = new HashMap<>();
        config.put("connector.class", DeadLetterSinkConnector.class.getName());
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", deadLetters);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put(SinkCoreConfig.ERRORS_QUEUE_MAX_AGE_MS, "2000");
        config.put(SinkCoreConfig.ERRORS_QUEUE_RETRY_INTERVAL_MS, "500");
        config.put(SinkCoreConfig.ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS, connect.bootstrapServers());
        config.put(SinkCoreConfig.ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR, "1");
        connect.rest().createConnector(name, config);
        connect.rest().awaitRunning(name, 1, TIMEOUT);

        try (TopicReader reader = connect.reader(deadLetters)) {
            List<ConsumerRecord<byte[], byte[]>> dead = reader.awaitCount(2, TIMEOUT);
            assertThat(dead).extracting(record -> header(record, "__connect.errors.exception.message")).containsExactly(
                    "Record on topic '" + topic + "' is neither a change event nor a Struct or map of fields (its value "
                            + "is a String)",
                    "parked longer than errors.queue.max.age.ms (2000 ms); last error: object class violation: "
                            + "attribute 'cn' not allowed");
            assertThat(dead).extracting(record -> header(record, "__connect.errors.offset")).containsExactly("2", "0");
        }
        SinkTaskMXBean status = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), ObjectName.getInstance(
                "io.hermesconnect:type=sink-task,connector=" + ObjectName.quote(name) + ",task=0"), SinkTaskMXBean.class);
        Wait.until("the expiry counted", TIMEOUT, () -> status.getExpiredEvents() == 1);
        assertThat(status.getParkedObjects()).isZero();
        assertThat(status.getUnreadableRecords()).isEqualTo(1);
        assertThat(status.getAppliedEvents()).containsEntry("add", 1L);
        connect.rest().deleteConnector(name);
    }

    private static void send(TopicWriter writer, String topic, SinkRecord record) {
        writer.sendJson(topic, new SchemaAndValue(record.keySchema(), record.key()),
                new SchemaAndValue(record.valueSchema(), record.value()));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
