package io.hermesconnect.sink.ldap.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what an attribute template renders into the attribute's LDAP values: a list gives one value per element, a
 * boolean LDAP's {@code TRUE} / {@code FALSE}, anything else its text. Null and the empty string are no value, because
 * most directory string syntaxes refuse an empty value: an attribute whose values are all empty is absent. Values are
 * a set, in first-seen order: LDAP keeps no order among an attribute's values.
 */
public final class AttributeValues {

    private AttributeValues() {
    }

    /** The values of a rendered template; empty for an absent attribute. */
    public static List<String> of(Object rendered) {
        Set<String> values = new LinkedHashSet<>();
        if (rendered instanceof Collection<?> elements) {
            elements.forEach(element -> add(values, element));
        } else {
            add(values, rendered);
        }
        return new ArrayList<>(values);
    }

    private static void add(Set<String> values, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Boolean bool ? (bool ? "TRUE" : "FALSE") : value.toString();
        if (!text.isEmpty()) {
            values.add(text);
        }
    }
}
