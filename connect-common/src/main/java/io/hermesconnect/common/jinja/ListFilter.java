package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Map;

/**
 * {@code value | list}: a text as the list of its characters, each a Unicode code point (an emoji stays one
 * item, where Jinjava's list splits it into two halves of a surrogate pair); a map as the list of its keys, as
 * iterating it gives (Jinjava's gives a list holding the map); any other value as Jinjava's {@code list} makes it.
 */
final class ListFilter extends OwnFilter implements ReplacesJinjavaFilter {

    private final Filter jinjavas;

    /** @param jinjavas Jinjava's own {@code list}, for values other than text */
    ListFilter(Filter jinjavas) {
        super("list");
        this.jinjavas = jinjavas;
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        if (value instanceof String text) {
            return text.codePoints().mapToObj(Character::toString).toList();
        }
        if (value instanceof Map<?, ?> map) {
            return new ArrayList<>(map.keySet());
        }
        return jinjavas.filter(value, JinjavaInterpreter.getCurrent());
    }
}
