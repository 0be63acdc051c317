package io.hermesconnect.common.jinja;

import static io.hermesconnect.common.jinja.FilterCall.plus;
import static io.hermesconnect.common.jinja.FilterCall.times;

import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each filter of templates may build, checked before it runs ({@link BoundedFilter}). Sizes are
 * predicted from the operand and the arguments, without building anything: text against
 * {@link RenderLimits#maxOutputChars()}, lists and maps against {@link RenderLimits#maxCollectionSize()}. Every
 * filter call also checks the render's deadline, measures its arguments (most filters turn them into text,
 * a shared list repeated on many levels would print exponentially long), and checks the size of its result.
 * "Operand" below means the operand's printed size ({@link PrintedSize}) must be within the output limit,
 * because the filter turns it into text or hashes it whole.
 *
 * <table>
 *   <caption>Filters and their bounds</caption>
 *   <tr><th>Filter</th><th>Checked before it runs</th></tr>
 *   <tr><td>{@code center(width)}</td><td>exact for text: text + padding to {@code width}</td></tr>
 *   <tr><td>{@code indent(width)}</td><td>text + lines × {@code width}</td></tr>
 *   <tr><td>{@code wordwrap(width, break, wrapstring)}</td>
 *       <td>text + (whitespace + text / {@code width} + 1) × wrap string</td></tr>
 *   <tr><td>{@code format(args…)}</td><td>format + every field width and precision + the arguments</td></tr>
 *   <tr><td>{@code join(d)}</td><td>operand + items × {@code d}</td></tr>
 *   <tr><td>{@code replace(old, new, count)}</td><td>exact for text: text + occurrences × (new − old)</td></tr>
 *   <tr><td>{@code regex_replace(regex, new)}</td><td>ours ({@link RegexReplaceFilter}): checks its result as it
 *       builds it, and the deadline as it searches</td></tr>
 *   <tr><td>{@code escape}, {@code e}, {@code forceescape}, {@code escapejson}, {@code urlencode}</td>
 *       <td>exact for text: each character's escaped length; 6× (9× for urlencode) the operand otherwise</td></tr>
 *   <tr><td>{@code normalize}</td><td>exact for text: each character's decomposed length (up to 18)</td></tr>
 *   <tr><td>{@code b64encode}</td><td>exact: 4 per 3 UTF-8 bytes</td></tr>
 *   <tr><td>{@code round(precision)}</td><td>{@code precision} at most {@value #MAX_ROUND_PRECISION} digits</td></tr>
 *   <tr><td>{@code batch(linecount)}, {@code slice(slices)}</td>
 *       <td>items + {@code linecount} / {@code slices} (padding)</td></tr>
 *   <tr><td>{@code list}</td><td>items, or the text's characters</td></tr>
 *   <tr><td>{@code split(sep)}</td><td>occurrences of the separator + 1 items</td></tr>
 *   <tr><td>{@code union}, {@code intersect}, {@code difference}, {@code symmetric_difference}</td>
 *       <td>operand and argument (hashed); items of both</td></tr>
 *   <tr><td>{@code string}, {@code tojson}, {@code title}, {@code trim}, {@code escapejs}, {@code md5},
 *       {@code b64decode}, {@code urldecode}, {@code fromjson}, {@code wordcount}, {@code bool}, {@code safe},
 *       {@code unique}, {@code regex_search}, {@code ldap_password_hash},
 *       {@code crypto_rsa_oaep}, {@code date_format}</td>
 *       <td>operand (their result is no longer than it, or grows by a small factor: checked after)</td></tr>
 *   <tr><td>{@code upper}, {@code lower}, {@code capitalize}, {@code truncate}, {@code reverse}, {@code int},
 *       {@code float}, {@code abs}, {@code length}, {@code count}, {@code first}, {@code last}, {@code sort},
 *       {@code sum}, {@code map}, {@code select}, {@code reject}, {@code attr}, {@code dictsort},
 *       {@code groupby}, {@code selectattr}, {@code rejectattr}</td>
 *       <td>nothing more: they read text only, or build no more items than they read (their result is
 *       checked after); {@code map}, {@code select}… call bounded filters and tests item by item</td></tr>
 *   <tr><td>{@code default}, {@code d}</td><td>not wrapped: they return a value they were given</td></tr>
 * </table>
 */
final class FilterBounds {

    /** Filters that build nothing: left unwrapped. */
    static final Set<String> UNBOUNDED = Set.of("default", "d");

    /** Rounding to more digits costs time that grows with their square, and means nothing. */
    static final int MAX_ROUND_PRECISION = 1000;

    private static final FilterBound OPERAND = FilterCall::valueChars;
    private static final IntUnaryOperator HTML_ESCAPED = c -> switch (c) {
        case '&', '\'' -> 5;
        case '<', '>' -> 4;
        case '"' -> 6;
        default -> 1;
    };
    private static final IntUnaryOperator JSON_ESCAPED = c -> c == '"' || c == '\\' || c == '/' || c == '\b' || c == '\f'
            || c == '\n' || c == '\r' || c == '\t' ? 2 : c < 0x20 || c > 0x7e ? 6 : 1;
    private static final IntUnaryOperator URL_ENCODED = c -> Character.isLetterOrDigit(c) && c < 0x80
            || c == '-' || c == '_' || c == '.' || c == '~' ? 1 : 3 * utf8Bytes(c);
    private static final Pattern FORMAT_FIELD = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*(\\d*)(?:\\.(\\d+))?");

    private static final Map<String, FilterBound> BOUNDS = Map.ofEntries(
            Map.entry("center", FilterBounds::center),
            Map.entry("indent", FilterBounds::indent),
            Map.entry("wordwrap", FilterBounds::wordwrap),
            Map.entry("format", FilterBounds::format),
            Map.entry("join", FilterBounds::join),
            Map.entry("replace", FilterBounds::replace),
            Map.entry("escape", call -> call.requireChars(call.grownLength(HTML_ESCAPED, 6))),
            Map.entry("e", call -> call.requireChars(call.grownLength(HTML_ESCAPED, 6))),
            Map.entry("forceescape", call -> call.requireChars(call.grownLength(HTML_ESCAPED, 6))),
            Map.entry("escapejson", call -> call.requireChars(call.grownLength(JSON_ESCAPED, 6))),
            Map.entry("urlencode", call -> call.requireChars(call.grownLength(URL_ENCODED, 9))),
            Map.entry("normalize", call -> call.requireChars(call.grownLength(NormalizeFilter::decomposedLength, 18))),
            Map.entry("b64encode", call -> call.requireChars((call.grownLength(FilterBounds::utf8Bytes, 3) + 2) / 3 * 4)),
            Map.entry("round", FilterBounds::round),
            Map.entry("batch", call -> call.requireItems(plus(call.items(), Math.max(0, call.number(0, "linecount", 0))))),
            Map.entry("slice", call -> call.requireItems(plus(call.items(), Math.max(0, call.number(0, "slices", 0))))),
            Map.entry("list", call -> call.requireItems(call.value() instanceof String ? call.textLength() : call.items())),
            Map.entry("split", FilterBounds::split),
            Map.entry("union", FilterBounds::setOperation),
            Map.entry("intersect", FilterBounds::setOperation),
            Map.entry("difference", FilterBounds::setOperation),
            Map.entry("symmetric_difference", FilterBounds::setOperation),
            Map.entry("string", OPERAND), Map.entry("tojson", OPERAND), Map.entry("title", OPERAND),
            Map.entry("trim", OPERAND), Map.entry("escapejs", OPERAND), Map.entry("md5", OPERAND),
            Map.entry("b64decode", OPERAND), Map.entry("urldecode", OPERAND), Map.entry("fromjson", OPERAND),
            Map.entry("wordcount", OPERAND), Map.entry("bool", OPERAND), Map.entry("safe", OPERAND),
            Map.entry("unique", OPERAND), Map.entry("regex_search", OPERAND),
            Map.entry("ldap_password_hash", OPERAND), Map.entry("crypto_rsa_oaep", OPERAND),
            Map.entry("date_format", OPERAND));

    private FilterBounds() {
    }

    /** The filter behind its bound; the filters in {@link #UNBOUNDED} as they are. */
    static Filter bounded(Filter filter, RenderLimits limits) {
        if (UNBOUNDED.contains(filter.getName())) {
            return filter;
        }
        return new BoundedFilter(filter, BOUNDS.getOrDefault(filter.getName(), FilterBound.NONE), limits);
    }

    /** The filters bounded by more than the deadline and the size of their result: for tests. */
    static Set<String> boundedBeforeTheyRun() {
        return BOUNDS.keySet();
    }

    private static void center(FilterCall call) {
        long width = Math.max(0, call.number(0, "width", CenterFilter.DEFAULT_WIDTH));
        long padding = call.value() instanceof String text ? Math.max(0, width - text.codePointCount(0, text.length())) : width;
        call.requireChars(plus(call.textLength(), padding));
    }

    private static void indent(FilterCall call) {
        long width = Math.max(0, call.number(0, "width", 4));
        call.requireChars(plus(call.textLength(), times(call.count('\n') + 1, width)));
    }

    private static void join(FilterCall call) {
        call.requireChars(plus(call.valueChars(), times(call.items(), call.argumentChars(0, "d"))));
    }

    private static void wordwrap(FilterCall call) {
        long width = Math.max(1, call.number(0, "width", WordwrapFilter.DEFAULT_WIDTH));
        long wrap = Math.max(1, call.argumentChars(2, "wrapstring"));
        long lines = call.grownLength(c -> Character.isWhitespace(c) ? 1 : 0, 1) + call.textLength() / width + 1;
        call.requireChars(plus(call.textLength(), times(lines, wrap)));
    }

    private static void round(FilterCall call) {
        if (call.number(0, "precision", 0) > MAX_ROUND_PRECISION) {
            throw new TemplateProblem("round: the precision must be at most " + MAX_ROUND_PRECISION + " digits");
        }
    }

    private static void format(FilterCall call) {
        long chars = call.textLength() + call.allArgumentChars();
        if (call.value() instanceof String format) {
            Matcher field = FORMAT_FIELD.matcher(format);
            while (field.find()) {
                chars = plus(chars, plus(digits(field.group(1)), digits(field.group(2))));
            }
        }
        call.requireChars(chars);
    }

    private static long digits(String number) {
        if (number == null || number.isEmpty()) {
            return 0;
        }
        return number.length() > 18 ? Long.MAX_VALUE : Long.parseLong(number);
    }

    private static void replace(FilterCall call) {
        Object old = call.argument(0, "old");
        Object replacement = call.argument(1, "new");
        if (old == null || replacement == null) {
            return; // Jinjava refuses the call
        }
        String search = old.toString();
        long growth = Math.max(0, replacement.toString().length() - search.length());
        if (!(call.value() instanceof String text)) {
            // replaced in the operand's text: at most one occurrence per character of the search
            call.requireChars(plus(call.valueChars(), times(call.valueChars() / Math.max(1, search.length()), growth)));
            return;
        }
        long most = call.number(2, "count", -1);
        long found = 0;
        int at = search.isEmpty() ? -1 : text.indexOf(search);
        while (at >= 0 && found != most) {
            found++;
            at = text.indexOf(search, at + search.length());
        }
        call.requireChars(text.length() + found * growth);
    }

    private static void split(FilterCall call) {
        Object separator = call.argument(0, "separator");
        String sep = separator == null ? "" : separator.toString();
        long pieces = sep.isEmpty() ? call.grownLength(c -> Character.isWhitespace(c) ? 1 : 0, 1) : call.count(sep.charAt(0));
        call.requireItems(pieces + 1);
    }

    private static void setOperation(FilterCall call) {
        call.valueChars();
        call.requireItems(call.items() + FilterCall.items(NativeValues.unwrap(call.argument(0, "list"))));
    }

    private static int utf8Bytes(int c) {
        return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate((char) c) ? 2 : 3;
    }
}
