package io.hermesconnect.common.sink;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink events built directly, for tests of the error queue and remediation. */
final class SinkEvents {

    /** The partition of every record these events come from. */
    static final TopicPartition PARTITION = new TopicPartition("events", 0);

    private static long offset;

    private SinkEvents() {
    }

    static ObjectKey user(String uid) {
        return new ObjectKey("users", List.of(uid));
    }

    static ObjectKey membership(String id) {
        return new ObjectKey("memberships", List.of(id));
    }

    static SinkEvent add(ObjectKey object, Object... after) {
        return event(object, SinkOperation.ADD, null, fields(after), Set.of());
    }

    static SinkEvent modify(ObjectKey object, Map<String, Object> before, Map<String, Object> after, Set<String> unchanged) {
        return event(object, SinkOperation.MODIFY, before, after, unchanged);
    }

    static SinkEvent remove(ObjectKey object, Object... before) {
        return event(object, SinkOperation.REMOVE, fields(before), null, Set.of());
    }

    /** A membership of a user in a group, whose {@code user} field is a foreign key to {@code users}. */
    static SinkEvent addMembership(String id, String uid) {
        return new SinkEvent(membership(id), SinkOperation.ADD, null, fields("user", uid), Set.of(), Map.of("user", "users"),
                Set.of(), record());
    }

    static SinkEvent event(ObjectKey object, SinkOperation operation, Map<String, Object> before, Map<String, Object> after,
            Set<String> unchanged) {
        return new SinkEvent(object, operation, before, after, unchanged, Map.of(), Set.of(), record());
    }

    /** A field map from name, value pairs; values may be null. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(fields);
    }

    private static synchronized SinkRecord record() {
        return new SinkRecord("events", 0, null, null, null, null, offset++);
    }
}
