package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.doc.annotations.JinjavaDoc;
import com.hubspot.jinjava.doc.annotations.JinjavaParam;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.Importable;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What templates may use: an allowlist of Jinjava's tags, filters and functions (everything else is
 * disabled, so it cannot be reached even by name at run time, e.g. through {@code map('name')}),
 * all of Jinjava's expression tests (pure predicates), and our own filters.
 *
 * <p>Left out on purpose: {@code include}, {@code import}, {@code from}, {@code extends} and
 * {@code block} (they read other templates), {@code macro} and {@code call} (recursion, and macros
 * that write into variables), the {@code render} filter (renders data as a template), functions that
 * read the clock, and filters with dependencies we do not ship.
 */
final class TemplateLibrary {

    static final Set<String> TAGS = Set.of("if", "elif", "else", "for", "set", "raw", "endif", "endfor", "endset", "endraw");

    /** Functions as Jinjava names them: {@code namespace:name}, empty namespace for plain names. */
    static final Set<String> FUNCTIONS = Set.of(":range");

    static final Set<String> JINJAVA_FILTERS = Set.of(
            "abs", "attr", "b64decode", "b64encode", "batch", "bool", "capitalize", "center", "count",
            "dictsort", "difference", "e", "escape", "escapejs", "escapejson", "first", "float", "forceescape",
            "format", "fromjson", "groupby", "indent", "int", "intersect", "join", "last", "length", "list",
            "lower", "map", "md5", "regex_replace", "reject", "rejectattr", "replace", "reverse", "round",
            "safe", "select", "selectattr", "slice", "sort", "split", "string", "sum", "symmetric_difference",
            "title", "tojson", "trim", "truncate", "union", "upper", "urldecode", "urlencode", "wordcount",
            "wordwrap");

    /** Methods callable on values (Jinja syntax needs them); the resolver checks the receiver's type too. */
    static final Set<String> VALUE_METHODS = Set.of("items", "keys", "values", "cycle");

    /** Filters and tests whose operand may be undefined: {@code missing | default('x')}, {@code missing is defined}. */
    static final Set<String> UNDEFINED_TOLERANT_FILTERS = Set.of("default", "d");
    static final Set<String> UNDEFINED_TOLERANT_TESTS = Set.of("defined", "undefined");

    private final Set<String> filters;
    /**
     * Jinjava's filters that leave keyword arguments to Jinjava's generic call, which appends their values after the
     * positional ones whatever their names: each with its parameters in order, as its documentation names them.
     */
    private final Map<String, List<String>> positionalFilters = new TreeMap<>();
    private final Set<String> tests;
    private final Map<Library, Set<String>> disabled = new EnumMap<>(Library.class);

    /**
     * @param registry a context holding Jinjava's built-ins and our filters
     * @param ownFilters the names of our filters, all allowed, less those that replace Jinjava's ({@link ReplacesJinjavaFilter})
     */
    TemplateLibrary(Context registry, Set<String> ownFilters) {
        this.filters = new TreeSet<>(JINJAVA_FILTERS);
        filters.addAll(ownFilters);
        this.tests = names(registry.getAllExpTests());
        requireAll(names(registry.getAllFilters()), filters, "filter");
        requireAll(names(registry.getAllTags()), TAGS, "tag");
        requireAll(names(registry.getAllFunctions()), FUNCTIONS, "function");
        disabled.put(Library.FILTER, without(names(registry.getAllFilters()), filters));
        // Jinjava's own filters, also where ours replace them with the same parameters (ReplacesJinjavaFilter)
        for (Filter filter : new RenderContext(null, Map.of()).getAllFilters()) {
            if (JINJAVA_FILTERS.contains(filter.getName()) && !ownFilters.contains(filter.getName()) && !takesKeywordsItself(filter)) {
                positionalFilters.put(filter.getName(), documentedParameters(filter));
            }
        }
        disabled.put(Library.TAG, without(names(registry.getAllTags()), TAGS));
        disabled.put(Library.FUNCTION, without(names(registry.getAllFunctions()), FUNCTIONS));
    }

    /** The names to disable in Jinjava's config: every built-in not on our allowlists. */
    Map<Library, Set<String>> disabled() {
        return disabled;
    }

    void requireFilter(String name) {
        if (!filters.contains(name)) {
            throw new TemplateProblem("unknown filter '" + name + "'");
        }
    }

    /**
     * Refuses keyword arguments a filter would silently take as other arguments: Jinjava passes a keyword of a filter
     * that does not read keywords itself as the next positional argument, so {@code sort(attribute='k')} would be
     * {@code sort('k')} (reverse). A keyword is accepted where it lands on the parameter it names.
     *
     * @param positional how many positional arguments precede the keywords
     */
    void requireKeywordsInPlace(String filter, int positional, List<String> keywords) {
        List<String> parameters = positionalFilters.get(filter);
        if (parameters == null) {
            return;
        }
        for (int i = 0; i < keywords.size(); i++) {
            int position = positional + i;
            if (position >= parameters.size() || !sameName(parameters.get(position), keywords.get(i))) {
                throw new TemplateProblem("filter '" + filter + "' takes its arguments in order (" + String.join(", ", parameters)
                        + "): give '" + keywords.get(i) + "' by position");
            }
        }
    }

    /** {@code fill_with} and {@code fillWith}, {@code attr} and {@code attribute}: Jinja's names beside Jinjava's. */
    private static boolean sameName(String documented, String given) {
        String a = documented.replace("_", "").toLowerCase(Locale.ROOT);
        String b = given.replace("_", "").toLowerCase(Locale.ROOT);
        return !b.isEmpty() && (a.startsWith(b) || b.startsWith(a));
    }

    /** Whether the filter reads keyword arguments itself, overriding the generic call of Jinjava's interface. */
    static boolean takesKeywordsItself(Filter filter) {
        try {
            return filter.getClass().getMethod("filter", Object.class, JinjavaInterpreter.class, Object[].class, Map.class)
                    .getDeclaringClass() != Filter.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Jinjava's Filter interface has no generic call", e);
        }
    }

    private static List<String> documentedParameters(Filter filter) {
        JinjavaDoc doc = filter.getClass().getAnnotation(JinjavaDoc.class);
        return doc == null ? List.of() : Arrays.stream(doc.params()).map(JinjavaParam::value).toList();
    }

    void requireTest(String name) {
        if (!tests.contains(name)) {
            throw new TemplateProblem("unknown test '" + name + "'");
        }
    }

    void requireFunction(String name) {
        String qualified = name.indexOf(':') < 0 ? ":" + name : name;
        if (!FUNCTIONS.contains(qualified)) {
            throw new TemplateProblem("unknown function '" + name + "'");
        }
    }

    private static Set<String> names(Collection<? extends Importable> items) {
        return items.stream().map(Importable::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> without(Set<String> all, Set<String> allowed) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(allowed);
        return rest;
    }

    private static void requireAll(Set<String> available, Set<String> wanted, String kind) {
        Set<String> missing = without(wanted, available);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Jinjava lacks the " + kind + "s " + missing);
        }
    }
}
