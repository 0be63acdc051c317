package io.hermesconnect.common.jinja;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code list | unique}: the list without duplicates, in first-seen order. Values are compared exactly
 * (Jinja's own {@code unique} ignores case by default; this one does not).
 */
final class UniqueFilter extends OwnFilter {

    UniqueFilter() {
        super("unique");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        if (value == null) {
            return null;
        }
        Set<Object> seen = new LinkedHashSet<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(seen::add);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                seen.add(Array.get(value, i));
            }
        } else {
            throw problem("expects a list");
        }
        return new ArrayList<>(seen);
    }
}
