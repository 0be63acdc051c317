package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Collection;
import java.util.Map;

/**
 * {@code length} (also {@code count}): the number of characters of a text, counted as Unicode code points
 * ({@code '😀' | length} is 1, where Jinjava counts 2 UTF-16 units), or of items of a list, set, map or array;
 * 0 for anything else. Takes no arguments, so the direct path may call it.
 */
final class LengthFilter implements Filter, ReplacesJinjavaFilter {

    private final String name;

    LengthFilter(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        Object value = NativeValues.unwrap(var);
        if (value instanceof String text) {
            return text.codePointCount(0, text.length());
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || (value != null && value.getClass().isArray())) {
            return Math.toIntExact(FilterCall.items(value));
        }
        return 0;
    }
}
