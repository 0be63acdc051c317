package io.hermesconnect.common.sink;

import io.hermesconnect.common.kafka.CompactedTopic;
import io.hermesconnect.common.kafka.CompactedTopicSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;

/**
 * The parked events in a compacted topic the connector owns ({@code errors.queue.topic}, one partition), one record
 * per parked object and a tombstone when it has none left (DESIGN.md section 7), so that they survive the loss of a
 * worker and the source topics' retention. The tasks of a connector share the topic, each writing the objects of
 * its own partitions.
 *
 * <p>{@link #save} only remembers an object's latest events; {@link #flush}, which the task calls before Connect
 * commits offsets, writes each changed object once and waits until the broker acknowledged every write
 * ({@code acks=all}). {@link #load} reads the topic from its start to its end.
 */
public final class KafkaParkedEventStore implements ParkedEventStore {

    /** How long creating the topic, an acknowledgement or a read that makes no progress may take. */
    static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(1);

    private final CompactedTopic topic;
    private final ParkedEventCodec codec = new ParkedEventCodec();
    private final Map<ObjectKey, List<ParkedEvent>> unwritten = new LinkedHashMap<>();

    KafkaParkedEventStore(CompactedTopic topic) {
        this.topic = topic;
    }

    /**
     * Creates or checks the task's parked-event topic and connects to it.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException naming the topic when it cannot be set up
     */
    public static KafkaParkedEventStore open(SinkCoreConfig config) {
        String clientId = config.connectorLabel() + "-" + config.taskId() + "-parked";
        return new KafkaParkedEventStore(CompactedTopic.open(new CompactedTopicSettings("parked-event topic",
                config.parkedEventTopic(), config.parkedEventTopicReplicationFactor(), config.parkedEventKafkaSettings(),
                clientId, KAFKA_TIMEOUT)));
    }

    /**
     * Reads the topic to its end, after writing what this store has not written yet.
     *
     * @throws ConnectException naming the topic when it cannot be read or holds a record that is not a parked object
     */
    @Override
    public Map<ObjectKey, List<ParkedEvent>> load(Collection<TopicPartition> partitions) {
        flush();
        Map<ObjectKey, List<ParkedEvent>> loaded = new LinkedHashMap<>();
        for (byte[] value : topic.latestValues()) {
            try {
                if (partitions.contains(codec.owner(value))) {
                    List<ParkedEvent> events = codec.decode(value);
                    loaded.put(events.get(0).event().object(), events);
                }
            } catch (DataException e) {
                throw new ConnectException("The parked-event topic '" + topic.name() + "' holds a parked object that "
                        + "cannot be read: is another client writing to it?", e);
            }
        }
        return loaded;
    }

    @Override
    public void save(ObjectKey object, List<ParkedEvent> events) {
        unwritten.put(object, List.copyOf(events));
    }

    @Override
    public void flush() {
        unwritten.forEach((object, events) -> topic.send(codec.key(object), events.isEmpty() ? null : codec.value(events)));
        topic.flush();
        unwritten.clear();
    }

    @Override
    public void close() {
        topic.close();
    }
}
