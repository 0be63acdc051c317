package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.util.ObjectTruthValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code value | wordwrap(width=79, break_long_words=true, wrapstring='\n')}: the text in lines of at most
 * {@code width} Unicode code points, as Jinja's: each line of the text is wrapped on its own, breaking at the
 * spaces between words (dropped where a line breaks), and the lines are joined with {@code wrapstring}. A word
 * longer than {@code width} starts a line and is cut every {@code width} code points, never inside a surrogate
 * pair, unless {@code break_long_words} is false (then it stays whole on a line of its own). Jinjava's own
 * counts UTF-16 units, ignores {@code wrapstring} and mixes the text's line breaks into its lines.
 */
final class WordwrapFilter extends OwnFilter implements ReplacesJinjavaFilter {

    static final int DEFAULT_WIDTH = 79;
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    /** A word, and the whitespace before it. */
    private static final Pattern WORD = Pattern.compile("(\\s*)(\\S+)");

    WordwrapFilter() {
        super("wordwrap");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        if (value == null) {
            return null;
        }
        long widthArgument = wholeNumber(argument(args, kwargs, 0, "width"), DEFAULT_WIDTH);
        int width = (int) Math.max(1, Math.min(Integer.MAX_VALUE, widthArgument));
        Object breakLongWords = argument(args, kwargs, 1, "break_long_words");
        Object wrapstring = argument(args, kwargs, 2, "wrapstring");
        List<String> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(value.toString(), -1)) {
            wrap(line, width, breakLongWords == null || ObjectTruthValue.evaluate(breakLongWords), lines);
        }
        return String.join(wrapstring == null ? "\n" : wrapstring.toString(), lines);
    }

    /** Adds the wrapped lines of one line of the text: one empty line when it has no words. */
    private static void wrap(String text, int width, boolean breakLongWords, List<String> lines) {
        int before = lines.size();
        StringBuilder line = new StringBuilder();
        int length = 0; // of the line, in code points
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String gap = word.group(1);
            String next = word.group(2);
            int gapLength = gap.codePointCount(0, gap.length());
            int wordLength = next.codePointCount(0, next.length());
            boolean first = word.start() == 0;
            if (length > 0 && length + gapLength + wordLength <= width || first && gapLength + wordLength <= width) {
                line.append(gap).append(next); // the text's own leading whitespace is kept on its first line
                length += gapLength + wordLength;
                continue;
            }
            if (length > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            int start = 0;
            while (breakLongWords && wordLength - start > width) {
                int from = next.offsetByCodePoints(0, start);
                lines.add(next.substring(from, next.offsetByCodePoints(from, width)));
                start += width;
            }
            line.append(next, next.offsetByCodePoints(0, start), next.length());
            length = wordLength - start;
        }
        if (length > 0 || lines.size() == before) {
            lines.add(line.toString());
        }
    }
}
