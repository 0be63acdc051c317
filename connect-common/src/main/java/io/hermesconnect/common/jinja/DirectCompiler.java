package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.OrOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;
import java.util.Set;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBoolean;
import jinjava.de.odysseus.el.tree.impl.ast.AstChoice;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstNested;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstNull;
import jinjava.de.odysseus.el.tree.impl.ast.AstNumber;
import jinjava.de.odysseus.el.tree.impl.ast.AstString;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

/**
 * Builds a {@link DirectExpression} from a sandboxed parse tree, or answers null when any part of it is outside
 * the shapes covered: literals, variables, {@code a.b} and {@code a['b']}, parentheses, comparisons,
 * {@code and}/{@code or}/{@code not}, {@code x if c else y}, {@code ~}, the type tests ({@code none},
 * {@code string}, {@code number}, {@code boolean}, {@code true}, {@code false}) and the filters below without
 * arguments. Everything else ({@code default}, {@code is defined}, lists, arithmetic, other filters…) renders
 * through Jinjava. Node classes are matched exactly, so a subclass Jinjava adds is never mistaken for its parent.
 */
final class DirectCompiler {

    /** Filters that read only their operand: never the interpreter, never arguments. */
    private static final Set<String> FILTERS = Set.of("lower", "upper", "trim", "capitalize", "title", "string", "length");
    private static final Set<String> TESTS = Set.of("none", "string", "number", "boolean", "true", "false");
    private static final Map<AstBinary.Operator, DirectExpression.Comparator> COMPARATORS = Map.of(
            AstBinary.EQ, DirectExpression.Comparator.EQ, AstBinary.NE, DirectExpression.Comparator.NE,
            AstBinary.LT, DirectExpression.Comparator.LT, AstBinary.LE, DirectExpression.Comparator.LE,
            AstBinary.GT, DirectExpression.Comparator.GT, AstBinary.GE, DirectExpression.Comparator.GE);

    /** Deeper trees are Jinjava's: this bounds the recursion of compiling and evaluating. */
    private static final int MAX_DEPTH = 64;

    /** The base context of every render: a name it holds is found before the caller's variables. */
    private final Context registry;
    private final RenderLimits limits;

    DirectCompiler(Context registry, RenderLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    DirectExpression compile(AstNode node) {
        return compile(node, 0);
    }

    private DirectExpression compile(AstNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        Class<?> type = node.getClass();
        if (type == AstNested.class) {
            return compile(child(node, 0), depth + 1);
        }
        if (type == AstString.class || type == AstNumber.class || type == AstBoolean.class || type == AstNull.class) {
            return new DirectExpression.Constant(node.eval(null, null)); // literals need no bindings
        }
        if (node instanceof StrictIdentifier identifier) {
            return variable(identifier);
        }
        if (node instanceof StrictDot dot) {
            return attribute(dot.getChild(0), dot.name(), depth);
        }
        if (node instanceof StrictBracket && child(node, 1).getClass() == AstString.class) {
            return attribute(child(node, 0), (String) child(node, 1).eval(null, null), depth);
        }
        if (type == AstBinary.class) {
            return binary((AstBinary) node, depth);
        }
        if (type == AstUnary.class && ((AstUnary) node).getOperator() == AstUnary.NOT) {
            DirectExpression operand = compile(child(node, 0), depth + 1);
            return operand == null ? null : new DirectExpression.Not(operand);
        }
        if (type == AstChoice.class) {
            DirectExpression condition = compile(child(node, 0), depth + 1);
            DirectExpression yes = compile(child(node, 1), depth + 1);
            DirectExpression no = compile(child(node, 2), depth + 1);
            return condition == null || yes == null || no == null ? null : new DirectExpression.Choice(condition, yes, no);
        }
        if (type == AstMethod.class) {
            return testOrFilter((AstMethod) node, depth);
        }
        return null;
    }

    /** Whether the filter leaves Jinjava's generic call (arguments, keywords) to the interface, which calls the plain one. */
    private static boolean takesGenericCallAsPlain(Filter filter) {
        try {
            return filter.getClass().getMethod("filter", Object.class, JinjavaInterpreter.class, Object[].class, Map.class)
                    .getDeclaringClass() == Filter.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static AstNode child(AstNode node, int index) {
        return (AstNode) node.getChild(index);
    }

    private DirectExpression variable(StrictIdentifier identifier) {
        if (!identifier.isVariable()) {
            return StrictIdentifier.isInternal(identifier.getName()) ? null : new DirectExpression.Constant(null);
        }
        return registry.get(identifier.getName()) != null ? null
                : new DirectExpression.Variable(identifier.getName(), limits.maxCollectionSize());
    }

    /** A read of a key Jinjava's resolver treats as its own (the interpreter handle, {@code filter:}…) stays Jinjava's. */
    private DirectExpression attribute(AstNode baseNode, String name, int depth) {
        if (StrictIdentifier.isInternal(name)) {
            return null;
        }
        DirectExpression base = compile(baseNode, depth + 1);
        return base == null ? null : new DirectExpression.Attribute(base, name, limits.maxCollectionSize());
    }

    private DirectExpression binary(AstBinary node, int depth) {
        DirectExpression left = compile(node.getChild(0), depth + 1);
        DirectExpression right = compile(node.getChild(1), depth + 1);
        if (left == null || right == null) {
            return null;
        }
        AstBinary.Operator operator = node.getOperator();
        if (COMPARATORS.containsKey(operator)) {
            return new DirectExpression.Comparison(COMPARATORS.get(operator), left, right);
        }
        if (operator == AstBinary.AND) {
            return new DirectExpression.And(left, right);
        }
        if (operator == OrOperator.OP) {
            return new DirectExpression.Or(left, right);
        }
        if (operator == StringConcatOperator.OP) {
            return new DirectExpression.Concat(left, right, limits.maxOutputChars());
        }
        return null;
    }

    /**
     * Jinjava parses {@code x | f} into {@code filter:f.filter(x, <interpreter>)} and {@code x is t} into
     * {@code exptest:t.evaluate(x, <interpreter>)} ({@code evaluateNegated} for {@code is not}); two parameters
     * mean no arguments.
     */
    private DirectExpression testOrFilter(AstMethod method, int depth) {
        if (!(method.getChild(0) instanceof StrictDot dot) || !(dot.getChild(0) instanceof StrictIdentifier target)
                || method.getChild(1).getCardinality() != 2) {
            return null;
        }
        String name = target.getName();
        String call = dot.name();
        AstNode operandNode = (AstNode) method.getChild(1).getChild(0);
        if (name.startsWith(ExtendedParser.FILTER_PREFIX) && call.equals("filter")) {
            String filterName = name.substring(ExtendedParser.FILTER_PREFIX.length());
            Filter filter = FILTERS.contains(filterName) ? registry.getFilter(filterName) : null;
            filter = filter != null && takesGenericCallAsPlain(filter) ? filter : null;
            DirectExpression operand = filter == null ? null : compile(operandNode, depth + 1);
            return operand == null ? null : new DirectExpression.FilterCall(filter, operand);
        }
        if (name.startsWith(ExtendedParser.EXPTEST_PREFIX) && (call.equals("evaluate") || call.equals("evaluateNegated"))) {
            String testName = name.substring(ExtendedParser.EXPTEST_PREFIX.length());
            ExpTest test = TESTS.contains(testName) ? registry.getExpTest(testName) : null;
            DirectExpression operand = test == null ? null : compile(operandNode, depth + 1);
            return operand == null ? null : new DirectExpression.Test(test, call.equals("evaluateNegated"), operand);
        }
        return null;
    }
}
