package io.hermesconnect.common.sink;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the error queue keeps its parked events, so that they outlive the task. The queue works on its own
 * copy and writes every change of an object's parked events through {@link #save}; a task that is assigned topic
 * partitions reads their parked objects back with {@link #load}. Keyed by object, so a compacted Kafka topic (one
 * record per object, a tombstone when it has none left) implements it.
 */
public interface ParkedEventStore extends AutoCloseable {

    /**
     * Every object whose first parked event came from one of {@code partitions} ({@link ParkedEvent#sourcePartition}),
     * with its events in order.
     */
    Map<ObjectKey, List<ParkedEvent>> load(Collection<TopicPartition> partitions);

    /** Replaces an object's parked events; an empty list means it has none left. */
    void save(ObjectKey object, List<ParkedEvent> events);

    /**
     * Returns once every {@link #save} so far is durable: the task calls it before Connect commits the offsets of
     * the records that carried the saved events.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException when a save could not be made durable
     */
    void flush();

    /** Releases the store's connections. */
    @Override
    void close();
}
