package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.Set;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.javax.el.ELContext;

/**
 * A variable reference that fails when the variable is not defined (strict undefined). A variable
 * bound to null is defined: it evaluates to null. {@code none} and {@code None} are Jinja's null.
 */
final class StrictIdentifier extends AstIdentifier {

    private static final Set<String> NONE = Set.of("none", "None");

    StrictIdentifier(String name, int index, boolean ignoreReturnType) {
        super(name, index, ignoreReturnType);
    }

    /** Names Jinjava resolves itself: the interpreter handle and {@code filter:}/{@code exptest:} lookups. */
    static boolean isInternal(String name) {
        return name.equals(ExtendedParser.INTERPRETER) || name.indexOf(':') >= 0;
    }

    /** Whether this names a template variable, rather than none or a Jinjava internal. */
    boolean isVariable() {
        return !NONE.contains(getName()) && !isInternal(getName());
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        if (NONE.contains(getName())) {
            return null;
        }
        Object value = super.eval(bindings, context);
        if (value == null && !isInternal(getName()) && !UndefinedTolerant.isActive(context) && !isDefined(getName())) {
            throw new TemplateProblem("'" + getName() + "' is undefined");
        }
        return value;
    }

    /** Jinjava's scopes answer null for both "bound to null" and "absent"; the maps behind them tell them apart. */
    private static boolean isDefined(String name) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter instanceof RenderInterpreter render && render.hasVariable(name)) {
            return true;
        }
        for (Context scope = interpreter == null ? null : interpreter.getContext(); scope != null; scope = scope.getParent()) {
            if (scope.getScope().containsKey(name)) {
                return true;
            }
        }
        return false;
    }
}
