package io.hermesconnect.common.jinja;

import java.util.Map;

/**
 * {@code value | center(width=80)}: the text padded with spaces on both sides (one more on the right when the
 * padding is odd) to {@code width} Unicode code points; a text as long or longer passes unchanged.
 */
final class CenterFilter extends OwnFilter implements ReplacesJinjavaFilter {

    static final int DEFAULT_WIDTH = 80;

    CenterFilter() {
        super("center");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        long padding = width(args, kwargs) - text.codePointCount(0, text.length());
        if (padding <= 0) {
            return text;
        }
        int left = (int) (padding / 2);
        return " ".repeat(left) + text + " ".repeat((int) padding - left);
    }

    /** The width argument, the default when absent or not a number, as with Jinjava's center. */
    static long width(Object[] args, Map<String, Object> kwargs) {
        return wholeNumber(argument(args, kwargs, 0, "width"), DEFAULT_WIDTH);
    }
}
