package io.hermesconnect.common.sink;

import java.util.List;
import java.util.Objects;

/**
 * Identifies one target object: its kind (the table or type that feeds it, as {@code schema.table} or the type
 * name) and the values of its primary key, in key order. Events of one object are applied in order; the error
 * queue parks by this key. {@link #toString} names the kind only, since key values may be personal data.
 *
 * @param kind the table or type name
 * @param values the primary-key values, never empty
 */
public record ObjectKey(String kind, List<Object> values) {

    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An object key needs at least one value (kind " + kind + ")");
        }
        values = List.copyOf(values);
    }

    @Override
    public String toString() {
        return "an object of kind '" + kind + "'";
    }
}
