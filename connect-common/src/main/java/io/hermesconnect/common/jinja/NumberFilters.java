package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * {@code int(default=0)}, {@code float(default=0.0)}, {@code abs} and {@code sum}, exact where Jinjava's are
 * not: Jinjava's {@code int} saturates ({@code 1e300 | int} is 9223372036854775807) and reads text with the JVM's locale ({@code '1,234'}),
 * its {@code float} is 32-bit ({@code '123456789' | float} is 1.23456792E8) and turns {@code '1e400'} into 0.
 *
 * <p>Both read numbers, {@code true}/{@code false} (1 and 0) and decimal text ({@code ' 3.7 '}, {@code '-1e3'}),
 * in no locale; {@code int} cuts the fraction off (towards zero). Text that is no number, none, and other values
 * give the default. A number outside the range of 64-bit integers ({@code int}) or 64-bit floats
 * ({@code float}) fails the render rather than giving a wrong value.
 */
final class NumberFilters {

    /** The whole numbers just outside the 64-bit range: anything between them cuts to a long. */
    private static final BigDecimal BELOW_LONG = BigDecimal.valueOf(Long.MIN_VALUE).subtract(BigDecimal.ONE);
    private static final BigDecimal ABOVE_LONG = BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE);
    /** Longer text is no number we read: it bounds the cost of parsing. */
    private static final int MAX_NUMBER_TEXT = 400;

    private NumberFilters() {
    }

    /** {@code int}: an Integer when it fits, else a Long, as Jinjava's. */
    static final class IntFilter extends OwnFilter implements ReplacesJinjavaFilter {

        IntFilter() {
            super("int");
        }

        @Override
        Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
            BigDecimal number = decimal(value, this);
            if (number == null) {
                return fallback(args, kwargs, 0);
            }
            // compared before cutting: cutting '1e-999999999' or '1e999999999' would build a huge number
            if (number.compareTo(BELOW_LONG) <= 0 || number.compareTo(ABOVE_LONG) >= 0) {
                throw problem("the number is outside the range of 64-bit integers");
            }
            long result = number.abs().compareTo(BigDecimal.ONE) < 0 ? 0 : number.setScale(0, RoundingMode.DOWN).longValueExact();
            return result == (int) result ? (Object) (int) result : (Object) result;
        }
    }

    /** {@code float}: a Double. */
    static final class FloatFilter extends OwnFilter implements ReplacesJinjavaFilter {

        FloatFilter() {
            super("float");
        }

        @Override
        Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
            BigDecimal number = decimal(value, this);
            if (number == null) {
                return fallback(args, kwargs, 0.0);
            }
            double result = number.doubleValue();
            if (Double.isInfinite(result)) {
                throw problem("the number is outside the range of 64-bit floats");
            }
            return result;
        }
    }

    /**
     * {@code abs}: the number without its sign, of the same type (Jinjava's wraps {@code Long.MIN_VALUE} back to
     * itself: ours fails, as it has no 64-bit absolute value); decimal text gives a decimal, none gives none.
     */
    static final class AbsFilter extends OwnFilter implements ReplacesJinjavaFilter {

        AbsFilter() {
            super("abs");
        }

        @Override
        Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
            if (value == null) {
                return null;
            }
            if (value instanceof Long number) {
                if (number == Long.MIN_VALUE) {
                    throw problem("the number is outside the range of 64-bit integers");
                }
                return Math.abs(number);
            }
            if (value instanceof Integer number) {
                return number == Integer.MIN_VALUE ? (Object) (-(long) number) : (Object) Math.abs(number);
            }
            if (value instanceof Short || value instanceof Byte) {
                return Math.abs(((Number) value).intValue());
            }
            if (value instanceof Double number) {
                return Math.abs(number);
            }
            if (value instanceof Float number) {
                return Math.abs(number);
            }
            if (value instanceof BigInteger number) {
                return number.abs();
            }
            BigDecimal number = decimal(value, this);
            if (number == null) {
                throw problem("expects a number");
            }
            return number.abs();
        }
    }

    /**
     * {@code sum(start=0, attribute=none)}: the exact sum of the items (of the named attribute of each, read as
     * {@code a.b} reads it), plus {@code start}, as a decimal. Jinjava's adds each number as a binary double
     * ({@code [0.1, 0.2] | sum} is 0.3000000000000000166…, 2^53 + 1 loses its 1) and takes text that is no number,
     * or a text operand, as 0; ours fails on an item that is no number, and skips none.
     */
    static final class SumFilter extends OwnFilter implements ReplacesJinjavaFilter {

        private static final Set<String> KEYWORDS = Set.of("start", "attribute");

        SumFilter() {
            super("sum");
        }

        @Override
        Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
            if (!KEYWORDS.containsAll(kwargs.keySet())) {
                throw problem("takes the keywords start and attribute only");
            }
            Object start = argument(args, kwargs, 0, "start");
            BigDecimal sum = start == null ? BigDecimal.ZERO : number(start);
            if (value instanceof CharSequence) {
                throw problem("expects a list of numbers");
            }
            Object attribute = kwargs.get("attribute");
            for (ForLoop items = ObjectIterator.getLoop(value); items.hasNext(); ) {
                Object item = items.next();
                Object addend = attribute == null ? item : StrictAccess.readAttribute(item, attribute.toString());
                if (addend != null) {
                    sum = sum.add(number(addend));
                }
            }
            return sum;
        }

        private BigDecimal number(Object addend) {
            BigDecimal number = addend instanceof Boolean ? null : decimal(NativeValues.unwrap(addend), this);
            if (number == null) {
                throw problem("the items must be numbers");
            }
            return number;
        }
    }

    /** The {@code default} argument, else {@code otherwise}. */
    private static Object fallback(Object[] args, Map<String, Object> kwargs, Object otherwise) {
        Object given = OwnFilter.argument(args, kwargs, 0, "default");
        return given == null ? otherwise : NativeValues.unwrap(given);
    }

    /**
     * The value as an exact decimal, or null when it is no number (nor a boolean, nor decimal text); an infinite
     * or not-a-number float fails, naming the filter.
     */
    private static BigDecimal decimal(Object value, OwnFilter filter) {
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof BigInteger number) {
            return new BigDecimal(number);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw filter.problem("the number is infinite or not a number");
            }
            return BigDecimal.valueOf(number);
        }
        if (value instanceof String text && !text.isBlank() && text.length() <= MAX_NUMBER_TEXT) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}
