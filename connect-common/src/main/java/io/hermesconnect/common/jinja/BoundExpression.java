package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.Map;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ValueExpression;

/**
 * An expression of a template, parsed and bound once at compile time so that renders do not parse and bind
 * it again; thread-safe, as JUEL's expressions are. Its {@link DirectExpression}, when it has one, is tried first.
 *
 * @param direct the expression evaluated in Java, or null when only Jinjava can evaluate it
 */
record BoundExpression(ExpressionToken token, ValueExpression value, DirectExpression direct) {

    /** @param tree the expression as the sandbox parsed it ({@link Sandbox#expressionTree}) */
    static BoundExpression of(ExpressionToken token, AstNode tree, RenderInterpreter interpreter, Sandbox sandbox) {
        return new BoundExpression(token, interpreter.bind(token.getExpr()), sandbox.direct(tree));
    }

    /** The direct value, or {@link DirectExpression#UNHANDLED}: always for a value Jinjava would wrap (a map). */
    Object directValue(Map<String, ?> variables) {
        return direct == null ? DirectExpression.UNHANDLED : DirectExpression.scalarOrUnhandled(direct.eval(variables));
    }
}
