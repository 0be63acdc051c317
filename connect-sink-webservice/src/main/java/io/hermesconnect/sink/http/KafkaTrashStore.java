package io.hermesconnect.sink.http;

import io.hermesconnect.common.kafka.CompactedTopic;
import io.hermesconnect.common.kafka.CompactedTopicSettings;
import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.ParkedEvent;
import io.hermesconnect.common.sink.ParkedEventCodec;
import io.hermesconnect.common.sink.SinkCoreConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;

/**
 * What the target trashed, in a compacted topic the connector owns ({@code trashbin.topic}, one partition): one record
 * per object in the trash, a tombstone once it left it. The record has the form of the parked-event topic's
 * ({@link ParkedEventCodec}): the key names the object, the value holds one event, the removal that trashed it, with
 * the time it was trashed as its {@code parked_at_ms}. The tasks of a connector share the topic, each writing the
 * objects of its own partitions.
 */
public final class KafkaTrashStore implements TrashStore {

    /** How long creating the topic, an acknowledgement or a read that makes no progress may take. */
    private static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(1);
    private static final String REASON = "in the trash";

    private final CompactedTopic topic;
    private final ParkedEventCodec codec = new ParkedEventCodec();
    private final Map<ObjectKey, Entry> unwritten = new LinkedHashMap<>();

    private KafkaTrashStore(CompactedTopic topic) {
        this.topic = topic;
    }

    /**
     * Creates or checks the trash topic and connects to it, through the parked-event store's Kafka settings.
     *
     * @throws ConnectException naming the topic when it cannot be set up
     */
    public static KafkaTrashStore open(SinkCoreConfig core, String topicName) {
        String clientId = core.connectorLabel() + "-" + core.taskId() + "-trash";
        return new KafkaTrashStore(CompactedTopic.open(new CompactedTopicSettings("trash topic", topicName,
                core.parkedEventTopicReplicationFactor(), core.parkedEventKafkaSettings(), clientId, KAFKA_TIMEOUT)));
    }

    /**
     * Reads the topic to its end, after writing what this store has not written yet.
     *
     * @throws ConnectException naming the topic when it cannot be read or holds a record that is not a trashed object
     */
    @Override
    public Map<ObjectKey, Entry> load(Collection<TopicPartition> partitions) {
        flush();
        Map<ObjectKey, Entry> loaded = new LinkedHashMap<>();
        for (byte[] value : topic.latestValues()) {
            try {
                if (partitions.contains(codec.owner(value))) {
                    ParkedEvent removal = codec.decode(value).get(0);
                    loaded.put(removal.event().object(), new Entry(Instant.ofEpochMilli(removal.parkedAtMs()), removal.event()));
                }
            } catch (DataException e) {
                throw new ConnectException("The trash topic '" + topic.name() + "' holds an object that cannot be read: is "
                        + "another client writing to it?", e);
            }
        }
        return loaded;
    }

    @Override
    public void save(ObjectKey object, Entry entry) {
        unwritten.put(object, entry);
    }

    @Override
    public void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        unwritten.forEach((object, entry) -> topic.send(codec.key(object), entry == null ? null
                : codec.value(List.of(new ParkedEvent(entry.event(), entry.trashedAt().toEpochMilli(), REASON, 0)))));
        topic.flush();
        unwritten.clear();
    }

    @Override
    public void close() {
        topic.close();
    }
}
