package io.hermesconnect.common.jinja;

import com.google.re2j.Matcher;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.Map;

/**
 * {@code value | regex_replace(regex, new)}: the text with every match of the RE2 pattern replaced by
 * {@code new}, in which {@code $1} or {@code ${name}} is a group of the match, as Jinjava's regex_replace. Ours
 * checks the length of the result as it builds it, against the output limit, and the render's deadline while it
 * searches, where Jinjava's builds the whole result first. None gives none.
 */
final class RegexReplaceFilter extends OwnFilter implements ReplacesJinjavaFilter {

    private final RegexPatterns patterns = new RegexPatterns();

    RegexReplaceFilter() {
        super("regex_replace");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        String regex = requiredString(args, kwargs, 0, "regex");
        String replacement = requiredString(args, kwargs, 1, "new");
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw problem("expects text");
        }
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        long limit = interpreter == null ? Long.MAX_VALUE : interpreter.getConfig().getMaxStringLength();
        Matcher matcher = patterns.compile(regex, this).matcher(new DeadlineText(text, interpreter));
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, replacement);
            if (limit > 0 && result.length() > limit) {
                throw problem("the result would be longer than the limit of " + limit + " characters");
            }
        }
        return matcher.appendTail(result).toString();
    }
}
