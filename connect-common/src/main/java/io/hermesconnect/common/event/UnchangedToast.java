package io.hermesconnect.common.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.connect.data.Schema;

/**
 * What a column holds when PostgreSQL did not send its value: an UPDATE that left a large, out-of-line
 * (TOASTed) value untouched, where the table does not have REPLICA IDENTITY FULL (with FULL the value is
 * taken from the old row instead). A sink must then leave that attribute of the target as it is. The WAL source
 * writes the placeholder; sinks recognise it with {@link #isPlaceholder}.
 *
 * <ul>
 *   <li>string columns (text family, json, xml, enums, intervals, anything mapped to a string): {@link #PLACEHOLDER};</li>
 *   <li>{@code bytea}: the UTF-8 bytes of {@link #PLACEHOLDER} ({@link #placeholderBytes()});</li>
 *   <li>arrays of string elements: a one-element list holding {@link #PLACEHOLDER};</li>
 *   <li>every other type (numeric, other arrays…): null, since no value of the type can mark it.</li>
 * </ul>
 */
public final class UnchangedToast {

    /** Chosen so it cannot be mistaken for real data; sinks compare with {@code equals}. */
    public static final String PLACEHOLDER = "__hermes_unchanged_toast_value";

    /** Debezium's default for the same case ({@code unavailable.value.placeholder}). */
    public static final String DEBEZIUM_PLACEHOLDER = "__debezium_unavailable_value";

    private static final byte[] PLACEHOLDER_BYTES = PLACEHOLDER.getBytes(StandardCharsets.UTF_8);
    private static final byte[] DEBEZIUM_PLACEHOLDER_BYTES = DEBEZIUM_PLACEHOLDER.getBytes(StandardCharsets.UTF_8);

    private UnchangedToast() {
    }

    /** A fresh copy for each row, so that no consumer can alter another row's value. */
    public static byte[] placeholderBytes() {
        return PLACEHOLDER_BYTES.clone();
    }

    /**
     * Whether a field value is an unchanged-TOAST placeholder, in any of its forms: ours, or Debezium's default
     * {@link #DEBEZIUM_PLACEHOLDER}, so that sinks read Debezium's events the same way. A null is not one: it may
     * be a real null.
     */
    public static boolean isPlaceholder(Object value) {
        return isPlaceholder(value, PLACEHOLDER, PLACEHOLDER_BYTES)
                || isPlaceholder(value, DEBEZIUM_PLACEHOLDER, DEBEZIUM_PLACEHOLDER_BYTES);
    }

    private static boolean isPlaceholder(Object value, String placeholder, byte[] bytes) {
        return placeholder.equals(value)
                || value instanceof byte[] array && Arrays.equals(array, bytes)
                || value instanceof List<?> list && list.size() == 1 && placeholder.equals(list.get(0));
    }

    /** The placeholder for a column of this schema, or null where its type cannot hold one. */
    public static Object valueFor(Schema schema) {
        return switch (schema.type()) {
            case STRING -> PLACEHOLDER;
            case BYTES -> schema.name() == null ? placeholderBytes() : null;
            case ARRAY -> schema.valueSchema().type() == Schema.Type.STRING ? List.of(PLACEHOLDER) : null;
            default -> null;
        };
    }
}
