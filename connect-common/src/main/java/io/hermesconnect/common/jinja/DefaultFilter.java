package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.util.ObjectTruthValue;
import java.util.Map;

/**
 * {@code value | default(fallback='', boolean=false)} (also {@code d}): the fallback when the value is
 * undefined or none, or, with {@code boolean=true}, when it is falsy. Unlike Jinjava's own, the fallback
 * is returned as is, so {@code {{ count | default(0) }}} renders the number 0, not the string "0".
 */
final class DefaultFilter extends OwnFilter {

    DefaultFilter(String name) {
        super(name);
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        Object fallback = args.length > 0 ? args[0] : kwargs.getOrDefault("default_value", "");
        boolean whenFalsy = ObjectTruthValue.evaluate(argument(args, kwargs, 1, "boolean"));
        boolean useFallback = value == null || (whenFalsy && !ObjectTruthValue.evaluate(value));
        return useFallback ? fallback : value;
    }
}
