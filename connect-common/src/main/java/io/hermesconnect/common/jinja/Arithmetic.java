package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.objects.date.PyishDate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

/**
 * The arithmetic operators {@code + - * / // % **} and unary {@code -}, with Python's semantics. One implementation
 * serves both paths: the {@link SandboxParser} puts these operators into Jinjava's parse trees, and
 * {@link DirectExpression} calls the same ones. Jinjava's own wrap around silently, saturate, and divide by zero into
 * Infinity.
 * <ul>
 *   <li>Integers (Integer, Long, BigInteger…) are exact: a result is a Long, or a BigInteger past the long range, and
 *       never wraps or saturates. Results of more than {@value #MAX_DIGITS} digits fail.
 *   <li>A float operand makes a Double (IEEE, as in Python: a product past the range is infinite). A decimal operand (BigDecimal: Connect's Decimal) makes a BigDecimal, exact
 *       except for {@code /}, which keeps 34 significant digits. A float used with a decimal is taken as written
 *       (1.1 is 1.1).
 *   <li>{@code /} is true division (two integers give a Double), {@code //} rounds the quotient down (floor),
 *       {@code %} gives the remainder with the divisor's sign: {@code -7 // 2 == -4}, {@code -7 % 2 == 1}. Dividing by
 *       zero fails, for floats too.
 *   <li>{@code +} also joins two strings, two lists or two maps; {@code *} repeats a string or a list an integer
 *       number of times. The size is checked against the {@link RenderLimits} before anything is built.
 *   <li>Any other operands fail: none, booleans, dates, and text mixed with numbers ({@code ~} joins any values as
 *       text).
 * </ul>
 * Errors are {@link TemplateProblem}s that name the operator and the operands' types, never their values.
 */
final class Arithmetic {

    /** Longest integer or decimal an operator may produce; past it, repeated multiplication would exhaust memory. */
    static final int MAX_DIGITS = 1000;

    private static final BigInteger INTEGER_LIMIT = BigInteger.TEN.pow(MAX_DIGITS);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Integers of up to 53 bits convert to a double exactly. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    final Operator add = new Operator("+", this::add);
    final Operator subtract = new Operator("-", (a, b) -> numeric("-", a, b));
    final Operator multiply = new Operator("*", this::multiply);
    final Operator divide = new Operator("/", (a, b) -> numeric("/", a, b));
    final Operator floorDivide = new Operator("//", (a, b) -> numeric("//", a, b));
    final Operator modulo = new Operator("%", (a, b) -> numeric("%", a, b));
    final Operator power = new Operator("**", Arithmetic::power);
    final Negation negation = new Negation();

    private final RenderLimits limits;

    Arithmetic(RenderLimits limits) {
        this.limits = limits;
    }

    /** Our operator in place of Jinjava's {@code + - * / %}, or null for any other operator. */
    Operator replacing(AstBinary.Operator jinjavas) {
        if (jinjavas == AdditionOperator.OP) {
            return add;
        }
        if (jinjavas == AstBinary.SUB) {
            return subtract;
        }
        if (jinjavas == AstBinary.MUL) {
            return multiply;
        }
        if (jinjavas == AstBinary.DIV) {
            return divide;
        }
        return jinjavas == AstBinary.MOD ? modulo : null;
    }

    /** A binary operator of ours, as a node operator of Jinjava's tree. */
    static final class Operator extends AstBinary.SimpleOperator {
        private final String symbol;
        private final BinaryOperator<Object> function;

        private Operator(String symbol, BinaryOperator<Object> function) {
            this.symbol = symbol;
            this.function = function;
        }

        /** The result for two evaluated operands; throws {@link TemplateProblem} when there is none. */
        Object apply(Object a, Object b) {
            return function.apply(a, b);
        }

        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            return apply(a, b);
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    /** Unary minus, as a node operator of Jinjava's tree. */
    static final class Negation extends AstUnary.SimpleOperator {
        private Negation() {
        }

        /** The negated operand; throws {@link TemplateProblem} when it is not a number. */
        Object apply(Object operand) {
            return negate(operand);
        }

        @Override
        protected Object apply(TypeConverter converter, Object operand) {
            return apply(operand);
        }

        @Override
        public String toString() {
            return "-";
        }
    }

