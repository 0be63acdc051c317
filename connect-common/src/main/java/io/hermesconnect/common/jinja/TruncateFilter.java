package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.util.ObjectTruthValue;
import java.util.Map;

/**
 * {@code value | truncate(length=255, killwords=false, end='...')}: a text longer than {@code length} Unicode
 * code points cut to its first {@code length}, followed by {@code end}, as Jinjava's truncate but never inside
 * a surrogate pair. Unless {@code killwords}, the cut moves back to just after the last space in it, so no
 * word is cut (a cut without a space is kept whole). A text no longer than {@code length}, and any other
 * value, passes unchanged.
 */
final class TruncateFilter extends OwnFilter implements ReplacesJinjavaFilter {

    private static final int DEFAULT_LENGTH = 255;

    TruncateFilter() {
        super("truncate");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        long length = Math.max(0, wholeNumber(argument(args, kwargs, 0, "length"), DEFAULT_LENGTH));
        if (!(value instanceof String text) || text.codePointCount(0, text.length()) <= length) {
            return value;
        }
        Object end = argument(args, kwargs, 2, "end");
        int cut = text.offsetByCodePoints(0, (int) length);
        if (!ObjectTruthValue.evaluate(argument(args, kwargs, 1, "killwords"))) {
            cut = afterLastSpace(text, cut);
        }
        return text.substring(0, cut) + (end == null ? "..." : end.toString());
    }

    /** The index just after the last whitespace before {@code cut}, or {@code cut} when there is none. */
    private static int afterLastSpace(String text, int cut) {
        for (int i = cut - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return cut;
    }
}
