package io.hermesconnect.common.jinja;

import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/** {@code a['b']} and {@code a[0]} under strict undefined; see {@link StrictAccess}. */
final class StrictBracket extends AstBracket {

    StrictBracket(AstNode prefix, AstNode property, boolean lvalue, boolean strict, boolean ignoreReturnType) {
        super(prefix, property, lvalue, strict, ignoreReturnType);
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object base = prefix.eval(bindings, context);
        return StrictAccess.read(context, base, base == null ? null : getProperty(bindings, context), this);
    }
}
