package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.Map;
import java.util.Optional;
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
    private final ExpressionToken expression;
    private final String variableReference;

    private Template(Sandbox sandbox, String source, Node root, ExpressionToken expression, String variableReference) {
        this.sandbox = sandbox;
        this.source = source;
        this.root = root;
        this.expression = expression;
        this.variableReference = variableReference;
    }

    /** A checked template: see {@link TemplateChecker}. */
    static Template of(Sandbox sandbox, String source, Node root) {
        if (root.getChildren().size() == 1 && root.getChildren().getFirst() instanceof ExpressionNode node) {
            ExpressionToken token = (ExpressionToken) node.getMaster();
            AstNode tree = (AstNode) sandbox.parseExpression(token.getExpr()).getRoot().getChild(0);
            return new Template(sandbox, source, root, token, variablePath(tree));
        }
        return new Template(sandbox, source, root, null, null);
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
        try {
            return sandbox.withInterpreter(variables == null ? Map.of() : variables, interpreter -> {
                Object result = expression != null
                        ? NativeValues.unwrap(interpreter.resolveELExpression(expression.getExpr(), expression.getLineNumber()))
                        : interpreter.render(root, false);
                TemplateErrors.throwIfRenderFailed(source, interpreter.getErrors());
                return result;
            });
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TemplateErrors.renderFailure(source, e);
        } catch (StackOverflowError tooDeep) {
            // Jinjava evaluates long operator chains recursively; the stack unwinds to here and nothing is kept
            throw TemplateErrors.renderError(source, TemplateErrors.TOO_DEEP, -1);
        }
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
