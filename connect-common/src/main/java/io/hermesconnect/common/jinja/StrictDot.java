package io.hermesconnect.common.jinja;

import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/** {@code a.b} under strict undefined; see {@link StrictAccess}. */
final class StrictDot extends AstDot {

    StrictDot(AstNode prefix, String name, boolean lvalue, boolean ignoreReturnType) {
        super(prefix, name, lvalue, ignoreReturnType);
    }

    /** The attribute name, as written in the template. */
    String name() {
        return property;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object base = prefix.eval(bindings, context);
        return StrictAccess.read(context, base, base == null ? null : getProperty(bindings, context), this);
    }
}
