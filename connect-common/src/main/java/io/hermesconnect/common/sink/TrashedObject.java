package io.hermesconnect.common.sink;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An object lying in a target's trash.
 *
 * <p>{@link #object} must be the key of the events that trashed it (the kind and key values the sink core read from
 * them), so that the purge can tell which trashed objects the parked events' foreign keys still point at. A target that
 * keeps its trash in the target itself keeps that key with each trashed object, in the text {@link #keyText} makes and
 * {@link #parseKey} reads back, each key value with its type.
 *
 * @param object the object
 * @param trashedAt when it was trashed
 * @param location where the target keeps it (an entry's DN, a URL), for the target's own use and for operators
 */
public record TrashedObject(ObjectKey object, Instant trashedAt, String location) {

    private static final char SEPARATOR = '/';
    private static final char TYPE_SEPARATOR = ':';

    /** The types of key values a text key keeps, by their name in it: the types Connect gives primitive key fields. */
    private static final Map<String, Function<String, Object>> PARSERS = Map.of(
            "String", text -> text,
            "Boolean", Boolean::valueOf,
            "Byte", Byte::valueOf,
            "Short", Short::valueOf,
            "Integer", Integer::valueOf,
            "Long", Long::valueOf,
            "Float", Float::valueOf,
            "Double", Double::valueOf,
            "BigDecimal", BigDecimal::new,
            "Date", text -> new Date(Long.parseLong(text)));

    public TrashedObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(trashedAt, "trashedAt");
        Objects.requireNonNull(location, "location");
    }

    /**
     * The text form of an object's key, e.g. {@code public.users/Long:42}: printable ASCII without spaces (the kind and
     * the values URL-encoded), so that it fits any string attribute or field of a target.
     *
     * @throws TargetDataException when a key value is of a type a text key does not keep (bytes, a struct)
     */
    public static String keyText(ObjectKey object) {
        StringBuilder text = new StringBuilder(encode(object.kind()));
        for (Object value : object.values()) {
            String type = value == null ? null : value.getClass().getSimpleName();
            if (!PARSERS.containsKey(type)) {
                throw new TargetDataException("The key of " + object + " has a value of type " + type
                        + ", which a trashed object cannot keep; key values must be strings, numbers, booleans or dates");
            }
            String form = value instanceof Date date ? Long.toString(date.getTime()) : value.toString();
            text.append(SEPARATOR).append(type).append(TYPE_SEPARATOR).append(encode(form));
        }
        return text.toString();
    }

    /**
     * The key {@link #keyText} wrote, with its values' types.
     *
     * @throws IllegalArgumentException when {@code text} is not such a key
     */
    public static ObjectKey parseKey(String text) {
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        List<Object> values = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(TYPE_SEPARATOR);
            Function<String, Object> parser = colon < 0 ? null : PARSERS.get(parts[i].substring(0, colon));
            if (parser == null) {
                throw new IllegalArgumentException("Not the text form of an object key: value " + i + " names no known type");
            }
            try {
                values.add(parser.apply(decode(parts[i].substring(colon + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not the text form of an object key: value " + i + " does not parse", e);
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Not the text form of an object key: it has no value");
        }
        return new ObjectKey(decode(parts[0]), values);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
