package io.hermesconnect.common.jinja;

import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/**
 * Attribute and item reads ({@code a.b}, {@code a['b']}, {@code a[0]}) under strict undefined: a
 * missing key, an index out of range, an attribute of none, or any attribute of a value that is not a
 * map, list or array (bar Jinjava's {@code loop} and date properties) is an error, except inside an
 * {@link UndefinedTolerant} operand.
 */
final class StrictAccess {

    private StrictAccess() {
    }

    /**
     * @param base     the evaluated prefix
     * @param property the evaluated property, or null when the base was null
     * @param node     the node being evaluated, to name it in errors (template text only, never values)
     */
    static Object read(ELContext context, Object base, Object property, AstNode node) {
        boolean tolerant = UndefinedTolerant.isActive(context);
        if (base == null || property == null) {
            if (tolerant) {
                return null;
            }
            throw new TemplateProblem("'" + describe(node) + "' is undefined: "
                    + (base == null ? "its parent is none" : "the key is none"));
        }
        SandboxElResolver.clearMissing(context);
        context.setPropertyResolved(false);
        Object value = context.getELResolver().getValue(context, base, property);
        if (value == null && !tolerant && SandboxElResolver.wasMissing(context)) {
            throw new TemplateProblem("'" + describe(node) + "' is undefined");
        }
        return value;
    }

    private static String describe(AstNode node) {
        StringBuilder text = new StringBuilder();
        node.appendStructure(text, null);
        return text.toString();
    }
}
