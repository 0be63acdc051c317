package io.hermesconnect.testkit.connect;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Writes records synchronously (each send waits for the broker's ack), e.g. input for sink connectors.
 * {@link #sendJson} writes Connect data as a source connector with {@link JsonConverter} and schemas would.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final JsonConverter keyConverter = new JsonConverter();
    private final JsonConverter valueConverter = new JsonConverter();

    public TopicWriter(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        keyConverter.configure(Map.of("schemas.enable", true), true);
        valueConverter.configure(Map.of("schemas.enable", true), false);
    }

    /** Sends UTF-8 strings; {@code key} or {@code value} may be null (a null value is a tombstone). */
    public RecordMetadata send(String topic, String key, String value) {
        return send(topic, utf8(key), utf8(value));
    }

    public RecordMetadata send(String topic, byte[] key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to " + topic, e);
        }
    }

    /** Sends Connect data as JSON with a schema envelope; {@code key} may be null. */
    public RecordMetadata sendJson(String topic, SchemaAndValue key, SchemaAndValue value) {
        byte[] keyBytes = key == null ? null : keyConverter.fromConnectData(topic, key.schema(), key.value());
        return send(topic, keyBytes, valueConverter.fromConnectData(topic, value.schema(), value.value()));
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
        keyConverter.close();
        valueConverter.close();
    }
}
