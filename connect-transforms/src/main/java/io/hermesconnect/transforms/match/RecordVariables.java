package io.hermesconnect.transforms.match;

import io.hermesconnect.common.event.ChangeEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.Header;

/**
 * The variables a condition sees for one record, each looked up on first use: a condition that only
 * reads {@code op} never touches {@code before} or {@code after}. Values are Connect's (Structs and all):
 * the engine shows them to templates as maps and lists.
 *
 * <p>For change events: {@code before}, {@code after}, {@code source} (or null), {@code op}
 * (its code), {@code table} (the data collection, as tables are matched). For every record:
 * {@code key}, {@code value}, {@code headers} (name to value, the last one for a repeated name) and
 * {@code topic}. The change event variables are null for other records.
 */
public final class RecordVariables {

    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String SOURCE = "source";
    public static final String OP = "op";
    public static final String TABLE = "table";
    public static final String KEY = "key";
    public static final String VALUE = "value";
    public static final String HEADERS = "headers";
    public static final String TOPIC = "topic";

    public static final List<String> NAMES = List.of(BEFORE, AFTER, SOURCE, OP, TABLE, KEY, VALUE, HEADERS, TOPIC);

    private final ConnectRecord<?> record;
    private final ChangeEvent event;
    private final Map<String, Object> resolved = new HashMap<>();

    /** @param event the record read as a change event, or null when it is not one */
    public RecordVariables(ConnectRecord<?> record, ChangeEvent event) {
        this.record = record;
        this.event = event;
    }

    public ConnectRecord<?> record() {
        return record;
    }

    /** A map holding at least the {@code names} (it may hold more); it stays owned by this object. */
    public Map<String, Object> resolve(Set<String> names) {
        for (String name : names) {
            if (!resolved.containsKey(name)) {
                resolved.put(name, compute(name));
            }
        }
        return resolved;
    }

    private Object compute(String name) {
        return switch (name) {
            case KEY -> record.key();
            case VALUE -> record.value();
            case HEADERS -> headers();
            case TOPIC -> record.topic();
            default -> event == null ? null : eventVariable(name);
        };
    }

    private Object eventVariable(String name) {
        return switch (name) {
            case BEFORE -> event.before();
            case AFTER -> event.after();
            case SOURCE -> event.source();
            case OP -> event.op().code();
            case TABLE -> event.dataCollection();
            default -> throw new IllegalArgumentException("no record variable '" + name + "'");
        };
    }

    private Map<String, Object> headers() {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
