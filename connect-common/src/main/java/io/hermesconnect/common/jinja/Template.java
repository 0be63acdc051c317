package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TextNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.TextToken;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/**
 * A compiled template, from {@link JinjaEngine#compile}. Immutable and thread-safe: many threads may
 * render one template at once.
 *
 * <p>A template that is exactly one expression, like {@code {{ age }}} or {@code {{ groups | unique }}},
 * renders to the expression's value itself (Integer, List, Boolean, null…); any other template renders
 * to a String.
 */
public final class Template {

    private final Sandbox sandbox;
    private final String source;
    private final Node root;
    /** The expression of a single-expression template, else null. */
    private final BoundExpression expression;
    /** A template of text and expressions only, no tags: its parts in order (a String or a BoundExpression), else null. */
    private final List<Object> parts;
    private final String variableReference;
    private final Set<String> inputVariables;

    private Template(Sandbox sandbox, String source, Node root, BoundExpression expression, List<Object> parts,
                     String variableReference, Set<String> inputVariables) {
        this.sandbox = sandbox;
        this.source = source;
        this.root = root;
        this.expression = expression;
        this.parts = parts;
        this.variableReference = variableReference;
        this.inputVariables = inputVariables;
    }

    /** A checked template (see {@link TemplateChecker}); the compiling interpreter binds its expressions. */
    static Template of(Sandbox sandbox, String source, Node root, RenderInterpreter interpreter, Set<String> inputVariables) {
        List<Node> children = root.getChildren();
        if (children.size() == 1 && children.get(0) instanceof ExpressionNode node) {
            ExpressionToken token = (ExpressionToken) node.getMaster();
            AstNode tree = sandbox.expressionTree(token.getExpr());
            return new Template(sandbox, source, root, BoundExpression.of(token, tree, interpreter, sandbox), null, variablePath(tree),
                    inputVariables);
        }
        if (children.stream().allMatch(child -> child instanceof ExpressionNode || child instanceof TextNode)) {
            List<Object> parts = children.stream()
                    .map(child -> child instanceof ExpressionNode
                            ? bound((ExpressionToken) child.getMaster(), sandbox, interpreter)
                            : ((TextToken) child.getMaster()).output())
                    .toList();
            return new Template(sandbox, source, root, null, parts, null, inputVariables);
        }
        return new Template(sandbox, source, root, null, null, null, inputVariables);
    }

    private static BoundExpression bound(ExpressionToken token, Sandbox sandbox, RenderInterpreter interpreter) {
        return BoundExpression.of(token, sandbox.expressionTree(token.getExpr()), interpreter, sandbox);
    }

    /**
     * Renders the template.
     *
     * @param variables the template's variables; Connect values ({@code Struct}, {@code ByteBuffer}, …) are
     *                  converted by {@link TemplateValues#fromConnect}. May be null for none.
     * @return the native value of a {@link #isSingleExpression single expression}, else the rendered String
     * @throws TemplateException naming the template and the problem (an undefined variable, a failing
     *                           filter, a limit reached), never the variables' values
     */
    public Object render(Map<String, ?> variables) {
        Map<String, ?> given = variables == null ? Map.of() : variables;
        try {
            Object direct = renderDirect(given);
            return withinOutputLimit(direct != DirectExpression.UNHANDLED ? direct : renderWithJinjava(given));
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TemplateErrors.renderFailure(source, e);
        } catch (StackOverflowError tooDeep) {
            // Jinjava evaluates long operator chains recursively; the stack unwinds to here and nothing is kept
            throw TemplateErrors.renderError(source, TemplateErrors.TOO_DEEP, -1);
        }
    }

    /** The rendered value, unless it is text longer than the limit: a single expression's value is no printed output. */
    private Object withinOutputLimit(Object rendered) {
        if (rendered instanceof CharSequence text && !sandbox.withinOutputLimit(text)) {
            throw TemplateErrors.renderError(source, TemplateErrors.OUTPUT_TOO_LONG, -1);
        }
        return rendered;
    }