    private Object add(Object a, Object b) {
        if (a instanceof String first && b instanceof String second) {
            requireOutput("+", (long) first.length() + second.length());
            return first + second;
        }
        if (a instanceof Collection<?> first && b instanceof Collection<?> second) {
            requireCollection("+", (long) first.size() + second.size());
            List<Object> joined = new ArrayList<>(first);
            joined.addAll(second);
            return joined;
        }
        if (a instanceof Map<?, ?> first && b instanceof Map<?, ?> second) {
            requireCollection("+", (long) first.size() + second.size());
            Map<Object, Object> merged = new LinkedHashMap<>(first);
            merged.putAll(second);
            return merged;
        }
        return numeric("+", a, b);
    }

    private Object multiply(Object a, Object b) {
        if (a instanceof String text && isInteger(b)) {
            return repeated(text, times(b));
        }
        if (isInteger(a) && b instanceof String text) {
            return repeated(text, times(a));
        }
        if (a instanceof Collection<?> list && isInteger(b)) {
            return repeated(list, times(b));
        }
        if (isInteger(a) && b instanceof Collection<?> list) {
            return repeated(list, times(a));
        }
        return numeric("*", a, b);
    }

    /** A repetition count: a non-positive one repeats nothing; one past the long range is too many anyway. */
    private static long times(Object count) {
        BigInteger n = bigInteger((Number) count);
        return n.signum() <= 0 ? 0 : n.min(LONG_MAX).longValueExact();
    }

    private String repeated(String text, long times) {
        requireOutput("*", product(text.length(), times));
        return text.repeat(Math.toIntExact(text.isEmpty() ? 0 : times));
    }

    private List<Object> repeated(Collection<?> list, long times) {
        long size = product(list.size(), times);
        requireCollection("*", size);
        List<Object> repeated = new ArrayList<>(Math.toIntExact(size));
        for (long i = 0; i < times && !list.isEmpty(); i++) {
            repeated.addAll(list);
        }
        return repeated;
    }

    /** {@code size * times}, or Long.MAX_VALUE when that overflows: it is past any limit then. */
    private static long product(long size, long times) {
        return size == 0 ? 0 : times > Long.MAX_VALUE / size ? Long.MAX_VALUE : size * times;
    }

    private void requireOutput(String operator, long length) {
        if (limits.maxOutputChars() > 0 && length > limits.maxOutputChars()) {
            throw new TemplateProblem("'" + operator + "' would build a string longer than the limit of "
                    + limits.maxOutputChars() + " characters");
        }
    }

    private void requireCollection(String operator, long size) {
        if (size > limits.maxCollectionSize()) {
            throw new TemplateProblem("'" + operator + "' would build a list or map larger than the limit of "
                    + limits.maxCollectionSize() + " items");
        }
    }

    /** An operator on two numbers, computed in the widest kind of the two: integer, float, decimal. */
    private static Object numeric(String operator, Object a, Object b) {
        Kind kind = Kind.of(operator, a, b);
        return switch (kind) {
            case INTEGER -> integer(operator, a, b);
            case FLOAT -> floating(operator, ((Number) a).doubleValue(), ((Number) b).doubleValue());
            case DECIMAL -> decimal(operator, decimal(a), decimal(b));
        };
    }

    private enum Kind {
        INTEGER, FLOAT, DECIMAL;

        static Kind of(String operator, Object a, Object b) {
            if (!isNumber(a) || !isNumber(b)) {
                throw unsupported(operator, a, b);
            }
            if (a instanceof BigDecimal || b instanceof BigDecimal) {
                return DECIMAL;
            }
            return isInteger(a) && isInteger(b) ? INTEGER : FLOAT;
        }
    }

    private static Object integer(String operator, Object a, Object b) {
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return bigInteger(operator, bigInteger((Number) a), bigInteger((Number) b));
        }
        long x = ((Number) a).longValue();
        long y = ((Number) b).longValue();
        try {
            return switch (operator) {
                case "+" -> Math.addExact(x, y);
                case "-" -> Math.subtractExact(x, y);
                case "*" -> Math.multiplyExact(x, y);
                case "/" -> Math.abs(x) <= EXACT_IN_DOUBLE && Math.abs(y) <= EXACT_IN_DOUBLE
                        ? floating("/", x, y) : bigInteger("/", BigInteger.valueOf(x), BigInteger.valueOf(y));
                // Math.floorDiv wraps this one quotient around
                case "//" -> x == Long.MIN_VALUE && y == -1 ? bigInteger(operator, BigInteger.valueOf(x), BigInteger.valueOf(y))
                        : Math.floorDiv(x, nonZero(y));
                default -> Math.floorMod(x, nonZero(y));
            };
        } catch (ArithmeticException overflow) {
            return bigInteger(operator, BigInteger.valueOf(x), BigInteger.valueOf(y));
        }
    }

