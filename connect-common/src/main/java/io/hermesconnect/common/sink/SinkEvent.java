package io.hermesconnect.common.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One change event as a sink applies it: which object, what to do, and the object's states as field maps
 * ({@link SinkEventReader} builds it from our envelope, Debezium's, or a tombstone).
 *
 * <p>{@code after} holds every field the source sent; fields the source did not send because they did not
 * change (the WAL source's unchanged-TOAST placeholder) are absent from it and listed in {@code unchanged}: the
 * target leaves those attributes as they are. {@code toString} names no field value: they may be secrets.
 *
 * @param object the object the event is about
 * @param operation what to do with it
 * @param before the object before the change, or null where the event does not carry it
 * @param after the object after the change, or null for a removal
 * @param unchanged fields of {@code after} the target must leave as they are
 * @param foreignKeys foreign-key fields to the kind of object they point to (the {@code <type>} of
 *     {@code hermes.foreign.key.<field>=<type>.<field>})
 * @param secretFields fields marked {@code hermes.secret}: never log or store their values
 * @param record the record that carried the event, for the dead-letter queue
 */
public record SinkEvent(ObjectKey object, SinkOperation operation, Map<String, Object> before, Map<String, Object> after,
        Set<String> unchanged, Map<String, String> foreignKeys, Set<String> secretFields, ConnectRecord<?> record) {

    public SinkEvent {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(record, "record");
        unchanged = Set.copyOf(unchanged);
        foreignKeys = Map.copyOf(foreignKeys);
        secretFields = Set.copyOf(secretFields);
    }

    /**
     * The objects this event's foreign keys point to: for each foreign-key field with a value in the object's
     * state ({@code after}, else {@code before}), the object of the field's parent kind whose key is that value.
     */
    public List<ObjectKey> parents() {
        Map<String, Object> state = after != null ? after : before;
        List<ObjectKey> parents = new ArrayList<>();
        if (state != null) {
            foreignKeys.forEach((field, parentKind) -> {
                Object value = state.get(field);
                if (value != null) {
                    parents.add(new ObjectKey(parentKind, List.of(value)));
                }
            });
        }
        return parents;
    }

    /** This event with another operation and states, as remediation merges two events into one. */
    SinkEvent merged(SinkOperation operation, Map<String, Object> before, Map<String, Object> after, Set<String> unchanged) {
        return new SinkEvent(object, operation, before, after, unchanged, foreignKeys, secretFields, record);
    }

    @Override
    public String toString() {
        String from = record instanceof SinkRecord sink
                ? " from " + sink.topic() + "-" + sink.kafkaPartition() + "@" + sink.kafkaOffset()
                : " from " + record.topic();
        return operation + " of " + object + from;
    }
}
