package io.hermesconnect.sink.ldap.mapping;

import io.hermesconnect.common.jinja.Template;
import io.hermesconnect.common.sink.SinkEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * The variables a kind's templates see for one state of an object: the state's fields by name, over the record key's
 * fields (so that a tombstone, which carries only the key, still names its object), and {@code key}, {@code before},
 * {@code after} and {@code op} ({@code add}, {@code modify} or {@code remove}); these four win over fields of the
 * same names.
 *
 * <p>Fields the event left out because they did not change (unchanged-TOAST) are bound to a marker value, in the
 * state and in {@code after}, so that a template that reads one can be told apart and its attribute left as it is
 * ({@link #readsUnchanged}).
 */
public final class TemplateVariables {

    /** Two markers: a template whose output differs between them reads an unchanged field. */
    private static final String UNCHANGED_A = "\u0000hermes-unchanged-a\u0000";
    private static final String UNCHANGED_B = "\u0000hermes-unchanged-b\u0000";

    private final Map<String, Object> variables;
    private final Map<String, Object> otherMarker;

    private TemplateVariables(Map<String, Object> variables, Map<String, Object> otherMarker) {
        this.variables = variables;
        this.otherMarker = otherMarker;
    }

    /** The variables for the object as the event leaves it ({@code after}, with its unchanged fields marked). */
    public static TemplateVariables after(SinkEvent event) {
        return new TemplateVariables(build(event, event.after(), UNCHANGED_A),
                event.unchanged().isEmpty() ? null : build(event, event.after(), UNCHANGED_B));
    }

    /**
     * The variables for the object as it was: {@code before}, or for an event without it (a tombstone, a delete that
     * carries only key columns) the key's fields.
     */
    public static TemplateVariables before(SinkEvent event) {
        return new TemplateVariables(build(event, event.before(), null), null);
    }

    private static Map<String, Object> build(SinkEvent event, Map<String, Object> state, String unchangedMarker) {
        Map<String, Object> variables = new HashMap<>();
        Object key = event.record().key();
        if (key instanceof Struct struct) {
            for (Field field : struct.schema().fields()) {
                variables.put(field.name(), struct.get(field));
            }
        }
        Map<String, Object> after = event.after();
        if (state != null) {
            variables.putAll(state);
        }
        if (unchangedMarker != null && !event.unchanged().isEmpty()) {
            Map<String, Object> marked = new HashMap<>(after);
            event.unchanged().forEach(field -> marked.put(field, unchangedMarker));
            event.unchanged().forEach(field -> variables.put(field, unchangedMarker));
            after = marked;
        }
        variables.put("key", key);
        variables.put("before", event.before());
        variables.put("after", after);
        variables.put("op", event.operation().name().toLowerCase(Locale.ROOT));
        return variables;
    }

    /** The variables, for {@code Template.render}. */
    public Map<String, Object> asMap() {
        return variables;
    }

    /**
     * Whether a template reads a field the event left unchanged: it renders differently when the field's marker
     * changes. Renders the template a second time, only for events with unchanged fields.
     */
    public boolean readsUnchanged(Template template, Object rendered) {
        return otherMarker != null && !Objects.equals(rendered, template.render(otherMarker));
    }
}
