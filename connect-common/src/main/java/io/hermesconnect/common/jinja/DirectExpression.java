package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import jinjava.de.odysseus.el.misc.BooleanOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;

/**
 * An expression evaluated straight in Java, without Jinjava's resolver chain, for the shapes conditions and
 * mappings use most; {@link DirectCompiler} builds it from Jinjava's own parse tree, and says which shapes.
 *
 * <p>Jinjava stays the reference. Operators call the same JUEL operations with the same type converter, or the very
 * operator objects of Jinjava's tree ({@link Arithmetic}, membership); tests and filters are Jinjava's own objects,
 * values are read as Jinjava's resolver reads them. Whenever a value or an outcome is outside what this covers (an
 * undefined name, a missing key, a date, an error, a list or map near the size limit), evaluation answers
 * {@link #UNHANDLED} and the template renders through Jinjava, which evaluates again and reports as it always does.
 * No evaluation here has side effects, so evaluating twice is safe.
 */
sealed interface DirectExpression {

    /** The answer when Jinjava must evaluate instead. */
    Object UNHANDLED = new Object() {
        @Override
        public String toString() {
            return "UNHANDLED";
        }
    };

    /** The converter Jinjava's expressions use for coercions (truthiness included); stateless. */
    TypeConverter CONVERTER = new TruthyTypeConverter();

    /** The value, or {@link #UNHANDLED}; may throw, which the caller treats as {@link #UNHANDLED}. */
    Object eval(Map<String, ?> variables);

