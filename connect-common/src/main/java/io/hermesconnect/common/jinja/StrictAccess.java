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
        if (property instanceof String name && StrictIdentifier.isInternal(name)) {
            throw reserved(name);
        }
        SandboxElResolver.clearMissing(context);
        context.setPropertyResolved(false);
        Object value = context.getELResolver().getValue(context, base, property);
        if (value == null && !tolerant && SandboxElResolver.wasMissing(context)) {
            throw new TemplateProblem("'" + describe(node) + "' is undefined");
        }
        return value;
    }

    /**
     * An attribute read by a filter ({@code attr}, {@code map(attribute=…)}, {@code selectattr}, {@code sort(attribute=…)}…)
     * under the same rules as {@code base.name}: only keys of maps and indexes of lists, never a reserved name, and a
     * missing one is an error.
     */
    static Object readAttribute(Object base, String name) {
        if (StrictIdentifier.isInternal(name)) {
            throw reserved(name);
        }
        Object value = base == null ? SandboxElResolver.MISSING : SandboxElResolver.item(base, name);
        if (value == SandboxElResolver.MISSING) {
            // the name may come from a variable: never quote it
            throw new TemplateProblem("an attribute read by name (by attr, map, selectattr, sort…, or by unpacking a loop item) is undefined"
                    + (base == null ? ": its parent is none" : ""));
        }
        return value;
    }

    /** The name may come from a variable: only Jinjava's fixed names are quoted. */
    private static TemplateProblem reserved(String name) {
        return new TemplateProblem(name.indexOf(':') >= 0 ? "names with ':' are reserved" : "'" + name + "' is a reserved name");
    }

    private static String describe(AstNode node) {
        StringBuilder text = new StringBuilder();
        node.appendStructure(text, null);
        return text.toString();
    }
}
