package io.hermesconnect.common.event;

import java.util.StringJoiner;

/**
 * Schema names that every converter accepts: Avro's full-name rules, where each dot-separated part
 * starts with a letter or underscore and holds only letters, digits and underscores. Table names like
 * {@code order-lines} or {@code 2024_sales} would otherwise break Avro and Protobuf converters.
 */
public final class SchemaNames {

    private SchemaNames() {
    }

    /** Joins the parts with dots, sanitising each: {@code ("app", "public", "order-lines") -> app.public.order_lines}. */
    public static String of(String... parts) {
        StringJoiner joined = new StringJoiner(".");
        for (String part : parts) {
            if (part != null) {
                joined.add(sanitizePart(part));
            }
        }
        return joined.toString();
    }

    /** Sanitises a dotted full name part by part. */
    public static String sanitize(String fullName) {
        return of(fullName.split("\\.", -1));
    }

    static String sanitizePart(String part) {
        if (part.isEmpty()) {
            return "_";
        }
        StringBuilder out = new StringBuilder(part.length() + 1);
        if (isDigit(part.charAt(0))) {
            // a leading digit is kept, after an underscore, so "2024" stays readable as "_2024"
            out.append('_');
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            out.append(isNameStart(c) || isDigit(c) ? c : '_');
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
