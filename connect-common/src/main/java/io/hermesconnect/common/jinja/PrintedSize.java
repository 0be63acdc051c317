package io.hermesconnect.common.jinja;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * About how many characters a value takes when turned into text, counted without building the text: strings,
 * numbers and the separators of lists and maps, walked to the bottom. Shared references are counted each time
 * they occur, as printing would repeat them, so a list holding the same list several times on several levels
 * counts its exponential printed size; the walk stops as soon as the count passes the budget, so it costs at
 * most about the budget in steps whatever the value.
 */
final class PrintedSize {

    /** A guess for values of other types (dates, booleans…): enough for their usual text. */
    private static final int OTHER_VALUE = 32;

    private PrintedSize() {
    }

    /** The value's printed size, or {@code budget + 1} when it is larger than the budget. */
    static long of(Object value, long budget) {
        if (!(value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[])) {
            return Math.min(shallowSize(nonNull(value)), budget + 1); // a scalar: no walk
        }
        long size = 0;
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(value);
        while (!pending.isEmpty() && size <= budget) {
            Object next = pending.pop();
            size += shallowSize(next);
            if (next instanceof Map<?, ?> map) {
                map.forEach((key, item) -> {
                    pending.push(nonNull(key));
                    pending.push(nonNull(item));
                });
            } else if (next instanceof Collection<?> items) {
                items.forEach(item -> pending.push(nonNull(item)));
            } else if (next instanceof Object[] items) {
                for (Object item : items) {
                    pending.push(nonNull(item));
                }
            }
        }
        return Math.min(size, budget + 1);
    }

    /** The value's own characters: a container's brackets and one separator per item, a scalar's text. */
    private static long shallowSize(Object value) {
        if (value instanceof CharSequence text) {
            return text.length() + 2L; // quotes when inside a list
        }
        if (value instanceof Map<?, ?> map) {
            return 2L + 4L * map.size();
        }
        if (value instanceof Collection<?> items) {
            return 2L + 2L * items.size();
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            return 2L + (value instanceof Object[] ? 2L : 2L + OTHER_VALUE) * length;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return digits(((Number) value).longValue());
        }
        if (value instanceof BigInteger number) {
            return number.bitLength() / 3 + 2L;
        }
        if (value instanceof BigDecimal number) {
            return number.precision() + Math.abs((long) number.scale()) + 3L;
        }
        return OTHER_VALUE;
    }

    private static int digits(long number) {
        int digits = number < 0 ? 2 : 1;
        for (long rest = number / 10; rest != 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static Object nonNull(Object value) {
        return value == null ? "None" : value;
    }
}
