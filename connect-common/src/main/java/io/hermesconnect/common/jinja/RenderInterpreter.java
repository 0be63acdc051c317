package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaELContext;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ExpressionFactory;
import jinjava.javax.el.ValueExpression;

/**
 * An interpreter for renders one after another on one thread. Each render gets its variables and a deadline,
 * checked before each node (loop bodies included), filter call and {@code range()}. Variables are looked up in
 * the caller's map when a template reads them, after the names the template sets itself, and converted by
 * {@link TemplateValues} then: a template that reads two fields of a wide row converts two.
 */
final class RenderInterpreter extends JinjavaInterpreter {

    private final Context scope;
    private final RenderLimits limits;
    private final ExpressionFactory expressions;
    /** What Jinjava's expression resolver evaluates in: this interpreter's variable resolver and the functions. */
    private final JinjavaELContext expressionContext;
    private Map<String, ?> variables = Map.of();
    private long deadlineNanos;
    /** What the render's filters built so far, in characters and in list or map items: see {@link #addBuilt}. */
    private long builtChars;
    private long builtItems;

    RenderInterpreter(Jinjava jinjava, Context scope, JinjavaConfig config, RenderLimits limits) {
        super(jinjava, scope, config);
        this.scope = scope;
        this.limits = limits;
        this.expressions = jinjava.getExpressionFactory();
        this.expressionContext = new JinjavaELContext(this, new JinjavaInterpreterResolver(this));
        jinjava.getGlobalContext().getAllFunctions()
                .forEach(function -> expressionContext.setFunction(function.getNamespace(), function.getLocalName(), function.getMethod()));
        // Jinjava asks this for any name its scopes lack; nested scopes (loops) inherit it
        scope.setDynamicVariableResolver(name -> variables.containsKey(name) ? TemplateValues.fromConnect(variables.get(name)) : null);
    }

    /** Starts a render with these variables and a new deadline. */
    void begin(Map<String, ?> variables) {
        this.variables = variables;
        deadlineNanos = System.nanoTime() + limits.maxRenderTime().toNanos();
        builtChars = 0;
        builtItems = 0;
    }

    /**
     * Counts what a filter built, and fails when the render's filters built more in all than their share of the
     * {@link RenderLimits}: each result is within the limits, but a template could keep many of them at once.
     */
    void addBuilt(long chars, long items) {
        builtChars += chars;
        builtItems += items;
        if (!limits.allowsChars(builtChars / RenderLimits.BUILT_PER_LIMIT)
                || !limits.allowsItems(builtItems / RenderLimits.BUILT_PER_LIMIT)) {
            throw new TemplateProblem("the template's filters built more than " + RenderLimits.BUILT_PER_LIMIT
                    + " times the limits on output and collection size in all");
        }
    }

    /** Parses and binds an expression once, for {@link #evaluate} to run render after render; see {@link BoundExpression}. */
    ValueExpression bind(String expression) {
        return expressions.createValueExpression(expressionContext, "#{" + expression.trim() + "}", Object.class);
    }

    /**
     * Evaluates a bound expression the way {@link #resolveELExpression} does, without parsing and binding it
     * again. Errors Jinjava's resolver records are recorded alike; anything else throws, and the caller then
     * takes {@link #resolveELExpression}, which reports the failure as Jinjava does.
     */
    Object evaluate(BoundExpression expression) {
        setLineNumber(expression.token().getLineNumber());
        Object result = getConfig().getObjectUnwrapper().unwrapObject(expression.value().getValue(expressionContext));
        if (result instanceof NamedParameter) {
            throw new IllegalStateException("an assignment is not a value");
        }
        return result;
    }

    /** Filters read attributes through here ({@code attr}, {@code map(attribute=…)}…): as strictly as {@code a.b}. */
    @Override
    public Object resolveProperty(Object object, String propertyName) {
        return StrictAccess.readAttribute(object, propertyName);
    }

    /** A dotted attribute path ({@code sort(attribute='a.b')}), read step by step; see {@link #resolveProperty(Object, String)}. */
    @Override
    public Object resolveProperty(Object object, List<String> propertyNames) {
        Object value = object;
        for (String name : propertyNames) {
            value = StrictAccess.readAttribute(value, name);
        }
        return value;
    }

    /** Every value Jinjava prints goes through here: print it as the other paths do. */
    @Override
    public String getAsString(Object object) {
        return ValuePrinter.print(object);
    }

    /** Whether the render's variables hold this name (maybe bound to null). */
    boolean hasVariable(String name) {
        return variables.containsKey(name);
    }

    /** Whether the render left nothing behind: no error recorded, and back in the interpreter's own scope. */
    boolean endedClean() {
        return getLastError().isEmpty() && getContext() == scope;
    }

    /** Ends a render: forgets the names it set and lets go of its variables. */
    void end() {
        scope.clear();
        variables = Map.of();
    }

    /** Jinjava's node pre-processor hook. */
    static void checkDeadline(Node node, JinjavaInterpreter interpreter) {
        checkDeadline(interpreter);
    }

    /**
     * Fails when the render of this interpreter is past its deadline. Called before each node, and inside an
     * expression at each filter call and {@code range()}, so that no expression runs long past it; a call
     * without an interpreter (the direct path, which has no loops) is not timed.
     */
    static void checkDeadline(JinjavaInterpreter interpreter) {
        if (interpreter instanceof RenderInterpreter render && System.nanoTime() - render.deadlineNanos > 0) {
            throw new TemplateProblem("rendering took longer than the limit of " + render.limits.maxRenderTime().toMillis() + " ms");
        }
    }
}
