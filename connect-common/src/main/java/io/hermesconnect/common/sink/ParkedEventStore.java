package io.hermesconnect.common.sink;

import java.util.List;
import java.util.Map;

/**
 * Where the error queue keeps its parked events, so that they outlive the task. The queue works on its own
 * copy and writes every change of an object's parked events through {@link #save}; a task that starts reads
 * them back with {@link #load}. Keyed by object, so a compacted Kafka topic (one record per object, a tombstone
 * when it has none left) implements it.
 */
public interface ParkedEventStore {

    /** Every object with parked events and its events in order, the object parked first first. */
    Map<ObjectKey, List<ParkedEvent>> load();

    /** Replaces an object's parked events; an empty list means it has none left. */
    void save(ObjectKey object, List<ParkedEvent> events);
}
