package io.hermesconnect.common.jinja;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * One call of a filter, as its {@link FilterBound} sees it before the filter runs: the operand, the arguments
 * (positional, or named as in {@code indent(width=8)}) and the limits, with the measures the bounds predict
 * from. Sizes are measured without building anything; a measure larger than the limit fails the call at once.
 */
final class FilterCall {

    private final String filter;
    private final Object value;
    private final Object[] args;
    private final Map<String, Object> kwargs;
    private final RenderLimits limits;
    private long valueChars = -1;

    FilterCall(String filter, Object value, Object[] args, Map<String, Object> kwargs, RenderLimits limits) {
        this.filter = filter;
        this.value = NativeValues.unwrap(value);
        this.args = args;
        this.kwargs = kwargs;
        this.limits = limits;
    }

    Object value() {
        return value;
    }

    /** The operand's printed size ({@link PrintedSize}); fails when it is over the output limit. */
    long valueChars() {
        if (valueChars < 0) {
            valueChars = requireChars(PrintedSize.of(value, limits.maxOutputChars()));
        }
        return valueChars;
    }

    /** The operand's text length, or its printed size when it is not text. */
    long textLength() {
        return value instanceof CharSequence text ? text.length() : valueChars();
    }

    /**
     * The length of the operand's text once each character {@code c} becomes {@code cost(c)} characters, or
     * {@code maxCost} times its printed size when it is not text.
     */
    long grownLength(IntUnaryOperator cost, int maxCost) {
        if (!(value instanceof CharSequence text)) {
            return maxCost * valueChars();
        }
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            length += cost.applyAsInt(text.charAt(i));
        }
        return length;
    }

    /** How many times {@code c} occurs in the operand's text, or its printed size when it is not text. */
    long count(char c) {
        return grownLength(each -> each == c ? 1 : 0, 1);
    }

    /** The number of items of a list, set, map or array operand; 1 for anything else. */
    long items() {
        return items(value);
    }

    static long items(Object value) {
        if (value instanceof Collection<?> items) {
            return items.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return value != null && value.getClass().isArray() ? Array.getLength(value) : 1;
    }

    /** Argument {@code index}, else the named one, else null. */
    Object argument(int index, String name) {
        return OwnFilter.argument(args, kwargs, index, name);
    }

    /** A whole-number argument, or the fallback when absent or not a number (the filters fall back alike). */
    long number(int index, String name, long fallback) {
        return OwnFilter.wholeNumber(argument(index, name), fallback);
    }

    /** The printed size of a text argument, 0 when absent. */
    long argumentChars(int index, String name) {
        Object arg = argument(index, name);
        return arg == null ? 0 : requireChars(PrintedSize.of(NativeValues.unwrap(arg), limits.maxOutputChars()));
    }

    /** The printed size of all arguments together: filters turn them into text or hash them. */
    long allArgumentChars() {
        long chars = 0;
        for (Object arg : args) {
            chars += PrintedSize.of(NativeValues.unwrap(arg), limits.maxOutputChars());
        }
        for (Object arg : kwargs.values()) {
            chars += PrintedSize.of(NativeValues.unwrap(arg), limits.maxOutputChars());
        }
        return requireChars(chars);
    }

    /** {@code a + b} for sizes (not negative), at most Long.MAX_VALUE: arguments may be any number. */
    static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** {@code a × b} for sizes (not negative), at most Long.MAX_VALUE. */
    static long times(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }

    /** Fails unless text of this length is within the output limit; returns the length. */
    long requireChars(long chars) {
        if (!limits.allowsChars(chars)) {
            throw new TemplateProblem(filter + ": the result or an operand would be longer than the limit of "
                    + limits.maxOutputChars() + " characters");
        }
        return chars;
    }

    /** Fails unless a list or map of this many items is within the collection limit. */
    void requireItems(long items) {
        if (!limits.allowsItems(items)) {
            throw new TemplateProblem(filter + ": the result would have more items than the limit of "
                    + limits.maxCollectionSize());
        }
    }
}
