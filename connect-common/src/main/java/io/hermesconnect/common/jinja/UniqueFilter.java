package io.hermesconnect.common.jinja;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code list | unique} and {@code list | unique(attribute='name')}: the list without duplicates, in first-seen
 * order, items compared by their value or by that attribute (read as strictly as {@code item.name}). Values are
 * compared exactly (Jinja's own {@code unique} ignores case by default; this one does not).
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
        Object attribute = kwargs.get("attribute");
        Map<Object, Object> firstByKey = new LinkedHashMap<>();
        Consumer<Object> keep = item -> firstByKey.putIfAbsent(attribute == null ? item : StrictAccess.readAttribute(item, attribute.toString()), item);
        if (value instanceof Iterable<?> items) {
            items.forEach(keep);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                keep.accept(Array.get(value, i));
            }
        } else {
            throw problem("expects a list");
        }
        return new ArrayList<>(firstByKey.values());
    }
}
