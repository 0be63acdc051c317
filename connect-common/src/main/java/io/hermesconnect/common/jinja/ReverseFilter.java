package io.hermesconnect.common.jinja;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code value | reverse}: a text backwards by Unicode code points (a surrogate pair, like an emoji, stays
 * whole), or a list, set or array as a list in reverse order. Anything else passes unchanged.
 */
final class ReverseFilter extends OwnFilter implements ReplacesJinjavaFilter {

    ReverseFilter() {
        super("reverse");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        if (value instanceof String text) {
            return new StringBuilder(text).reverse().toString(); // keeps surrogate pairs in order
        }
        List<Object> items;
        if (value instanceof Collection<?> collection) {
            items = new ArrayList<>(collection);
        } else if (value != null && value.getClass().isArray()) {
            items = new ArrayList<>(Array.getLength(value));
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
        } else {
            return value;
        }
        Collections.reverse(items);
        return items;
    }
}
