package io.hermesconnect.source.diff.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns an attribute value in its normal form ({@code model/Values}: every integer a Long, every float a Double,
 * decimals without trailing zeros) back into the Java value its Connect schema wants in a Struct: an {@code INT32}
 * field gets an Integer, a {@code Decimal} the column's scale.
 *
 * <p>{@link #convert} is also the check a mapped value passes before it enters a poll (a template result of the wrong
 * kind fails the poll there, naming the attribute), so that building an event never fails halfway through a poll.
 */
public final class ConnectValues {

    private ConnectValues() {
    }

    /**
     * The value as {@code schema} holds it.
     *
     * @throws DataException when the value does not fit the schema (a text where a number is declared, a number out of
     *                       the field's range, a decimal that would lose digits); the message names the kinds, never
     *                       the value
     */
    public static Object convert(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return decimal(schema, value);
        }
        return switch (schema.type()) {
            case INT8 -> (byte) integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE, schema);
            case INT16 -> (short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE, schema);
            case INT32 -> schema.name() != null && value instanceof java.util.Date ? value
                    : (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, schema);
            case INT64 -> schema.name() != null && value instanceof java.util.Date ? value
                    : integer(value, Long.MIN_VALUE, Long.MAX_VALUE, schema);
            case FLOAT32 -> (float) floating(value, schema);
            case FLOAT64 -> floating(value, schema);
            case BOOLEAN -> expect(Boolean.class, value, schema);
            case STRING -> expect(String.class, value, schema);
            case BYTES -> bytes(value, schema);
            case ARRAY -> array(schema, value);
            case MAP -> map(schema, value);
            case STRUCT -> throw mismatch(value, schema);
        };
    }

    private static long integer(Object value, long min, long max, Schema schema) {
        if (value instanceof Long number && number >= min && number <= max) {
            return number;
        }
        if (value instanceof Number) {
            throw new DataException("A number out of the range of " + describe(schema) + ", or not an integer");
        }
        throw mismatch(value, schema);
    }

    private static double floating(Object value, Schema schema) {
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof Long number) {
            return number.doubleValue();
        }
        throw mismatch(value, schema);
    }

    private static BigDecimal decimal(Schema schema, Object value) {
        BigDecimal number;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof Long integer) {
            number = BigDecimal.valueOf(integer);
        } else if (value instanceof BigInteger integer) {
            number = new BigDecimal(integer);
        } else {
            throw mismatch(value, schema);
        }
        int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
        try {
            return number.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new DataException("A decimal with more fraction digits than the " + scale + " of " + describe(schema));
        }
    }

    private static ByteBuffer bytes(Object value, Schema schema) {
        if (value instanceof ByteBuffer buffer) {
            // the diff keeps bytes as read-only buffers (Values), whose array() converters such as JSON's cannot call
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return ByteBuffer.wrap(copy);
        }
        if (value instanceof byte[] array) {
            return ByteBuffer.wrap(array);
        }
        throw mismatch(value, schema);
    }

    private static List<Object> array(Schema schema, Object value) {
        if (!(value instanceof List<?> list)) {
            throw mismatch(value, schema);
        }
        List<Object> converted = new ArrayList<>(list.size());
        for (Object element : list) {
            converted.add(convert(schema.valueSchema(), element));
        }
        return converted;
    }

    private static Map<Object, Object> map(Schema schema, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw mismatch(value, schema);
        }
        Map<Object, Object> converted = new LinkedHashMap<>();
        map.forEach((k, v) -> converted.put(convert(schema.keySchema(), k), convert(schema.valueSchema(), v)));
        return converted;
    }

    private static <T> T expect(Class<T> kind, Object value, Schema schema) {
        if (kind.isInstance(value)) {
            return kind.cast(value);
        }
        throw mismatch(value, schema);
    }

    private static DataException mismatch(Object value, Schema schema) {
        return new DataException("A value of kind " + value.getClass().getSimpleName() + " where " + describe(schema)
                + " is declared");
    }

    private static String describe(Schema schema) {
        return schema.name() != null ? schema.name() : schema.type().getName();
    }
}
