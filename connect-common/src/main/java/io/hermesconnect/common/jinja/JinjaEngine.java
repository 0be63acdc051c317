package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Jinja engine shared by sources, transforms and sinks: Jinjava, made
 * <ul>
 *   <li><b>strict</b>: an undefined variable or attribute is an error; {@code default} and
 *       {@code is defined} still work on them;
 *   <li><b>sandboxed</b>: templates read maps, lists and plain values only — no Java methods,
 *       classes, reflection, files, other templates or network; filters that read attributes by name
 *       ({@code attr}, {@code map(attribute=…)}, {@code selectattr}, {@code groupby}, {@code sort}, {@code sum},
 *       {@code unique}, loop unpacking) follow the rules of {@code a.b}, and Jinjava's reserved names are refused
 *       on every path;
 *   <li><b>bounded</b>: every filter and {@code range()} predicts the size of what it would build from its
 *       operand and arguments and fails before building more than the {@code RenderLimits} allow (10 million
 *       characters, a million list or map items, four times that for all the filters of one render); the 5 s
 *       render deadline is checked before each node, at each filter call and inside {@code range()}; a
 *       single-expression template's value is held to the output limit too. The bound of each filter is
 *       listed in {@code FilterBounds};
 *   <li><b>one rendering per value</b>: Connect values are seen as data ({@link TemplateValues}: bytes as
 *       base64 text, dates and times as ISO-8601 text) and print the same whatever the template's shape or
 *       path; text prints as itself, control characters included;
 *   <li><b>checked at compile time</b>: syntax, tags, filters, tests and functions are verified when
 *       the template is compiled, so a bad template fails config validation, not a record; so are
 *       templates that could only fail: an assignment where a value is expected, an expression nested
 *       deeper than a render can evaluate, and a template that reads no variable and fails to render;
 *   <li><b>exact in arithmetic</b>, as Python is: integers never wrap or saturate (a Long, or a BigInteger past
 *       the long range, up to 1000 digits), {@code /} is true division, {@code //} and {@code %} round down,
 *       dividing by zero is an error rather than Infinity, and {@code +} and {@code *} on strings and lists are
 *       bounded like any output ({@code Arithmetic});
 *   <li><b>quick on common expressions</b>: comparisons, field reads, arithmetic, {@code in}, {@code default}
 *       and a few filters are evaluated straight in Java ({@code DirectCompiler}); Jinjava renders everything
 *       else and stays the reference. {@code x in someSet} is the set's own look-up, not a scan.
 * </ul>
 * Besides the usual Jinja filters it offers {@code regex_search}, {@code ldap_password_hash},
 * {@code crypto_rsa_oaep}, {@code normalize}, {@code unique} and {@code date_format}; {@code default}
 * returns its argument unchanged (a number stays a number).
 *
 * <p>Where Jinjava's filters are wrong, ours replace them, with the same parameters: text is counted and cut by
 * Unicode code points ({@code length}, {@code count}, {@code reverse}, {@code truncate}, {@code center},
 * {@code wordwrap}, {@code list}, {@code first}, {@code last}), case is changed in no particular locale
 * ({@code upper}, {@code lower}, {@code capitalize}), {@code int}, {@code float}, {@code abs} and {@code sum} are
 * exact or fail, {@code list} of a map gives its keys, {@code regex_replace} checks its result as it builds it, and {@code range()} is exact up to the
 * collection limit instead of stopping silently at 1000 numbers.
 *
 * <p>Thread-safe. Compiled templates are cached by source, so compiling the same text again is cheap.
 */
public final class JinjaEngine {

    private static final int TEMPLATE_CACHE_SIZE = 1000;

    private final Sandbox sandbox;
    private final LruCache<String, Template> cache = new LruCache<>(TEMPLATE_CACHE_SIZE);

    /** An engine with all our filters and the default render limits. */
    /** One engine for every plugin of a worker: it is thread-safe, costly to create, and caches compiled templates. */
    public static JinjaEngine shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final JinjaEngine INSTANCE = new JinjaEngine();
    }

    public JinjaEngine() {
        this(RenderLimits.DEFAULTS);
    }

    // visible for testing: small limits
    JinjaEngine(RenderLimits limits) {
        this.sandbox = new Sandbox(ownFilters(), limits);
    }

    private static List<Filter> ownFilters() {
        List<Filter> filters = new ArrayList<>(DataResultFilter.all());
        filters.addAll(List.of(
                new DefaultFilter("default"),
                new DefaultFilter("d"),
                new RegexSearchFilter(),
                new LdapPasswordHashFilter(),
                new RsaOaepFilter(),
                new NormalizeFilter(),
                new UniqueFilter(),
                new DateFormatFilter(),
                CaseFilter.UPPER,
                CaseFilter.LOWER,
                CaseFilter.CAPITALIZE,
                new LengthFilter("length"),
                new LengthFilter("count"),
                new ReverseFilter(),
                new CenterFilter(),
                new TruncateFilter(),
                new RegexReplaceFilter(),
                new WordwrapFilter(),
                new ListFilter(new com.hubspot.jinjava.lib.filter.ListFilter()),
                new NumberFilters.IntFilter(),
                new NumberFilters.FloatFilter(),
                new NumberFilters.AbsFilter(),
                new NumberFilters.SumFilter(),
                FirstLastFilter.first(),
                FirstLastFilter.last()));
        return filters;
    }

    /**
     * Compiles a template, or returns the cached one compiled from the same text.
     *
     * @throws TemplateException when the template has a syntax error or uses an unknown or forbidden
     *                           tag, filter, test or function; the message says what and where
     */
    public Template compile(String source) {
        Objects.requireNonNull(source, "template source");
        return cache.get(source, this::compileUncached);
    }

    private Template compileUncached(String source) {
        Template template;
        boolean readsVariables;
        try {
            TemplateChecker checker = new TemplateChecker(sandbox, source);
            template = sandbox.withInterpreter(Map.of(), interpreter -> {
                Node root = interpreter.parse(source);
                TemplateErrors.throwIfParseFailed(source, interpreter.getErrors());
                checker.check(root);
                return Template.of(sandbox, source, root, interpreter, checker.inputVariables());
            });
            readsVariables = checker.readsVariables();
        } catch (StackOverflowError tooDeep) {
            // Jinjava parses some long operator chains recursively; the stack unwinds to here and nothing is kept
            throw TemplateErrors.compileError(source, TemplateErrors.TOO_DEEP, -1, -1);
        }
        if (!readsVariables) {
            failIfItCannotRender(template);
        }
        return template;
    }

    /** A template that reads no variable renders the same every time: if that fails, it can only fail. */
    private static void failIfItCannotRender(Template template) {
        try {
            template.render(Map.of());
        } catch (TemplateException alwaysFails) {
            throw new TemplateException("Invalid template " + TemplateErrors.quote(template.source())
                    + ": it reads no variable and fails on every render (" + alwaysFails.getMessage() + ")");
        }
    }
}