    /** Strings, numbers, booleans and characters: what Jinjava's resolver hands on unchanged. */
    static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character;
    }

    /** The value if it is a scalar, else {@link #UNHANDLED} (which is not one). */
    static Object scalarOrUnhandled(Object value) {
        return isScalar(value) ? value : UNHANDLED;
    }

    /** The value of an operand that must be a scalar, else {@link #UNHANDLED}. */
    private static Object scalar(DirectExpression operand, Map<String, ?> variables) {
        return scalarOrUnhandled(operand.eval(variables));
    }

    /** A literal: a string, number, boolean or none. */
    record Constant(Object value) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            return value;
        }
    }

    /**
     * A variable, converted as {@link RenderInterpreter} converts it. Jinjava wraps a list or map in a size-limited
     * view, which fails past the limit and warns from 90% of it: such lists and maps are left to Jinjava.
     *
     * @param tolerant whether an undefined variable is none, as in the operand of {@code default} ({@link UndefinedTolerant})
     */
    record Variable(String name, int maxSize, boolean tolerant) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object value = variables.get(name);
            if (value == null && !variables.containsKey(name)) {
                return tolerant ? null : UNHANDLED;
            }
            return readable(TemplateValues.fromConnect(value), maxSize);
        }
    }

    /**
     * {@code base.name} or {@code base['name']} on a map that holds the key; when tolerant, also a missing key or an
     * attribute of none, which are none then.
     */
    record Attribute(DirectExpression base, String name, int maxSize, boolean tolerant) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object parent = base.eval(variables);
            if (parent == null && tolerant) {
                return null;
            }
            if (!(parent instanceof Map<?, ?> map)) {
                return UNHANDLED; // none, a scalar, a list, or already unhandled: Jinjava decides
            }
            Object value = map.get(name);
            if (value == null && !map.containsKey(name)) {
                return tolerant ? null : UNHANDLED;
            }
            return readable(value, maxSize);
        }
    }

    /** Scalars, lists and maps well within the size limit, and sets, which Jinjava reads as they are. */
    private static Object readable(Object value, int maxSize) {
        if (isScalar(value) || value instanceof Set<?>) {
            return value;
        }
        boolean small = value instanceof Map<?, ?> map ? map.size() * 10L < maxSize * 9L
                : value instanceof List<?> list && list.size() * 10L < maxSize * 9L;
        return small ? value : UNHANDLED;
    }

    /** An operator on two scalars, both evaluated first. */
    sealed interface OnTwoScalars extends DirectExpression {
        DirectExpression left();

        DirectExpression right();

        Object apply(Object a, Object b);

        @Override
        default Object eval(Map<String, ?> variables) {
            Object a = scalar(left(), variables);
            if (a == UNHANDLED) {
                return UNHANDLED;
            }
            Object b = scalar(right(), variables);
            return b == UNHANDLED ? UNHANDLED : apply(a, b);
        }
    }

    /** {@code ==, !=, <, <=, >, >=}, as JUEL's operators compute them. */
    record Comparison(Comparator comparator, DirectExpression left, DirectExpression right) implements OnTwoScalars {
        @Override
        public Object apply(Object a, Object b) {
            return comparator.compare(a, b);
        }
    }

    enum Comparator {
        EQ, NE, LT, LE, GT, GE;

        boolean compare(Object a, Object b) {
            return switch (this) {
                case EQ -> BooleanOperations.eq(CONVERTER, a, b);
                case NE -> BooleanOperations.ne(CONVERTER, a, b);
                case LT -> BooleanOperations.lt(CONVERTER, a, b);
                case LE -> BooleanOperations.le(CONVERTER, a, b);
                case GT -> BooleanOperations.gt(CONVERTER, a, b);
                case GE -> BooleanOperations.ge(CONVERTER, a, b);
            };
        }
    }

    /** {@code and}: JUEL's, a boolean, the right side evaluated only when the left is true. */
    record And(DirectExpression left, DirectExpression right) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object a = scalar(left, variables);
            if (a == UNHANDLED) {
                return UNHANDLED;
            }
            if (!CONVERTER.convert(a, Boolean.class)) {
                return Boolean.FALSE;
            }
            Object b = scalar(right, variables);
            return b == UNHANDLED ? UNHANDLED : CONVERTER.convert(b, Boolean.class);
        }
    }

    /** {@code or}: Jinjava's, the left value when it is truthy, else the right value. */
    record Or(DirectExpression left, DirectExpression right) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object a = scalar(left, variables);
            if (a == UNHANDLED) {
                return UNHANDLED;
            }
            return CONVERTER.convert(a, Boolean.class) ? a : scalar(right, variables);
        }
    }

    /** {@code not}: the negated truthiness. */
    record Not(DirectExpression operand) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object value = scalar(operand, variables);
            return value == UNHANDLED ? UNHANDLED : !CONVERTER.convert(value, Boolean.class);
        }
    }

    /** {@code yes if condition else no} (an absent else is none). */
    record Choice(DirectExpression condition, DirectExpression yes, DirectExpression no) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object value = scalar(condition, variables);
            if (value == UNHANDLED) {
                return UNHANDLED;
            }
            return scalar(CONVERTER.convert(value, Boolean.class) ? yes : no, variables);
        }
    }

    /** {@code a ~ b}: both as strings, joined; a result past the output limit is Jinjava's to report. */
    record Concat(DirectExpression left, DirectExpression right, long maxOutputChars) implements OnTwoScalars {
        @Override
        public Object apply(Object a, Object b) {
            String joined = CONVERTER.convert(a, String.class) + CONVERTER.convert(b, String.class);
            return maxOutputChars > 0 && joined.length() > maxOutputChars ? UNHANDLED : joined;
        }
    }

    /** {@code + - * / // % **}: the operator of Jinjava's tree; lists and maps are operands too ({@code +}, {@code *}). */
    record Calculation(Arithmetic.Operator operator, DirectExpression left, DirectExpression right) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            return applied(operator::apply, left.eval(variables), right, variables);
        }
    }

    /** Unary minus: the operator of Jinjava's tree. */
    record Negative(Arithmetic.Negation negation, DirectExpression operand) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object value = scalar(operand, variables);
            return value == UNHANDLED ? UNHANDLED : negation.apply(value);
        }
    }

    /** A list literal whose elements are evaluated per render; an element Jinjava must evaluate hands over. */
    record ListOf(List<DirectExpression> elements) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            List<Object> values = new ArrayList<>(elements.size());
            for (DirectExpression element : elements) {
                Object value = element.eval(variables);
                if (value == UNHANDLED) {
                    return UNHANDLED;
                }
                values.add(value);
            }
            return values;
        }
    }

    /**
     * {@code value in container} and {@code not in}: Jinjava's operator, which converts the value to the type of the
     * container's first element and asks the container (a list, set, map's keys) or the string. A set answers with
     * its own look-up. The value must be a scalar: Jinjava would convert a list or map it wrapped otherwise.
     */
    record Membership(BinaryOperator<Object> operator, DirectExpression value, DirectExpression container)
            implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            return applied(operator, scalar(value, variables), container, variables);
        }
    }

    /** {@code operator(a, b)} with b the right operand's value, or {@link #UNHANDLED} when a or b is. */
    private static Object applied(BinaryOperator<Object> operator, Object a, DirectExpression right, Map<String, ?> variables) {
        if (a == UNHANDLED) {
            return UNHANDLED;
        }
        Object b = right.eval(variables);
        return b == UNHANDLED ? UNHANDLED : operator.apply(a, b);
    }

    /** {@code operand is test} or {@code is not test}, for tests that only look at the value's type. */
    record Test(ExpTest test, boolean negated, DirectExpression operand) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object value = operand.eval(variables);
            if (value == UNHANDLED) {
                return UNHANDLED;
            }
            return negated ? test.evaluateNegated(value, null) : test.evaluate(value, null);
        }
    }

    /**
     * {@code operand | filter} without arguments, for filters that never read the interpreter. It calls the
     * filter's plain method, as Jinjava's generic one ends up doing for a value that is not a SafeString
     * (scalars never are) and no arguments; {@link DirectCompiler} only admits filters that do not override
     * the generic one.
     */
    record FilterCall(Filter filter, DirectExpression operand) implements DirectExpression {
        private static final String[] NO_ARGS = new String[0];

        @Override
        public Object eval(Map<String, ?> variables) {
            Object value = scalar(operand, variables);
            return value == UNHANDLED ? UNHANDLED : scalarOrUnhandled(filter.filter(value, null, NO_ARGS));
        }
    }

    /**
     * {@code operand | default(arguments…)} (or {@code d}): our {@link DefaultFilter}, called as Jinjava calls it, with
     * positional arguments all evaluated first. The operand is compiled tolerant, as Jinjava evaluates it.
     */
    record DefaultCall(Filter filter, DirectExpression operand, List<DirectExpression> arguments) implements DirectExpression {
        @Override
        public Object eval(Map<String, ?> variables) {
            Object value = operand.eval(variables);
            if (value == UNHANDLED) {
                return UNHANDLED;
            }
            Object[] args = new Object[arguments.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = arguments.get(i).eval(variables);
                if (args[i] == UNHANDLED) {
                    return UNHANDLED;
                }
            }
            return filter.filter(value, null, args, Map.of());
        }
    }
}
