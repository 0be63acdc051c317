package io.hermesconnect.common.jinja;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/** The compiled RE2 patterns of a regex filter, cached by their text. Thread-safe. */
final class RegexPatterns {

    private final LruCache<String, Pattern> patterns = new LruCache<>(256);

    /** The compiled pattern; an invalid one fails, naming the filter. */
    Pattern compile(String regex, OwnFilter filter) {
        try {
            return patterns.get(regex, Pattern::compile);
        } catch (PatternSyntaxException invalid) {
            throw filter.problem("invalid pattern: " + invalid.getDescription());
        }
    }
}
