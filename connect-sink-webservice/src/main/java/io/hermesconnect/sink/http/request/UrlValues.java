package io.hermesconnect.sink.http.request;

import io.hermesconnect.common.jinja.TemplateValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of a URL template with every text value percent-encoded (RFC 3986): only the unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} stay as they are, every other byte of the value's UTF-8 becomes {@code %XX}. So a value
 * is one path segment or one query value whatever it holds: {@code a/b?c=d#e} cannot add a segment, a parameter or a
 * fragment. Numbers and booleans print as themselves. The template's own text (slashes, {@code ?}, {@code &}) is left
 * as written.
 */
final class UrlValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlValues() {
    }

    /** The variables, their Connect values converted as for any template, every text value encoded. */
    static Map<String, Object> encoded(Map<String, Object> variables) {
        Map<String, Object> encoded = new LinkedHashMap<>();
        variables.forEach((name, value) -> encoded.put(name, encodeValue(TemplateValues.fromConnect(value))));
        return encoded;
    }

    private static Object encodeValue(Object value) {
        if (value instanceof CharSequence text) {
            return encode(text.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> encoded = new LinkedHashMap<>();
            map.forEach((key, element) -> encoded.put(key, encodeValue(element)));
            return encoded;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> encoded = new ArrayList<>(collection.size());
            collection.forEach(element -> encoded.add(encodeValue(element)));
            return encoded;
        }
        return value;
    }

    /** {@code text} with every byte but the unreserved characters' percent-encoded. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~') {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }
}
