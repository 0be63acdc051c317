package io.hermesconnect.sink.ldap.testing;

import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.SinkOperation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink events as the sink core reads them from change events, keyed by one {@code id} field. */
public final class Events {

    private static final Schema KEY = SchemaBuilder.struct().name("hr.Key").field("id", Schema.STRING_SCHEMA).build();

    private Events() {
    }

    public static SinkEvent add(String kind, Map<String, Object> after) {
        return event(kind, SinkOperation.ADD, null, after, Set.of());
    }

    public static SinkEvent modify(String kind, Map<String, Object> before, Map<String, Object> after) {
        return event(kind, SinkOperation.MODIFY, before, after, Set.of());
    }

    /** An update whose {@code unchanged} fields the source left out (unchanged-TOAST). */
    public static SinkEvent modifyWithUnchanged(String kind, Map<String, Object> after, Set<String> unchanged) {
        return event(kind, SinkOperation.MODIFY, null, after, unchanged);
    }

    public static SinkEvent remove(String kind, Map<String, Object> before) {
        return event(kind, SinkOperation.REMOVE, before, null, Set.of());
    }

    /** A tombstone: only the key. */
    public static SinkEvent tombstone(String kind, String id) {
        Struct key = new Struct(KEY).put("id", id);
        return new SinkEvent(new ObjectKey(kind, List.of(id)), SinkOperation.REMOVE, null, null, Set.of(), Map.of(), Set.of(),
                new SinkRecord("hr", 0, KEY, key, null, null, 0));
    }

    private static SinkEvent event(String kind, SinkOperation operation, Map<String, Object> before, Map<String, Object> after,
                                   Set<String> unchanged) {
        Map<String, Object> state = after != null ? after : before;
        String id = state.get("id").toString();
        Struct key = new Struct(KEY).put("id", id);
        return new SinkEvent(new ObjectKey(kind, List.of(id)), operation, before, after, unchanged, Map.of(), Set.of(),
                new SinkRecord("hr", 0, KEY, key, null, "value", 0));
    }

    /** {@code event} with foreign keys: fields to the kind of object they point to, as the sink core reads them. */
    public static SinkEvent withForeignKeys(SinkEvent event, Map<String, String> foreignKeys) {
        return new SinkEvent(event.object(), event.operation(), event.before(), event.after(), event.unchanged(), foreignKeys,
                event.secretFields(), event.record());
    }

    /** A map of fields in the order given: name, value, name, value… (values may be null). */
    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
