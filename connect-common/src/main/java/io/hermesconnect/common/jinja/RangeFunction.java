package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code range(stop)}, {@code range(start, stop)}, {@code range(start, stop, step)}: the whole numbers from
 * {@code start} (0 unless given) up to, not including, {@code stop}, {@code step} apart (1 unless given; a
 * negative step counts down), as Python's. Exact up to the collection limit ({@link RenderLimits}, a million
 * by default); a longer range fails the render, where Jinjava's would silently stop at 1000 numbers.
 * Arguments are whole numbers or text holding one.
 */
final class RangeFunction {

    static final ELFunctionDefinition DEFINITION =
            new ELFunctionDefinition("", "range", RangeFunction.class, "range", Object.class, Object[].class);

    /** How many numbers are made between two checks of the render's deadline. */
    private static final int DEADLINE_STRIDE = 1 << 16;

    private RangeFunction() {
    }

    /** Called by Jinjava's expression resolver, with the render's interpreter current. */
    public static List<Long> range(Object first, Object... rest) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        RenderInterpreter.checkDeadline(interpreter);
        if (rest.length > 2) {
            throw new TemplateProblem("range: takes at most three arguments (start, stop, step)");
        }
        long start = rest.length == 0 ? 0 : whole(first);
        long stop = rest.length == 0 ? whole(first) : whole(rest[0]);
        long step = rest.length == 2 ? whole(rest[1]) : 1;
        if (step == 0) {
            throw new TemplateProblem("range: the step must not be zero");
        }
        long size = size(start, stop, step);
        int limit = interpreter.getConfig().getMaxListSize();
        if (limit > 0 && size > limit) {
            throw new TemplateProblem("range: the range has more numbers than the limit of " + limit);
        }
        if (interpreter instanceof RenderInterpreter render) {
            render.addBuilt(0, size);
        }
        List<Long> numbers = new ArrayList<>((int) size);
        long number = start;
        for (int i = 0; i < size; i++, number += step) {
            if (i % DEADLINE_STRIDE == DEADLINE_STRIDE - 1) {
                RenderInterpreter.checkDeadline(interpreter);
            }
            numbers.add(number);
        }
        return numbers;
    }

    /** How many numbers the range has, saturated at Long.MAX_VALUE (the span may not fit in a long). */
    private static long size(long start, long stop, long step) {
        BigInteger span = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start));
        if (span.signum() != Long.signum(step)) {
            return 0;
        }
        BigInteger stride = BigInteger.valueOf(step).abs();
        BigInteger size = span.abs().add(stride).subtract(BigInteger.ONE).divide(stride);
        return size.bitLength() < Long.SIZE ? size.longValue() : Long.MAX_VALUE;
    }

    private static long whole(Object arg) {
        Object value = NativeValues.unwrap(arg);
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof String text) {
                return Long.parseLong(text.trim());
            }
        } catch (NumberFormatException notWhole) {
            // reported below, as for other values
        }
        throw new TemplateProblem("range: the arguments must be whole numbers");
    }
}
