package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * Base of our filters: typed positional and named arguments, the value unwrapped from Jinjava's
 * wrappers, and errors that name the filter but never the value.
 */
abstract class OwnFilter implements Filter {

    private final String name;

    OwnFilter(String name) {
        this.name = name;
    }

    /**
     * @param value  the filtered value, unwrapped (a date is a {@code java.util.Date}); may be null
     * @param args   positional arguments
     * @param kwargs named arguments
     */
    abstract Object apply(Object value, Object[] args, Map<String, Object> kwargs);

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        return apply(NativeValues.unwrap(var), args, kwargs);
    }

    @Override
    public final Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return apply(NativeValues.unwrap(var), args, Map.of());
    }

    /** An error naming this filter; {@code problem} must not quote the value or its arguments. */
    final TemplateProblem problem(String problem) {
        return new TemplateProblem(name + ": " + problem);
    }

    /** Positional argument {@code index}, or the named one, as a non-null string. */
    final String requiredString(Object[] args, Map<String, Object> kwargs, int index, String argName) {
        Object arg = argument(args, kwargs, index, argName);
        if (arg == null) {
            throw problem("argument '" + argName + "' is required");
        }
        return arg.toString();
    }

    /** Positional argument {@code index}, else the named one, else null. */
    static Object argument(Object[] args, Map<String, Object> kwargs, int index, String argName) {
        return index < args.length ? args[index] : kwargs.get(argName);
    }

    /** A whole-number argument, or the fallback when absent or not a number (Jinjava's filters fall back alike). */
    static long wholeNumber(Object arg, long fallback) {
        Object value = NativeValues.unwrap(arg);
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value == null ? fallback : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
