package io.hermesconnect.source.diff.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One form per attribute value, so that the diff can compare values with {@code equals}:
 * <ul>
 *   <li>null, an empty list and an empty map are <b>absent</b> ({@link #normalize} returns null);
 *   <li>integers of every width are a {@code Long} (a {@code BigInteger} past the long range), a {@code Float} is the
 *       {@code Double} it widens to, a {@code BigDecimal} loses its trailing zeros ({@code 1.50} equals {@code 1.5});
 *   <li>bytes ({@code byte[]}, {@code ByteBuffer}) are a read-only copy that compares by content;
 *   <li>lists keep their order (it is significant) and their absent elements as null; maps lose their absent entries;
 *   <li>anything else (text, booleans, dates, UUIDs) is kept as it is.
 * </ul>
 * Types stay strict: {@code 1} and {@code "1"} differ, and so do {@code 1} and {@code 1.0}.
 */
public final class Values {

    private Values() {
    }

    /** The normal form of a value, or null when it is absent. */
    public static Object normalize(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof BigInteger number) {
            return number.bitLength() < Long.SIZE ? (Object) number.longValue() : number;
        }
        if (value instanceof BigDecimal number) {
            return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer();
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }
        if (value instanceof List<?> list) {
            return normalizeList(list);
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map);
        }
        return value;
    }

    /**
     * Whether a value is absent ({@link #normalize} gives null), without normalizing a present one: the fetch asks it of
     * every mapped value, and the object normalizes the present ones anyway.
     */
    public static boolean isAbsent(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty()
                || value instanceof Map<?, ?> && normalize(value) == null;
    }

    private static List<Object> normalizeList(List<?> list) {
        if (list.isEmpty()) {
            return null;
        }
        List<Object> normal = new ArrayList<>(list.size());
        for (Object element : list) {
            normal.add(normalize(element));
        }
        return Collections.unmodifiableList(normal);
    }

    private static Map<Object, Object> normalizeMap(Map<?, ?> map) {
        Map<Object, Object> normal = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Object normalValue = normalize(value);
            if (normalValue != null) {
                normal.put(normalize(key), normalValue);
            }
        });
        return normal.isEmpty() ? null : Collections.unmodifiableMap(normal);
    }
}
