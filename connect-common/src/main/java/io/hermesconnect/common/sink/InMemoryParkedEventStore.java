package io.hermesconnect.common.sink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link ParkedEventStore} in memory: parked events survive a task restart in the same JVM only. */
public final class InMemoryParkedEventStore implements ParkedEventStore {

    private final Map<ObjectKey, List<ParkedEvent>> objects = new LinkedHashMap<>();

    @Override
    public synchronized Map<ObjectKey, List<ParkedEvent>> load() {
        return new LinkedHashMap<>(objects);
    }

    @Override
    public synchronized void save(ObjectKey object, List<ParkedEvent> events) {
        if (events.isEmpty()) {
            objects.remove(object);
        } else {
            objects.put(object, List.copyOf(events));
        }
    }
}
