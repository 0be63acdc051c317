package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code upper}, {@code lower} and {@code capitalize} (first letter upper case, the rest lower case) with the
 * Unicode rules of no particular language: Jinjava's use the JVM's default locale, so on a Turkish worker
 * {@code 'i' | upper} would be {@code 'İ'}. Other values than text pass unchanged, as with Jinjava's.
 * Takes no arguments, so the direct path may call it.
 */
final class CaseFilter implements Filter, ReplacesJinjavaFilter {

    static final CaseFilter UPPER = new CaseFilter("upper", text -> text.toUpperCase(Locale.ROOT));
    static final CaseFilter LOWER = new CaseFilter("lower", text -> text.toLowerCase(Locale.ROOT));
    static final CaseFilter CAPITALIZE = new CaseFilter("capitalize", CaseFilter::capitalize);

    private final String name;
    private final UnaryOperator<String> change;

    private CaseFilter(String name, UnaryOperator<String> change) {
        this.name = name;
        this.change = change;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return var instanceof String text ? change.apply(text) : var;
    }

    private static String capitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        int rest = Character.charCount(first);
        return new StringBuilder(text.length())
                .appendCodePoint(Character.toTitleCase(first))
                .append(text.substring(rest).toLowerCase(Locale.ROOT))
                .toString();
    }
}