    /**
     * The render through {@link DirectExpression}s, without an interpreter, or UNHANDLED when Jinjava must render;
     * package-private so that tests compare it with {@link #renderWithJinjava}.
     */
    Object renderDirect(Map<String, ?> variables) {
        try {
            return expression != null ? expression.directValue(variables)
                    : parts != null ? printParts(bound -> bound.directValue(variables))
                    : DirectExpression.UNHANDLED;
        } catch (RuntimeException unhandled) {
            return DirectExpression.UNHANDLED; // Jinjava evaluates again, and reports the failure its way
        }
    }

    /** The render through Jinjava, the reference. */
    Object renderWithJinjava(Map<String, ?> variables) {
        return sandbox.withInterpreter(variables, interpreter -> {
            Object result = expression != null ? NativeValues.unwrap(evaluate(interpreter))
                    : parts != null ? renderParts(interpreter)
                    : interpreter.render(root, false);
            TemplateErrors.throwIfRenderFailed(source, interpreter);
            return result;
        });
    }

    // The two paths below skip Jinjava's per-render parsing and node machinery; when anything goes wrong they
    // hand over to Jinjava's own path, which evaluates again and reports the failure as Jinjava describes it.

    private Object evaluate(RenderInterpreter interpreter) {
        try {
            return interpreter.evaluate(expression);
        } catch (RuntimeException failed) {
            return interpreter.resolveELExpression(expression.token().getExpr(), expression.token().getLineNumber());
        }
    }

    private String renderParts(RenderInterpreter interpreter) {
        try {
            Object printed = printParts(interpreter::evaluate);
            return printed != DirectExpression.UNHANDLED ? (String) printed : interpreter.render(root, false);
        } catch (RuntimeException failed) {
            return interpreter.render(root, false);
        }
    }

    /** Text and expressions printed in order, or UNHANDLED when an expression's value is, or the output too long. */
    private Object printParts(Function<BoundExpression, Object> valueOf) {
        StringBuilder output = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof BoundExpression bound) {
                Object value = valueOf.apply(bound);
                if (value == DirectExpression.UNHANDLED) {
                    return value;
                }
                output.append(ValuePrinter.print(value));
            } else {
                output.append((String) part);
            }
        }
        return sandbox.withinOutputLimit(output) ? output.toString() : DirectExpression.UNHANDLED;
    }

    /**
     * The variables the template reads from the ones it is given: those it reads, less those it binds itself
     * ({@code for} loop variables, {@code set} targets, {@code loop}). {@code {% for u in users %}{{ u.cn }}{% endfor %}}
     * reads {@code users}. A plugin that knows the variables it passes refuses a template reading others when it
     * is configured, instead of failing on every record.
     */
    public Set<String> inputVariables() {
        return inputVariables;
    }

    /** The template's text, as compiled. */
    public String source() {
        return source;
    }

    /** Whether the template is exactly one {@code {{ expression }}}, so that it renders to a native value. */
    public boolean isSingleExpression() {
        return expression != null;
    }

    /**
     * The variable path when the template is exactly one bare variable reference: {@code "age"} for
     * {@code {{ age }}}, {@code "after.age"} for {@code {{ after.age }}}; empty otherwise. Callers use it
     * to keep the referenced field's schema.
     */
    public Optional<String> variableReference() {
        return Optional.ofNullable(variableReference);
    }

    @Override
    public String toString() {
        return "Template" + TemplateErrors.quote(source);
    }

    private static String variablePath(AstNode node) {
        if (node instanceof StrictIdentifier identifier && identifier.isVariable()) {
            return identifier.getName();
        }
        if (node instanceof StrictDot dot) {
            String parent = variablePath(dot.getChild(0));
            return parent == null ? null : parent + "." + dot.name();
        }
        return null;
    }
}
