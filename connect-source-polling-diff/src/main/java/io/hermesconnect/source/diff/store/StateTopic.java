package io.hermesconnect.source.diff.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
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
 * The state topic's one partition, written by a producer that waits for every replica ({@code acks=all},
 * idempotent, so records keep their order) and read by a consumer without group (nothing is committed to Kafka:
 * the local copy records how far it read).
 */
final class StateTopic implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final String name;
    private final String id;
    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;

    private StateTopic(StateStoreSettings settings, String id) {
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

    /** Creates or checks the topic ({@link StateTopicSetup}) and connects to it. */
    static StateTopic open(StateStoreSettings settings) {
        return new StateTopic(settings, StateTopicSetup.ensure(settings));
    }

    private static Map<String, Object> producerProperties(StateStoreSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        // a poll may write many records: batch them (the user's state.kafka.* may say otherwise)
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

    private static Map<String, Object> consumerProperties(StateStoreSettings settings) {
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

    String name() {
        return name;
    }

    /** The topic's id, which changes when the topic is deleted and created again. */
    String id() {
        return id;
    }

    /** The offset of the topic's first record (0 unless records were deleted). */
    long startOffset() {
        try {
            return consumer.beginningOffsets(List.of(partition), timeout).get(partition);
        } catch (KafkaException e) {
            throw new ConnectException("Could not read the first offset of the state topic '" + name + "'", e);
        }
    }

    /** The offset the next record written will get. */
    long endOffset() {
        try {
            return consumer.endOffsets(List.of(partition), timeout).get(partition);
        } catch (KafkaException e) {
            throw new ConnectException("Could not read the end offset of the state topic '" + name + "'", e);
        }
    }

    /**
     * Applies the records from offset {@code from} to at least {@code end} to {@code copy}, telling it after each
     * batch how far it got; streams, so the topic is never whole on the heap.
     *
     * @return the number of records applied
     * @throws ConnectException naming the topic when a record is not a state record or reading makes no progress
     *                          for the Kafka timeout
     */
    long readInto(LocalCopy copy, long from, long end) {
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
                    apply(copy, record);
                    records++;
                }
                long next = consumer.position(partition, timeout);
                if (next > position) {
                    position = next;
                    lastProgress = System.nanoTime();
                    copy.appliedUpTo(position);
                } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                    throw new ConnectException("Reading the state topic '" + name + "' made no progress at offset "
                            + position + " for " + timeout + " (it ends at " + end + ")");
                }
            }
            return records;
        } catch (ConnectException e) {
            throw e; // ours, already naming the topic
        } catch (KafkaException e) {
            throw new ConnectException("Could not read the state topic '" + name + "' from offset " + from, e);
        }
    }

    private void apply(LocalCopy copy, ConsumerRecord<byte[], byte[]> record) {
        try {
            copy.apply(new SerializedRecord(record.key(), record.value()));
        } catch (RuntimeException e) {
            throw new ConnectException("Could not apply the record at offset " + record.offset() + " of the state topic '"
                    + name + "': is another client writing to it?", e);
        }
    }

    /**
     * Writes {@code records} in order and waits until every one is acknowledged.
     *
     * @return the offsets the records got
     * @throws ConnectException naming the topic when a record could not be written
     */
    OffsetRange writeAll(Iterator<SerializedRecord> records) {
        SendTracker tracker = new SendTracker();
        try {
            while (records.hasNext()) {
                SerializedRecord record = records.next();
                producer.send(new ProducerRecord<>(name, 0, record.key(), record.value()), tracker);
            }
            producer.flush();
        } catch (KafkaException e) {
            throw new ConnectException("Could not write the poll's state to the state topic '" + name + "'", e);
        }
        return tracker.range(name);
    }

    @Override
    public void close() {
        try {
            producer.close(timeout);
        } finally {
            consumer.close();
        }
    }

    /** The offsets the written records got, first and last. */
    record OffsetRange(long first, long last) {

        long count() {
            return last - first + 1;
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

        synchronized OffsetRange range(String topic) {
            if (failure != null) {
                throw new ConnectException("Could not write the poll's state to the state topic '" + topic + "'", failure);
            }
            return new OffsetRange(first, last);
        }
    }
}
