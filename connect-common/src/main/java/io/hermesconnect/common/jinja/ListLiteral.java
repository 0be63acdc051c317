package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.ext.AstList;
import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;

/**
 * A list literal ({@code ['a', 'b']}) as Jinjava evaluates it, showing its elements to the {@link DirectCompiler}
 * (Jinjava's node keeps them to itself), so that {@code x in ['a', 'b']} takes the direct path.
 */
final class ListLiteral extends AstList {

    ListLiteral(AstParameters elements) {
        super(elements);
    }

    List<AstNode> elements() {
        List<AstNode> nodes = new ArrayList<>(elements.getCardinality());
        for (int i = 0; i < elements.getCardinality(); i++) {
            nodes.add(elements.getChild(i));
        }
        return nodes;
    }
}
