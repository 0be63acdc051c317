package io.hermesconnect.common.jinja;

import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * Wraps the operand of {@code default} and {@code is defined}/{@code is undefined}: while it is evaluated,
 * an undefined variable or attribute is null instead of an error. That is how strict undefined
 * still lets {@code missing | default('x')} and {@code missing is defined} work, as in Jinja's
 * {@code StrictUndefined}. The flag lives in the {@link ELContext}, which belongs to one render.
 */
final class UndefinedTolerant extends AstRightValue {

    private final AstNode operand;

    UndefinedTolerant(AstNode operand) {
        this.operand = operand;
    }

    /** Whether the expression being evaluated is inside a tolerant operand. */
    static boolean isActive(ELContext context) {
        return Boolean.TRUE.equals(context.getContext(UndefinedTolerant.class));
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object previous = context.getContext(UndefinedTolerant.class);
        context.putContext(UndefinedTolerant.class, Boolean.TRUE);
        try {
            return operand.eval(bindings, context);
        } finally {
            context.putContext(UndefinedTolerant.class, previous == null ? Boolean.FALSE : previous);
        }
    }

    @Override
    public void appendStructure(StringBuilder builder, Bindings bindings) {
        operand.appendStructure(builder, bindings);
    }

    @Override
    public int getCardinality() {
        return 1;
    }

    @Override
    public AstNode getChild(int i) {
        return i == 0 ? operand : null;
    }

    @Override
    public String toString() {
        return operand.toString();
    }
}
