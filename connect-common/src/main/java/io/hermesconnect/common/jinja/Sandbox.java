package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaProcessors;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.Tree;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Builder.Feature;
import jinjava.de.odysseus.el.tree.impl.Cache;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ExpressionFactory;

/**
 * One Jinjava instance locked down for untrusted templates: only the {@link TemplateLibrary}'s tags,
 * filters and functions, expressions parsed by the {@link SandboxParser}, values read through the
 * {@link SandboxElResolver}, no nested interpretation of variable values, a resource locator that
 * refuses everything, and the {@link RenderLimits}. Thread-safe.
 */
final class Sandbox extends Jinjava {

    private static final int EXPRESSION_CACHE_SIZE = 2000;

    /**
     * Jinjava's fixes that bring it closer to Jinja: operator precedence, map iteration over keys,
     * Python-like printing of lists and maps ({@code ['a', 1]}), whitespace control and string escapes.
     * Not {@code whitespaceRequiredWithinTokens}: {@code {{x}}} stays an expression.
     */
    private static final LegacyOverrides JINJA_COMPATIBLE = LegacyOverrides.newBuilder()
            .withEvaluateMapKeys(true)
            .withIterateOverMapKeys(true)
            .withUsePyishObjectMapper(true)
            .withUseNaturalOperatorPrecedence(true)
            .withParseWhitespaceControlStrictly(true)
            .withUseTrimmingForNotesAndExpressions(true)
            .withHandleBackslashInQuotesOnly(true)
            .build();

    /** Every filter templates may use, Jinjava's and ours, each behind its bound ({@link FilterBounds}). */
    private final List<Filter> filters;
    private final TemplateLibrary library;
    private final RenderLimits limits;
    private final SandboxParser.Syntax syntax;
    private final ExpressionFactory expressions;
    /** Holds only what templates may use; read by Jinjava (its functions), never rendered in. */
    private final Context registry;
    private final DirectCompiler directCompiler;
    /**
     * Each thread's idle interpreter, reused render after render: building one (its contexts register every
     * built-in, its expression resolver every function) costs more than most renders.
     */
    private final ThreadLocal<RenderInterpreter> idleInterpreter = new ThreadLocal<>();

    Sandbox(List<Filter> ownFilters, RenderLimits limits) {
        super(config(limits));
        setResourceLocator((name, encoding, interpreter) -> {
            throw new IOException("templates cannot read other templates or files");
        });
        this.filters = boundedFilters(ownFilters, limits);
        this.library = new TemplateLibrary(registryOf(filters, Map.of()), ownFilters.stream()
                .filter(filter -> !(filter instanceof ReplacesJinjavaFilter)).map(Filter::getName).collect(Collectors.toSet()));
        this.limits = limits;
        this.syntax = new SandboxParser.Syntax(library, new Arithmetic(limits), Feature.METHOD_INVOCATIONS, Feature.VARARGS);
        this.expressions = new ExpressionFactoryImpl(new TreeStore(syntax, new Cache(EXPRESSION_CACHE_SIZE)), new TruthyTypeConverter());
        this.registry = newBaseContext();
        this.directCompiler = new DirectCompiler(registry, limits);
    }

    /** Jinjava's filters, ours in place of any of the same name, each bounded. */
    private static List<Filter> boundedFilters(List<Filter> ownFilters, RenderLimits limits) {
        Map<String, Filter> byName = new TreeMap<>();
        new RenderContext(null, Map.of()).getAllFilters().forEach(filter -> byName.put(filter.getName(), filter));
        ownFilters.forEach(filter -> byName.put(filter.getName(), filter));
        return byName.values().stream().map(filter -> FilterBounds.bounded(filter, limits)).toList();
    }

    /**
     * Jinjava's built-ins, less the disabled ones (which then cannot even be looked up), with these filters in place
     * of its own and our {@code range()} in place of Jinjava's, which silently stops at 1000 numbers.
     */
    private static Context registryOf(List<Filter> filters, Map<Library, Set<String>> disabled) {
        Context registry = new RenderContext(null, disabled);
        filters.forEach(registry::registerFilter);
        registry.registerFunction(RangeFunction.DEFINITION);
        return registry;
    }

    private Context newBaseContext() {
        return registryOf(filters, library.disabled());
    }

    private static JinjavaConfig config(RenderLimits limits) {
        return JinjavaConfig.newBuilder()
                .withElResolver(new SandboxElResolver())
                .withNestedInterpretationEnabled(false)
                .withMaxOutputSize(limits.maxOutputChars())
                .withMaxStringLength(limits.maxOutputChars())
                .withMaxListSize(limits.maxCollectionSize())
                .withMaxMapSize(limits.maxCollectionSize())
                .withLegacyOverrides(JINJA_COMPATIBLE)
                .withProcessors(JinjavaProcessors.newBuilder().withNodePreProcessor(RenderInterpreter::checkDeadline).build())
                .build();
    }

    /** What Jinjava offers templates: its expression resolver registers the functions found here. */
    @Override
    public Context getGlobalContext() {
        return registry;
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return expressions;
    }

    /** Parses one expression with the sandbox's rules; throws {@link TemplateProblem} or JUEL's {@code TreeBuilderException}. */
    Tree parseExpression(String expression) {
        return syntax.build("#{" + expression + "}");
    }

    /** The parse tree of one expression, below JUEL's {@code #{…}} root. */
    AstNode expressionTree(String expression) {
        return (AstNode) parseExpression(expression).getRoot().getChild(0);
    }

    /** The expression's {@link DirectExpression}, or null when Jinjava must evaluate it. */
    DirectExpression direct(AstNode tree) {
        return directCompiler.compile(tree);
    }

    /** Whether output of this length is within the configured limit. */
    boolean withinOutputLimit(CharSequence output) {
        return limits.maxOutputChars() <= 0 || output.length() <= limits.maxOutputChars();
    }

    /**
     * Runs {@code work} with an interpreter that sees these variables and nothing left from other renders; the
     * interpreter is Jinjava's current one meanwhile. The thread's interpreter is
     * reused when the previous render ended clean; a render within a render gets one of its own.
     */
    // Jinjava's code reads its "current interpreter". Its closeable push allocates four objects per call, as much as
    // a whole condition's evaluation: the plain push and pop, deprecated for the closeable form, do the same for free.
    @SuppressWarnings("deprecation")
    <T> T withInterpreter(Map<String, ?> variables, Function<RenderInterpreter, T> work) {
        RenderInterpreter interpreter = idleInterpreter.get();
        if (interpreter == null) {
            interpreter = new RenderInterpreter(this, new RenderContext(newBaseContext(), null), getGlobalConfig(), limits);
        } else {
            idleInterpreter.set(null);
        }
        boolean reusable = false;
        interpreter.begin(variables);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            T result = work.apply(interpreter);
            reusable = interpreter.endedClean();
            return result;
        } finally {
            JinjavaInterpreter.popCurrent();
            interpreter.end();
            if (reusable) {
                idleInterpreter.set(interpreter);
            }
        }
    }
}
