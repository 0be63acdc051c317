package io.hermesconnect.bench.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The benchmark's single-partition topics: created up front with identical settings for every connector,
 * {@code message.timestamp.type=LogAppendTime} so each record carries the time the broker appended it, counted
 * by end offset and read back by offset.
 */
public final class Topics implements AutoCloseable {

    private static final long ADMIN_TIMEOUT_SECONDS = 60;
    private static final long POLL_MILLIS = 100;
    /**
     * How long a run may go without a new record before it counts as stuck; covers connector start-up and a
     * server decoding a huge transaction before it sends its first change.
     */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(300);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public Topics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /** One partition, replication factor 1, broker append time as record timestamp. */
    public void create(String topic) {
        NewTopic newTopic = new NewTopic(topic, 1, (short) 1)
                .configs(Map.of("message.timestamp.type", "LogAppendTime"));
        await("create topic " + topic, () -> admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Deletes the topic if it exists. */
    public void delete(String topic) {
        await("delete topic " + topic, () -> {
            try {
                admin.deleteTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** The number of records in the (single-partition) topic. */
    public long endOffset(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        return await("read the end offset of " + topic, () -> admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition).get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).offset());
    }

    /** The bytes the (single-partition) topic takes in the broker's log directories, all segments. */
    public long sizeBytes(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        return await("read the size of " + topic, () -> {
            long bytes = 0;
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(List.of(1)).allDescriptions()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).values()) {
                for (LogDirDescription dir : dirs.values()) {
                    var replica = dir.replicaInfos().get(partition);
                    bytes += replica == null ? 0 : replica.size();
                }
            }
            return bytes;
        });
    }

    /** The broker's append time of the record at {@code offset}, epoch milliseconds. */
    public long appendTime(String topic, long offset) {
        long[] time = {-1};
        read(topic, offset, offset + 1, r -> {
            if (r.timestampType() != TimestampType.LOG_APPEND_TIME) {
                throw new IllegalStateException(topic + " does not carry LogAppendTime timestamps: " + r.timestampType());
            }
            time[0] = r.timestamp();
        });
        return time[0];
    }

    /** Hands each record of offsets {@code [from, to)} to {@code action}, in order; fails if they do not all arrive. */
    public void read(String topic, long from, long to, Consumer<ConsumerRecord<byte[], byte[]>> action) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + (to - from) / 5000).toNanos();
        try {
            while (consumer.position(partition) < to) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read offsets " + from + ".." + (to - 1) + " of " + topic
                            + ": stuck at " + consumer.position(partition));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < to) {
                        action.accept(record);
                    }
                }
            }
        } finally {
            consumer.unsubscribe();
        }
    }

    /**
     * Waits until {@code topic} holds at least {@code count} records. Gives up after {@code timeout}, or as soon as
     * no new record arrived for {@link #STALL_TIMEOUT}. {@code check} runs between polls and ends the wait by
     * throwing (e.g. when the connector failed).
     */
    public void awaitCount(String topic, long count, Duration timeout, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastProgress = System.nanoTime();
        long last = -1;
        long seen;
        while ((seen = endOffset(topic)) < count) {
            check.run();
            long now = System.nanoTime();
            if (seen > last) {
                last = seen;
                lastProgress = now;
            }
            if (now - deadline > 0 || now - lastProgress > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException("gave up waiting for " + count + " records in " + topic + ": " + seen
                        + " arrived, " + (now - deadline > 0 ? "the deadline of " + timeout + " passed"
                        : "none for " + STALL_TIMEOUT.toSeconds() + " s"));
            }
            sleep(POLL_MILLIS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private interface AdminCall<T> {
        T call() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T await(String what, AdminCall<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not " + what, e);
        }
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        admin.close(Duration.ofSeconds(10));
    }
}
