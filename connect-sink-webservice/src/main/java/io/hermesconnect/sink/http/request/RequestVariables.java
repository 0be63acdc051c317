package io.hermesconnect.sink.http.request;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.SinkOperation;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The variables of a request template, from one event:
 * <ul>
 *   <li>{@code key}: the record's key (a map of its fields for a Struct key);</li>
 *   <li>{@code before}, {@code after}: the object's states as maps, or none;</li>
 *   <li>{@code source}: the event's source block as a map, or none for a record without envelope;</li>
 *   <li>{@code op}: the event's operation code, {@code c}, {@code u}, {@code d} or {@code r};</li>
 *   <li>{@code changed}: the attributes of {@code after} whose value differs from {@code before} (all of
 *       {@code after} when there is no {@code before}, none on a removal): the body of a PATCH.</li>
 * </ul>
 * A batch template sees {@code events}: the list of these maps, one per event, in order.
 */
public final class RequestVariables {

    public static final String KEY = "key";
    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String SOURCE = "source";
    public static final String OP = "op";
    public static final String CHANGED = "changed";
    public static final String EVENTS = "events";

    /** The variables of a request template. */
    public static final Set<String> EVENT_NAMES = Set.of(KEY, BEFORE, AFTER, SOURCE, OP, CHANGED);
    /** The variables of a batch template. */
    public static final Set<String> BATCH_NAMES = Set.of(EVENTS);

    private RequestVariables() {
    }

    /** The variables of one event's request. */
    public static Map<String, Object> of(SinkEvent event) {
        Map<String, Object> variables = new HashMap<>();
        boolean envelope = ChangeEvent.isChangeEvent(event.record());
        variables.put(KEY, event.record().key() != null ? event.record().key() : event.object().values());
        variables.put(BEFORE, event.before());
        variables.put(AFTER, event.after());
        variables.put(SOURCE, envelope ? ChangeEvent.of(event.record()).source() : null);
        variables.put(OP, envelope ? ChangeEvent.of(event.record()).op().code() : opCode(event.operation()));
        variables.put(CHANGED, changed(event.before(), event.after()));
        return variables;
    }

    /** The variables of a batch's request. */
    public static Map<String, Object> ofBatch(List<SinkEvent> events) {
        return Map.of(EVENTS, events.stream().map(RequestVariables::of).toList());
    }

    /** The attributes of {@code after} whose value is not the one in {@code before}, in {@code after}'s order. */
    static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> after) {
        if (after == null) {
            return Map.of();
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        after.forEach((name, value) -> {
            if (before == null || !before.containsKey(name) || !Objects.equals(before.get(name), value)) {
                changed.put(name, value);
            }
        });
        return Collections.unmodifiableMap(changed);
    }

    private static String opCode(SinkOperation operation) {
        return switch (operation) {
            case ADD -> "c";
            case MODIFY -> "u";
            case REMOVE -> "d";
        };
    }
}
