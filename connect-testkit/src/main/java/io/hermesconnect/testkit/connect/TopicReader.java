package io.hermesconnect.testkit.connect;

import io.hermesconnect.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Reads one topic from its beginning and keeps every record seen, waiting with a deadline until enough
 * (or the right) records arrived. The topic may be created after the reader. Only committed records of
 * transactions are seen ({@code isolation.level=read_committed}), as an exactly-once consumer would.
 * Not thread-safe: one test thread uses it.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
    private final JsonConverter keyConverter = new JsonConverter();
    private final JsonConverter valueConverter = new JsonConverter();

    public TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        // no group: partitions are assigned directly, which avoids waiting for a group rebalance
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        jsonSchemas(true);
    }

    /** Whether keys and values are JSON with a {@code schema}/{@code payload} envelope (the default) or plain JSON. */
    public TopicReader jsonSchemas(boolean enabled) {
        keyConverter.configure(Map.of("schemas.enable", enabled), true);
        valueConverter.configure(Map.of("schemas.enable", enabled), false);
        return this;
    }

    /** Waits until at least {@code count} records were seen; returns all seen so far. */
    public List<ConsumerRecord<byte[], byte[]>> awaitCount(int count, Duration timeout) {
        return awaitUntil(count + " record(s)", records -> records.size() >= count, timeout);
    }

    /** Waits until the records seen so far satisfy {@code condition}; returns them. */
    public List<ConsumerRecord<byte[], byte[]>> awaitUntil(String what,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> condition, Duration timeout) {
        return Wait.until(what + " on topic " + topic, timeout, this::poll, condition);
    }

    /** Waits for a record matching {@code match} and returns the first one. */
    public ConsumerRecord<byte[], byte[]> awaitRecord(String what, Predicate<ConsumerRecord<byte[], byte[]>> match,
            Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records =
                awaitUntil(what, all -> all.stream().anyMatch(match), timeout);
        return records.stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits for {@code count} records and returns their values as Connect data, read by {@link JsonConverter}. */
    public List<SchemaAndValue> awaitValues(int count, Duration timeout) {
        return awaitCount(count, timeout).stream().map(this::value).toList();
    }

    /** Every record seen so far, in the order read (per partition: offset order). */
    public List<ConsumerRecord<byte[], byte[]>> records() {
        return List.copyOf(seen);
    }

    public SchemaAndValue key(ConsumerRecord<byte[], byte[]> record) {
        return keyConverter.toConnectData(record.topic(), record.key());
    }

    public SchemaAndValue value(ConsumerRecord<byte[], byte[]> record) {
        return valueConverter.toConnectData(record.topic(), record.value());
    }

    private List<ConsumerRecord<byte[], byte[]>> poll() {
        if (consumer.assignment().isEmpty()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, POLL_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return records();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        consumer.poll(POLL_TIMEOUT).forEach(seen::add);
        return records();
    }

    @Override
    public void close() {
        consumer.close();
        keyConverter.close();
        valueConverter.close();
    }
}