    private static Object bigInteger(String operator, BigInteger x, BigInteger y) {
        if (operator.equals("/")) {
            double quotient = new BigDecimal(x).divide(new BigDecimal(nonZero(y)), MathContext.DECIMAL128).doubleValue();
            return finite(quotient);
        }
        BigInteger result = switch (operator) {
            case "+" -> x.add(y);
            case "-" -> x.subtract(y);
            case "*" -> x.multiply(y);
            case "//" -> floorQuotient(x, nonZero(y));
            default -> x.subtract(floorQuotient(x, nonZero(y)).multiply(y));
        };
        return integerResult(result);
    }

    private static BigInteger floorQuotient(BigInteger x, BigInteger y) {
        BigInteger[] quotientAndRemainder = x.divideAndRemainder(y);
        boolean roundsUp = quotientAndRemainder[1].signum() != 0 && quotientAndRemainder[1].signum() != y.signum();
        return roundsUp ? quotientAndRemainder[0].subtract(BigInteger.ONE) : quotientAndRemainder[0];
    }

    /** Python's float operators, division by zero included. */
    private static Double floating(String operator, double x, double y) {
        return switch (operator) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> x / nonZero(y);
            case "//" -> floorQuotient(x, nonZero(y));
            default -> floorRemainder(x, nonZero(y));
        };
    }

    /** Python's float remainder: Java's takes the dividend's sign, Python's the divisor's. */
    private static double floorRemainder(double x, double y) {
        double remainder = x % y;
        if (remainder != 0 && (remainder < 0) != (y < 0)) {
            return remainder + y;
        }
        return remainder == 0 ? Math.copySign(0.0, y) : remainder;
    }

    /** Python's float floor division: from the exact remainder, so that {@code 1 // 0.1} is 9.0 as there. */
    private static double floorQuotient(double x, double y) {
        double remainder = x % y;
        double quotient = (x - remainder) / y;
        if (remainder != 0 && (remainder < 0) != (y < 0)) {
            quotient -= 1;
        }
        if (quotient == 0) {
            return Math.copySign(0.0, x / y);
        }
        double floor = Math.floor(quotient);
        return quotient - floor > 0.5 ? floor + 1 : floor;
    }

    private static BigDecimal decimal(String operator, BigDecimal x, BigDecimal y) {
        BigDecimal result = switch (operator) {
            case "+" -> x.add(y);
            case "-" -> x.subtract(y);
            case "*" -> x.multiply(y);
            case "/" -> x.divide(nonZero(y), MathContext.DECIMAL128);
            case "//" -> x.divide(nonZero(y), 0, RoundingMode.FLOOR);
            default -> x.subtract(x.divide(nonZero(y), 0, RoundingMode.FLOOR).multiply(y));
        };
        return decimalResult(result);
    }

    private static Object power(Object a, Object b) {
        Kind kind = Kind.of("**", a, b);
        if (kind == Kind.INTEGER && bigInteger((Number) b).signum() >= 0) {
            return integerPower(bigInteger((Number) a), bigInteger((Number) b));
        }
        if (kind == Kind.DECIMAL) {
            if (!isInteger(b)) {
                throw new TemplateProblem("'**' raises a decimal to integer powers only");
            }
            return decimalPower(decimal(a), bigInteger((Number) b));
        }
        double base = ((Number) a).doubleValue();
        double exponent = ((Number) b).doubleValue();
        if (base == 0 && exponent < 0) {
            throw divisionByZero();
        }
        if (base < 0 && exponent != Math.rint(exponent) && Double.isFinite(exponent)) {
            throw new TemplateProblem("'**' cannot raise a negative number to a fractional power");
        }
        double result = Math.pow(base, exponent);
        return Double.isFinite(base) && Double.isFinite(exponent) ? finite(result) : result;
    }

    private static Object integerPower(BigInteger base, BigInteger exponent) {
        if (base.abs().compareTo(BigInteger.ONE) <= 0) {
            return integerResult(base.pow(parity(exponent)));
        }
        // past 1 the result has at least (bits - 1) * exponent bits: refuse before computing what cannot fit
        int maxBits = INTEGER_LIMIT.bitLength();
        if (exponent.compareTo(BigInteger.valueOf(maxBits)) > 0 || (long) (base.bitLength() - 1) * exponent.intValue() > maxBits) {
            throw tooLarge();
        }
        return integerResult(base.pow(exponent.intValue()));
    }

    private static BigDecimal decimalPower(BigDecimal base, BigInteger exponent) {
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw divisionByZero();
        }
        BigInteger magnitude = exponent.abs();
        BigDecimal raised;
        if (base.scale() == 0 && base.unscaledValue().abs().compareTo(BigInteger.ONE) <= 0) {
            raised = base.pow(parity(magnitude));
        } else {
            // the digits and the scale grow with the exponent: refuse before computing what cannot fit
            long growth = Math.max(base.precision() - 1, Math.abs((long) base.scale()));
            if (magnitude.compareTo(BigInteger.valueOf(MAX_DIGITS)) > 0 || growth * magnitude.intValue() > MAX_DIGITS) {
                throw tooLarge();
            }
            raised = base.pow(magnitude.intValue());
        }
        return decimalResult(exponent.signum() < 0 ? BigDecimal.ONE.divide(raised, MathContext.DECIMAL128) : raised);
    }

    /** An exponent that gives -1, 0 and 1 the same power as {@code exponent}: 0, or 1 when odd, or 2 when even. */
    private static int parity(BigInteger exponent) {
        return exponent.signum() == 0 ? 0 : exponent.testBit(0) ? 1 : 2;
    }

    private static Object negate(Object operand) {
        if (operand instanceof BigDecimal decimal) {
            return decimal.negate();
        }
        if (operand instanceof Double || operand instanceof Float) {
            return -((Number) operand).doubleValue();
        }
        if (!isInteger(operand)) {
            throw new TemplateProblem("unsupported operand type for negation: " + typeName(operand));
        }
        return integerResult(bigInteger((Number) operand).negate());
    }

    private static Object integerResult(BigInteger result) {
        if (result.compareTo(LONG_MIN) >= 0 && result.compareTo(LONG_MAX) <= 0) {
            return result.longValue();
        }
        if (result.abs().compareTo(INTEGER_LIMIT) >= 0) {
            throw tooLarge();
        }
        return result;
    }

    private static BigDecimal decimalResult(BigDecimal result) {
        if (result.precision() > MAX_DIGITS || Math.abs(result.scale()) > MAX_DIGITS) {
            throw tooLarge();
        }
        return result;
    }

    private static Double finite(double result) {
        if (!Double.isFinite(result)) {
            throw new TemplateProblem("the result is too large for a float");
        }
        return result;
    }

    private static boolean isNumber(Object value) {
        return isInteger(value) || value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof Short
                || value instanceof Byte;
    }

    private static BigInteger bigInteger(Number integer) {
        return integer instanceof BigInteger big ? big : BigInteger.valueOf(integer.longValue());
    }

    private static BigDecimal decimal(Object number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (isInteger(number)) {
            return BigDecimal.valueOf(((Number) number).longValue());
        }
        double floating = ((Number) number).doubleValue();
        if (!Double.isFinite(floating)) {
            throw new TemplateProblem("a decimal cannot be combined with an infinite or NaN float");
        }
        return BigDecimal.valueOf(floating);
    }

    private static long nonZero(long divisor) {
        if (divisor == 0) {
            throw divisionByZero();
        }
        return divisor;
    }

    private static double nonZero(double divisor) {
        if (divisor == 0) {
            throw divisionByZero();
        }
        return divisor;
    }

    private static BigInteger nonZero(BigInteger divisor) {
        if (divisor.signum() == 0) {
            throw divisionByZero();
        }
        return divisor;
    }

    private static BigDecimal nonZero(BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw divisionByZero();
        }
        return divisor;
    }

    private static TemplateProblem divisionByZero() {
        return new TemplateProblem("division by zero");
    }

    private static TemplateProblem tooLarge() {
        return new TemplateProblem("the result has more than " + MAX_DIGITS + " digits");
    }

    private static TemplateProblem unsupported(String operator, Object a, Object b) {
        return new TemplateProblem("unsupported operand types for " + name(operator) + ": " + typeName(a) + " and " + typeName(b)
                + (operator.equals("+") ? " (use ~ to join values as text)" : ""));
    }

    /** The operator in words: Jinjava formats some messages with String.format, where a '%' would break them. */
    private static String name(String operator) {
        return switch (operator) {
            case "+" -> "addition";
            case "-" -> "subtraction";
            case "*" -> "multiplication";
            case "/" -> "division";
            case "//" -> "floor division";
            case "%" -> "modulo";
            default -> "power";
        };
    }

    /** A value's type as templates know it; never the value. */
    private static String typeName(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (isInteger(value)) {
            return "integer";
        }
        if (value instanceof BigDecimal) {
            return "decimal";
        }
        if (isNumber(value)) {
            return "float";
        }
        if (value instanceof Collection<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "map";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        return value instanceof Date || value instanceof PyishDate || value instanceof TemporalAccessor ? "date" : "value";
    }
}
