package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.AstList;
import com.hubspot.jinjava.el.ext.AstNamedParameter;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.PowerOfOperator;
import com.hubspot.jinjava.el.ext.TruncDivOperator;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstFunction;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstProperty;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

/**
 * Jinjava's expression parser, made strict and sandboxed while it builds the tree, so every
 * expression (checked at compile time, or parsed again at render time) goes through the same rules:
 * <ul>
 *   <li>variables and attributes are strict ({@link StrictIdentifier}, {@link StrictDot},
 *       {@link StrictBracket}), except the operand of {@code default}/{@code d} and
 *       {@code is defined}/{@code is undefined} ({@link UndefinedTolerant});
 *   <li>filters, tests and functions must be in the {@link TemplateLibrary};
 *   <li>no method calls, except the few Jinja syntax needs ({@code m.items()}, {@code loop.cycle()});
 *   <li>no names of Jinjava internals: the interpreter handle, {@code filter:}/{@code exptest:} lookups;
 *   <li>arithmetic is our {@link Arithmetic}, exact on integers.
 * </ul>
 * Jinjava parses {@code x | f(a)} into {@code filter:f.filter(x, <interpreter>, a)} and {@code x is t}
 * into {@code exptest:t.evaluate(x, <interpreter>)}; those generated names never pass through
 * {@link #nonliteral()}, so a user writing them is told apart from the parser generating them.
 */
final class SandboxParser extends ExtendedParser {

    private static final String FILTER_METHOD = "filter";
    private static final Field NAMED_PARAMETER_NAME = namedParameterName();

    private final TemplateLibrary library;
    private final Arithmetic arithmetic;

    SandboxParser(Syntax syntax, String input) {
        super(syntax, input);
        this.library = syntax.library;
        this.arithmetic = syntax.arithmetic;
        putExtensionHandler(TruncDivOperator.TOKEN, binaryAt(ExtensionPoint.MUL, arithmetic.floorDivide));
        putExtensionHandler(PowerOfOperator.TOKEN, binaryAt(ExtensionPoint.MUL, arithmetic.power));
    }

    /** The tree builder that makes Jinjava's expression factory use this parser. */
    static final class Syntax extends ExtendedSyntaxBuilder {
        private static final long serialVersionUID = 1L;
        private final transient TemplateLibrary library;
        private final transient Arithmetic arithmetic;

        Syntax(TemplateLibrary library, Arithmetic arithmetic, Builder.Feature... features) {
            super(features);
            this.library = library;
            this.arithmetic = arithmetic;
        }

        @Override
        protected Parser createParser(String expression) {
            return new SandboxParser(this, expression);
        }
    }

    @Override
    protected AstNode nonliteral() throws ScanException, ParseException {
        AstNode node = super.nonliteral();
        if (node instanceof AstIdentifier identifier && StrictIdentifier.isInternal(identifier.getName())) {
            throw new TemplateProblem("'" + identifier.getName() + "' is a reserved name");
        }
        return node;
    }

    /** Our {@link Arithmetic} in place of Jinjava's {@code + - * / %}, which wrap around and divide by zero into Infinity. */
    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        Arithmetic.Operator ours = arithmetic.replacing(operator);
        return super.createAstBinary(left, right, ours != null ? ours : operator);
    }

    @Override
    protected AstUnary createAstUnary(AstNode child, AstUnary.Operator operator) {
        return super.createAstUnary(child, operator == AstUnary.NEG ? arithmetic.negation : operator);
    }

    /** Jinjava's {@code //} and {@code **} come from extension handlers: ours parse alike, into our operators. */
    private ExtensionHandler binaryAt(ExtensionPoint point, Arithmetic.Operator operator) {
        return new ExtensionHandler(point) {
            @Override
            public AstNode createAstNode(AstNode... children) {
                return createAstBinary(children[0], children[1], operator);
            }
        };
    }

    @Override
    protected AstIdentifier createAstIdentifier(String name, int index) {
        return new StrictIdentifier(name, index, context.isEnabled(Builder.Feature.IGNORE_RETURN_TYPE));
    }

    @Override
    protected AstDot createAstDot(AstNode prefix, String name, boolean lvalue) {
        return new StrictDot(prefix, name, lvalue, context.isEnabled(Builder.Feature.IGNORE_RETURN_TYPE));
    }

    @Override
    protected AstBracket createAstBracket(AstNode prefix, AstNode property, boolean lvalue, boolean strict) {
        return new StrictBracket(prefix, property, lvalue, strict, context.isEnabled(Builder.Feature.IGNORE_RETURN_TYPE));
    }

    @Override
    protected AstList createAstList(AstParameters params) {
        return new ListLiteral(params);
    }

    @Override
    protected AstFunction createAstFunction(String name, int index, AstParameters params) {
        library.requireFunction(name);
        return super.createAstFunction(name, index, params);
    }

    @Override
    protected AstMethod createAstMethod(AstProperty property, AstParameters params) {
        String method = property instanceof StrictDot dot ? dot.name() : null;
        String target = property.getChild(0) instanceof AstIdentifier identifier ? identifier.getName() : "";
        if (target.startsWith(FILTER_PREFIX) && FILTER_METHOD.equals(method)) {
            String filter = target.substring(FILTER_PREFIX.length());
            library.requireFilter(filter);
            requireKeywordsInPlace(filter, params);
            return super.createAstMethod(property, TemplateLibrary.UNDEFINED_TOLERANT_FILTERS.contains(filter) ? tolerant(params) : params);
        }
        if (target.startsWith(EXPTEST_PREFIX)) {
            String test = target.substring(EXPTEST_PREFIX.length());
            library.requireTest(test);
            return super.createAstMethod(property, TemplateLibrary.UNDEFINED_TOLERANT_TESTS.contains(test) ? tolerant(params) : params);
        }
        if (method == null || !TemplateLibrary.VALUE_METHODS.contains(method)) {
            throw new TemplateProblem("calling methods is not allowed" + (method == null ? "" : " ('" + method + "()')")
                    + ": use filters");
        }
        return super.createAstMethod(property, params);
    }

    /** Jinjava's filter call has the value and the interpreter first, then the template's arguments. */
    private void requireKeywordsInPlace(String filter, AstParameters params) {
        int positional = 0;
        List<String> keywords = new ArrayList<>();
        for (int i = 2; i < params.getCardinality(); i++) {
            if (params.getChild(i) instanceof AstNamedParameter named) {
                keywords.add(nameOf(named));
            } else {
                positional++;
            }
        }
        library.requireKeywordsInPlace(filter, positional, keywords);
    }

    private static String nameOf(AstNamedParameter parameter) {
        return nameIdentifier(parameter).getName();
    }

    /** Jinjava's node keeps its name to itself (no getter, no structure printing): read the field. */
    static AstIdentifier nameIdentifier(AstNamedParameter parameter) {
        try {
            return (AstIdentifier) NAMED_PARAMETER_NAME.get(parameter);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a named parameter's name", e);
        }
    }

    private static Field namedParameterName() {
        try {
            Field name = AstNamedParameter.class.getDeclaredField("name");
            name.setAccessible(true);
            return name;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this Jinjava's named parameters have no 'name' field", e);
        }
    }

    /** The same parameters with the first (the filtered or tested value) made undefined-tolerant. */
    private static AstParameters tolerant(AstParameters params) {
        List<AstNode> nodes = new ArrayList<>(params.getCardinality());
        nodes.add(new UndefinedTolerant(params.getChild(0)));
        for (int i = 1; i < params.getCardinality(); i++) {
            nodes.add(params.getChild(i));
        }
        return new AstParameters(nodes);
    }
}
