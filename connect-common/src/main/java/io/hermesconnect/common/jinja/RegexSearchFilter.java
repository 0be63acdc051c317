package io.hermesconnect.common.jinja;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.Map;

/**
 * {@code value | regex_search(pattern[, group])}: the first match of the pattern in the value (or the
 * numbered group of it), or none when nothing matches.
 *
 * <p>Patterns use RE2 syntax (like Java's, without back-references and look-around), which runs in
 * linear time: a template cannot stall a task with a catastrophic pattern; the render's deadline is checked
 * while it searches.
 */
final class RegexSearchFilter extends OwnFilter {

    private final RegexPatterns patterns = new RegexPatterns();

    RegexSearchFilter() {
        super("regex_search");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        Pattern pattern = patterns.compile(requiredString(args, kwargs, 0, "pattern"), this);
        if (value == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(new DeadlineText(value.toString(), JinjavaInterpreter.getCurrent()));
        if (!matcher.find()) {
            return null;
        }
        Object group = argument(args, kwargs, 1, "group");
        try {
            return group == null ? matcher.group() : matcher.group(Integer.parseInt(group.toString()));
        } catch (IndexOutOfBoundsException | NumberFormatException noSuchGroup) {
            throw problem("the group must be the number of a group of the pattern");
        }
    }
}
