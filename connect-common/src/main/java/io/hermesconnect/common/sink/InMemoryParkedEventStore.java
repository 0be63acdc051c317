package io.hermesconnect.common.sink;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** A {@link ParkedEventStore} in memory: parked events survive a task restart in the same JVM only. */
public final class InMemoryParkedEventStore implements ParkedEventStore {

    private final Map<ObjectKey, List<ParkedEvent>> objects = new LinkedHashMap<>();

    @Override
    public synchronized Map<ObjectKey, List<ParkedEvent>> load(Collection<TopicPartition> partitions) {
        Map<ObjectKey, List<ParkedEvent>> loaded = new LinkedHashMap<>();
        objects.forEach((object, events) -> {
            if (partitions.contains(events.get(0).sourcePartition())) {
                loaded.put(object, events);
            }
        });
        return loaded;
    }

    @Override
    public synchronized void save(ObjectKey object, List<ParkedEvent> events) {
        if (events.isEmpty()) {
            objects.remove(object);
        } else {
            objects.put(object, List.copyOf(events));
        }
    }

    /** Nothing to wait for: a save is done when it returns. */
    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
