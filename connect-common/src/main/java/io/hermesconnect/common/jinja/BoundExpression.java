package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.Map;
import jinjava.javax.el.ValueExpression;

/**
 * An expression of a template, parsed and bound once at compile time so that renders do not parse and bind
 * it again; thread-safe, as JUEL's expressions are. Its {@link DirectExpression}, when it has one, is tried first.
 *
 * @param direct the expression evaluated in Java, or null when only Jinjava can evaluate it
 */
record BoundExpression(ExpressionToken token, ValueExpression value, DirectExpression direct) {

    static BoundExpression of(ExpressionToken token, RenderInterpreter interpreter, Sandbox sandbox) {
        return new BoundExpression(token, interpreter.bind(token.getExpr()), sandbox.direct(token.getExpr()));
    }

    /** The direct value, or {@link DirectExpression#UNHANDLED}: always for a value Jinjava would wrap (a map). */
    Object directValue(Map<String, ?> variables) {
        if (direct == null) {
            return DirectExpression.UNHANDLED;
        }
        Object value = direct.eval(variables);
        return DirectExpression.isScalar(value) ? value : DirectExpression.UNHANDLED;
    }
}
