package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.objects.collections.PyMap;

/** Turns the wrappers Jinjava puts around values back into the plain Java values a caller gave or expects. */
final class NativeValues {

    private NativeValues() {
    }

    static Object unwrap(Object value) {
        if (value instanceof PyList list) {
            return list.toList();
        }
        if (value instanceof PyMap map) {
            return map.toMap();
        }
        if (value instanceof SafeString safe) {
            return safe.getValue();
        }
        return value;
    }
}
