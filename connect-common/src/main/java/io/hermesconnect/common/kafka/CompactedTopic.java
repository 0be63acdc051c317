package io.hermesconnect.common.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The one partition of a compacted topic a connector owns (a state topic, a parked-event topic), created if missing
 * ({@link CompactedTopicSetup}); written by a producer that waits for every replica ({@code acks=all}, idempotent,
 * so records keep their order) and read by a consumer without group (nothing is committed to Kafka: the reader
 * records how far it read). One thread at a time uses it.
 */
public final class CompactedTopic implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    /** Takes the records a {@link #read} reads. */
    public interface Reader {

        /** Takes one record; throwing stops the read. */
        void apply(ConsumerRecord<byte[], byte[]> record);

        /** Every record before {@code nextOffset} was applied. */
        default void readUpTo(long nextOffset) {
        }
    }

    private final String named;
    private final String name;
    private final String id;
    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private SendTracker sent = new SendTracker();

    private CompactedTopic(CompactedTopicSettings settings, String id) {
        this.named = "the " + settings.description() + " '" + settings.topic() + "'";
        this.name = settings.topic();
        this.id = id;
        this.partition = new TopicPartition(name, 0);
        this.timeout = settings.kafkaTimeout();
        this.producer = new KafkaProducer<>(producerProperties(settings));
        try {
            this.consumer = new KafkaConsumer<>(consumerProperties(settings));
        } catch (KafkaException e) {
            producer.close();
            throw e;
        }
        consumer.assign(List.of(partition));
    }

    /**
     * Creates or checks the topic and connects to it.
     *
     * @throws ConnectException naming the topic when it is not as it must be or the broker does not answer
     */
    public static CompactedTopic open(CompactedTopicSettings settings) {
        return new CompactedTopic(settings, CompactedTopicSetup.ensure(settings));
    }

    private static Map<String, Object> producerProperties(CompactedTopicSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        // a writer may send many records at once: batch them (the user's Kafka settings may say otherwise)
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.putAll(settings.kafkaProperties());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-producer");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return properties;
    }

    private static Map<String, Object> consumerProperties(CompactedTopicSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        // a restore reads the whole topic: large fetches
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        properties.putAll(settings.kafkaProperties());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-restore");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    public String name() {
        return name;
    }

    /** The topic's id, which changes when the topic is deleted and created again. */
    public String id() {
        return id;
    }

    /** The offset of the topic's first record (0 unless records were deleted). */
    public long startOffset() {
        try {
            return consumer.beginningOffsets(List.of(partition), timeout).get(partition);
        } catch (KafkaException e) {
            throw new ConnectException("Could not read the first offset of " + named, e);
        }
    }

    /** The offset the next record written will get. */
    public long endOffset() {
        try {
            return consumer.endOffsets(List.of(partition), timeout).get(partition);
        } catch (KafkaException e) {
            throw new ConnectException("Could not read the end offset of " + named, e);
        }
    }

    /**
     * Hands the records from offset {@code from} to at least {@code end} to {@code reader}, telling it after each
     * batch how far it got; streams, so the topic is never whole on the heap.
     *
     * @return the number of records read
     * @throws ConnectException naming the topic when the reader refuses a record or reading makes no progress for
     *                          the Kafka timeout
     */
    public long read(long from, long end, Reader reader) {
        if (from >= end) {
            return 0;
        }
        try {
            consumer.seek(partition, from);
            long position = from;
            long records = 0;
            long lastProgress = System.nanoTime();
            while (position < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    apply(reader, record);
                    records++;
                }
                long next = consumer.position(partition, timeout);
                if (next > position) {
                    position = next;
                    lastProgress = System.nanoTime();
                    reader.readUpTo(position);
                } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                    throw new ConnectException("Reading " + named + " made no progress at offset " + position + " for "
                            + timeout + " (it ends at " + end + ")");
                }
            }
            return records;
        } catch (ConnectException e) {
            throw e; // ours, already naming the topic
        } catch (KafkaException e) {
            throw new ConnectException("Could not read " + named + " from offset " + from, e);
        }
    }

    /**
     * Reads the topic from its start to its end and returns the latest value of each key that has one (a tombstone
     * removes its key), in no particular order.
     *
     * @throws ConnectException naming the topic when reading makes no progress for the Kafka timeout
     */
    public Collection<byte[]> latestValues() {
        Map<ByteBuffer, byte[]> latest = new HashMap<>();
        read(startOffset(), endOffset(), record -> {
            if (record.value() == null) {
                latest.remove(ByteBuffer.wrap(record.key()));
            } else {
                latest.put(ByteBuffer.wrap(record.key()), record.value());
            }
        });
        return latest.values();
    }

    private void apply(Reader reader, ConsumerRecord<byte[], byte[]> record) {
        try {
            reader.apply(record);
        } catch (RuntimeException e) {
            throw new ConnectException("Could not read the record at offset " + record.offset() + " of " + named
                    + ": is another client writing to it?", e);
        }
    }

    /** Sends a record, a tombstone when {@code value} is null, without waiting; {@link #flush} waits. */
    public void send(byte[] key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(name, 0, key, value), sent);
        } catch (KafkaException e) {
            throw new ConnectException("Could not write to " + named, e);
        }
    }

    /**
     * Waits until every record sent since the last flush is acknowledged.
     *
     * @return the offsets they got
     * @throws ConnectException naming the topic when a record could not be written
     */
    public OffsetRange flush() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw new ConnectException("Could not write to " + named, e);
        }
        SendTracker flushed = sent;
        sent = new SendTracker();
        return flushed.range(named);
    }

    @Override
    public void close() {
        try {
            producer.close(timeout);
        } finally {
            consumer.close();
        }
    }

    /** The offsets of the records a flush waited for, first and last; when there were none, first is after last. */
    public record OffsetRange(long first, long last) {

        /** How many records. */
        public long count() {
            return first > last ? 0 : last - first + 1;
        }
    }

    /** Collects the producer's acknowledgements, which arrive on its I/O thread. */
    private static final class SendTracker implements Callback {

        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private Exception failure;

        @Override
        public synchronized void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                if (failure == null) {
                    failure = exception;
                }
                return;
            }
            first = Math.min(first, metadata.offset());
            last = Math.max(last, metadata.offset());
        }

        synchronized OffsetRange range(String named) {
            if (failure != null) {
                throw new ConnectException("Could not write to " + named, failure);
            }
            return new OffsetRange(first, last);
        }
    }
}
