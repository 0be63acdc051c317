package io.hermesconnect.transforms.mapping;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The declared Connect type of a computed attribute ({@code attrs.<name>.type}): {@code string},
 * {@code boolean}, {@code int8} … {@code int64}, {@code float32}, {@code float64}, or {@code array<T>}
 * of any of these. It fixes the output schema without rendering anything, and {@link #fit} checks each
 * rendered value against it: lossless conversions only (an int into {@code int64}, a number into a
 * {@code string} as its text), never a guess (no parsing of strings, no rounding of floats).
 */
final class AttributeType {

    static final String DEFAULT = "string";
    static final String DESCRIPTION = "string, boolean, int8, int16, int32, int64, float32, float64, or array<T> of one of these";

    private final String name;
    private final Schema.Type type;
    private final AttributeType element;

    private AttributeType(String name, Schema.Type type, AttributeType element) {
        this.name = name;
        this.type = type;
        this.element = element;
    }

    /** @throws IllegalArgumentException when {@code spec} is not one of the {@link #DESCRIPTION types} */
    static AttributeType parse(String spec) {
        String name = spec.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("array<") && name.endsWith(">")) {
            AttributeType element = parse(name.substring("array<".length(), name.length() - 1));
            return new AttributeType(name, Schema.Type.ARRAY, element);
        }
        Schema.Type type = switch (name) {
            case "string" -> Schema.Type.STRING;
            case "boolean" -> Schema.Type.BOOLEAN;
            case "int8" -> Schema.Type.INT8;
            case "int16" -> Schema.Type.INT16;
            case "int32" -> Schema.Type.INT32;
            case "int64" -> Schema.Type.INT64;
            case "float32" -> Schema.Type.FLOAT32;
            case "float64" -> Schema.Type.FLOAT64;
            default -> throw new IllegalArgumentException("unknown type '" + spec + "', expected " + DESCRIPTION);
        };
        return new AttributeType(name, type, null);
    }

    /** An optional schema of this type (a template may give null); array elements are optional too. */
    SchemaBuilder schema() {
        SchemaBuilder builder = type == Schema.Type.ARRAY ? SchemaBuilder.array(element.schema().build()) : SchemaBuilder.type(type);
        return builder.optional();
    }

    /**
     * The rendered {@code value} as a value of this type.
     *
     * @throws IllegalArgumentException when it does not fit; the message names types, never the value
     */
    Object fit(Object value) {
        if (value == null) {
            return null;
        }
        Object fitted = switch (type) {
            case STRING -> value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Character ? value.toString() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case INT8 -> integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE) ? ((Number) value).byteValue() : null;
            case INT16 -> integral(value, Short.MIN_VALUE, Short.MAX_VALUE) ? ((Number) value).shortValue() : null;
            case INT32 -> integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE) ? ((Number) value).intValue() : null;
            case INT64 -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE) ? ((Number) value).longValue() : null;
            case FLOAT32 -> value instanceof Number n ? n.floatValue() : null;
            case FLOAT64 -> value instanceof Number n ? n.doubleValue() : null;
            case ARRAY -> value instanceof Collection<?> items ? fitElements(items) : null;
            default -> throw new IllegalStateException("no attribute type " + type);
        };
        if (fitted == null) {
            throw new IllegalArgumentException("a value of type " + value.getClass().getSimpleName()
                    + ", which does not fit the declared type " + name);
        }
        return fitted;
    }

    private List<Object> fitElements(Collection<?> items) {
        List<Object> fitted = new ArrayList<>(items.size());
        for (Object item : items) {
            fitted.add(element.fit(item));
        }
        return fitted;
    }

    private static boolean integral(Object value, long min, long max) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            return v >= min && v <= max;
        }
        return value instanceof BigInteger big && big.bitLength() < 64 && big.longValue() >= min && big.longValue() <= max;
    }

    @Override
    public String toString() {
        return name;
    }
}
