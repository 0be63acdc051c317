package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * {@code first} and {@code last}: of a text, its first or last character (a Unicode code point; none for an
 * empty text), as Jinja's, where Jinjava's return the whole text; of anything else, as Jinjava's.
 */
final class FirstLastFilter extends OwnFilter implements ReplacesJinjavaFilter {

    private final Filter jinjavas;
    private final boolean first;

    private FirstLastFilter(Filter jinjavas, boolean first) {
        super(jinjavas.getName());
        this.jinjavas = jinjavas;
        this.first = first;
    }

    static FirstLastFilter first() {
        return new FirstLastFilter(new com.hubspot.jinjava.lib.filter.FirstFilter(), true);
    }

    static FirstLastFilter last() {
        return new FirstLastFilter(new com.hubspot.jinjava.lib.filter.LastFilter(), false);
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        if (value instanceof String text) {
            if (text.isEmpty()) {
                return null;
            }
            int codePoint = first ? text.codePointAt(0) : text.codePointBefore(text.length());
            return Character.toString(codePoint);
        }
        return jinjavas.filter(value, JinjavaInterpreter.getCurrent());
    }
}
