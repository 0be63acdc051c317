package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.tree.parse.ExpressionToken;
import jinjava.javax.el.ValueExpression;

/**
 * An expression of a template, parsed and bound once at compile time so that renders do not parse and bind
 * it again; thread-safe, as JUEL's expressions are.
 */
record BoundExpression(ExpressionToken token, ValueExpression value) {

    static BoundExpression of(ExpressionToken token, RenderInterpreter interpreter) {
        return new BoundExpression(token, interpreter.bind(token.getExpr()));
    }
}
