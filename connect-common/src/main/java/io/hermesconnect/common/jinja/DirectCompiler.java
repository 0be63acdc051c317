package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.CollectionNonMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.OrOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * {@code and}/{@code or}/{@code not}, {@code x if c else y}, {@code ~}, arithmetic ({@code + - * / // % **}, unary
 * {@code -}), {@code in}/{@code not in}, the type tests ({@code none}, {@code string}, {@code number},
 * {@code boolean}, {@code true}, {@code false}, {@code defined}, {@code undefined}), {@code default}/{@code d} with
 * positional arguments and the filters below without arguments. Everything else (list and map literals, named
 * arguments, other filters…) renders through Jinjava. Node classes are matched exactly, so a subclass Jinjava adds
 * is never mistaken for its parent.
 */
final class DirectCompiler {

    /** Filters that read only their operand: never the interpreter, never arguments. */
    private static final Set<String> FILTERS = Set.of("lower", "upper", "trim", "capitalize", "title", "string", "length");
    private static final Set<String> TESTS = Set.of("none", "string", "number", "boolean", "true", "false", "defined", "undefined");
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
        return compile(node, new Place(0, false));
    }

    /**
     * Where a node sits: its depth, and whether it is inside an undefined-tolerant operand ({@link UndefinedTolerant}),
     * where Jinjava evaluates undefined variables and attributes to none.
     */
    private record Place(int depth, boolean tolerant) {
        Place below() {
            return new Place(depth + 1, tolerant);
        }

        Place belowTolerant() {
            return new Place(depth + 1, true);
        }
    }

    private DirectExpression compile(AstNode node, Place place) {
        if (place.depth() > MAX_DEPTH) {
            return null;
        }
        Class<?> type = node.getClass();
        if (type == AstNested.class) {
            return compile(child(node, 0), place.below());
        }
        if (type == UndefinedTolerant.class) {
            return compile(child(node, 0), place.belowTolerant());
        }
        if (type == AstString.class || type == AstNumber.class || type == AstBoolean.class || type == AstNull.class) {
            return new DirectExpression.Constant(node.eval(null, null)); // literals need no bindings
        }
        if (node instanceof StrictIdentifier identifier) {
            return variable(identifier, place);
        }
        if (node instanceof ListLiteral list) {
            return list(list, place);
        }
        if (node instanceof StrictDot dot) {
            return attribute(dot.getChild(0), dot.name(), place);
        }
        if (node instanceof StrictBracket && child(node, 1).getClass() == AstString.class) {
            return attribute(child(node, 0), (String) child(node, 1).eval(null, null), place);
        }
        if (type == AstBinary.class) {
            return binary((AstBinary) node, place);
        }
        if (type == AstUnary.class) {
            return unary((AstUnary) node, place);
        }
        if (type == AstChoice.class) {
            DirectExpression condition = compile(child(node, 0), place.below());
            DirectExpression yes = compile(child(node, 1), place.below());
            DirectExpression no = compile(child(node, 2), place.below());
            return condition == null || yes == null || no == null ? null : new DirectExpression.Choice(condition, yes, no);
        }
        if (type == AstMethod.class) {
            return testOrFilter((AstMethod) node, place);
        }
        return null;
    }

    /**
     * A list literal: a constant list when every element is a literal (built once), else its elements evaluated per
     * render. Only membership reads it: everywhere else a list value hands over to Jinjava.
     */
    private DirectExpression list(ListLiteral list, Place place) {
        List<DirectExpression> elements = new ArrayList<>();
        for (AstNode element : list.elements()) {
            DirectExpression compiled = compile(element, place.below());
            if (compiled == null) {
                return null;
            }
            elements.add(compiled);
        }
        if (elements.stream().allMatch(element -> element instanceof DirectExpression.Constant)) {
            List<Object> values = new ArrayList<>();
            elements.forEach(element -> values.add(((DirectExpression.Constant) element).value()));
            return new DirectExpression.Constant(Collections.unmodifiableList(values));
        }
        return new DirectExpression.ListOf(List.copyOf(elements));
    }

    private static AstNode child(AstNode node, int index) {
        return (AstNode) node.getChild(index);
    }

    private DirectExpression variable(StrictIdentifier identifier, Place place) {
        if (!identifier.isVariable()) {
            return StrictIdentifier.isInternal(identifier.getName()) ? null : new DirectExpression.Constant(null);
        }
        return registry.get(identifier.getName()) != null ? null
                : new DirectExpression.Variable(identifier.getName(), limits.maxCollectionSize(), place.tolerant());
    }

    /** A read of a key Jinjava's resolver treats as its own (the interpreter handle, {@code filter:}…) stays Jinjava's. */
    private DirectExpression attribute(AstNode baseNode, String name, Place place) {
        if (StrictIdentifier.isInternal(name)) {
            return null;
        }
        DirectExpression base = compile(baseNode, place.below());
        return base == null ? null : new DirectExpression.Attribute(base, name, limits.maxCollectionSize(), place.tolerant());
    }

    private DirectExpression unary(AstUnary node, Place place) {
        DirectExpression operand = compile(child(node, 0), place.below());
        if (operand == null) {
            return null;
        }
        if (node.getOperator() == AstUnary.NOT) {
            return new DirectExpression.Not(operand);
        }
        return node.getOperator() instanceof Arithmetic.Negation negation ? new DirectExpression.Negative(negation, operand) : null;
    }

    private DirectExpression binary(AstBinary node, Place place) {
        DirectExpression left = compile(node.getChild(0), place.below());
        DirectExpression right = compile(node.getChild(1), place.below());
        if (left == null || right == null) {
            return null;
        }
        AstBinary.Operator operator = node.getOperator();
        if (operator instanceof Arithmetic.Operator arithmetic) {
            return new DirectExpression.Calculation(arithmetic, left, right);
        }
        if (operator.getClass() == CollectionMembershipOperator.class) {
            CollectionMembershipOperator in = (CollectionMembershipOperator) operator;
            return new DirectExpression.Membership((value, container) -> in.apply(DirectExpression.CONVERTER, value, container), left, right);
        }
        if (operator.getClass() == CollectionNonMembershipOperator.class) {
            CollectionNonMembershipOperator notIn = (CollectionNonMembershipOperator) operator;
            return new DirectExpression.Membership((value, container) -> notIn.apply(DirectExpression.CONVERTER, value, container), left, right);
        }
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
    private DirectExpression testOrFilter(AstMethod method, Place place) {
        if (!(method.getChild(0) instanceof StrictDot dot) || !(dot.getChild(0) instanceof StrictIdentifier target)) {
            return null;
        }
        String name = target.getName();
        String call = dot.name();
        AstNode parameters = (AstNode) method.getChild(1);
        AstNode operandNode = child(parameters, 0);
        if (name.startsWith(ExtendedParser.FILTER_PREFIX) && call.equals("filter")) {
            String filterName = name.substring(ExtendedParser.FILTER_PREFIX.length());
            return TemplateLibrary.UNDEFINED_TOLERANT_FILTERS.contains(filterName)
                    ? defaultCall(registry.getFilter(filterName), parameters, place)
                    : filterCall(filterName, parameters, place);
        }
        if (name.startsWith(ExtendedParser.EXPTEST_PREFIX) && (call.equals("evaluate") || call.equals("evaluateNegated"))
                && parameters.getCardinality() == 2) {
            String testName = name.substring(ExtendedParser.EXPTEST_PREFIX.length());
            ExpTest test = TESTS.contains(testName) ? registry.getExpTest(testName) : null;
            DirectExpression operand = test == null ? null : compile(operandNode, place.below());
            return operand == null ? null : new DirectExpression.Test(test, call.equals("evaluateNegated"), operand);
        }
        return null;
    }

    private DirectExpression filterCall(String filterName, AstNode parameters, Place place) {
        Filter filter = FILTERS.contains(filterName) && parameters.getCardinality() == 2 ? registry.getFilter(filterName) : null;
        // the bounds take either call; the filter inside must leave the generic one to the interface
        Filter checked = filter instanceof BoundedFilter bounded ? bounded.filter() : filter;
        filter = filter != null && !TemplateLibrary.takesKeywordsItself(checked) ? filter : null;
        DirectExpression operand = filter == null ? null : compile(child(parameters, 0), place.below());
        return operand == null ? null : new DirectExpression.FilterCall(filter, operand);
    }

    /** {@code default}: the operand (a tolerant one, see {@link SandboxParser}), then positional arguments after the interpreter. */
    private DirectExpression defaultCall(Filter filter, AstNode parameters, Place place) {
        DirectExpression operand = compile(child(parameters, 0), place.below());
        List<DirectExpression> arguments = new ArrayList<>();
        for (int i = 2; i < parameters.getCardinality() && operand != null; i++) {
            DirectExpression argument = compile(child(parameters, i), place.below());
            if (argument == null) {
                return null;
            }
            arguments.add(argument);
        }
        return operand == null ? null : new DirectExpression.DefaultCall(filter, operand, List.copyOf(arguments));
    }
}
