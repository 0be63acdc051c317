package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.el.ext.AstNamedParameter;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.TagToken;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jinjava.de.odysseus.el.tree.IdentifierNode;
import jinjava.de.odysseus.el.tree.Tree;
import jinjava.de.odysseus.el.tree.TreeBuilderException;
import jinjava.de.odysseus.el.tree.impl.ast.AstFunction;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELException;

/**
 * Compile-time checks of a parsed template: Jinjava parses expressions only when it renders them, so
 * every expression (in {@code {{ }}} and in tags) is parsed here once, by the {@link SandboxParser},
 * which rejects syntax errors, unknown filters, tests and functions, method calls and reserved names.
 * Then each expression's tree is checked for what could only fail when rendered: nesting deeper than a
 * render's stack allows, and an assignment ({@code x = 1}) anywhere but as a named argument of a call.
 * Unknown and forbidden tags are rejected by Jinjava's own parse (they are disabled).
 */
final class TemplateChecker {

    /**
     * Deeper nesting of brackets makes Jinjava's expression parser slow (quadratic look-ahead) and then
     * overflow the stack; no real template comes near it.
     */
    static final int MAX_BRACKET_NESTING = 100;

    /** Jinjava renders nested tags recursively: bounding the nesting bounds the stack a render needs. */
    static final int MAX_TAG_NESTING = 100;

    /**
     * Jinjava evaluates an expression's tree recursively: a chain of 5,000 {@code + 1} overflows a 1 MB stack.
     * No real expression comes near this depth (a filter adds three levels).
     */
    static final int MAX_EXPRESSION_DEPTH = 500;

    /** {@code {% set a = … %}} and {@code {% set a, b = … %}}: plain names only, never {@code x.attr} (that would write into values). */
    private static final Pattern SET_TARGETS = Pattern.compile("\\s*[A-Za-z_]\\w*(\\s*,\\s*[A-Za-z_]\\w*)*\\s*");

    private final Sandbox sandbox;
    private final String source;
    private boolean readsVariables;
    private final Set<String> readNames = new TreeSet<>();
    /** Names the template binds itself: loop variables, {@code set} targets, and the loop's {@code loop}. */
    private final Set<String> boundNames = new TreeSet<>(Set.of("loop"));

    TemplateChecker(Sandbox sandbox, String source) {
        this.sandbox = sandbox;
        this.source = source;
    }

    /**
     * Rejects an expression whose brackets nest too deep, before the parser, which that would make slow; brackets
     * inside string literals do not count, nor do the template's own delimiters.
     */
    private static boolean nestsTooDeep(String expression) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                default -> {
                    // other characters do not nest
                }
            }
            if (depth > MAX_BRACKET_NESTING) {
                return true;
            }
        }
        return false;
    }

    void check(Node root) {
        check(root, 0);
    }

    /**
     * Whether any checked expression reads a variable (a loop's or {@code set}'s included); a template that reads
     * none renders the same whatever the input.
     */
    boolean readsVariables() {
        return readsVariables;
    }

    /**
     * The variables the template reads from its input: every variable it reads that it does not bind itself with
     * {@code for} or {@code set}. A caller that knows which variables it passes can refuse a template reading others.
     */
    Set<String> inputVariables() {
        Set<String> inputs = new TreeSet<>(readNames);
        inputs.removeAll(boundNames);
        return Set.copyOf(inputs);
    }

    private void check(Node parent, int depth) {
        for (Node node : parent.getChildren()) {
            if (node instanceof ExpressionNode) {
                checkExpression(((ExpressionToken) node.getMaster()).getExpr(), node);
            } else if (node instanceof TagNode tag) {
                if (depth >= MAX_TAG_NESTING) {
                    throw error("tags nest more than " + MAX_TAG_NESTING + " deep", tag);
                }
                checkTag(tag);
            }
            check(node, depth + 1);
        }
    }

    private void checkTag(TagNode tag) {
        switch (tag.getName()) {
            case "if", "elif" -> checkExpression(tag.getHelpers(), tag);
            case "for" -> {
                checkExpression(loopExpression(tag), tag);
                boundNames.addAll(((ForTag) tag.getTag()).getLoopVarsAndExpression((TagToken) tag.getMaster()).getLeft());
            }
            case "set" -> checkSet(tag);
            default -> {
                // else, raw and the end tags carry no expression
            }
        }
    }

    private String loopExpression(TagNode tag) {
        try {
            return ((ForTag) tag.getTag()).getLoopVarsAndExpression((TagToken) tag.getMaster()).getRight();
        } catch (InterpretException malformed) {
            throw error(malformed.getMessage(), tag);
        }
    }

    private void checkSet(TagNode tag) {
        String helpers = tag.getHelpers();
        int equals = helpers.indexOf('=');
        String targets = equals < 0 ? helpers : helpers.substring(0, equals);
        if (!SET_TARGETS.matcher(targets).matches()) {
            throw error("'set' assigns plain variable names only", tag);
        }
        for (String target : targets.split(",")) {
            boundNames.add(target.trim());
        }
        if (equals >= 0) {
            // how Jinjava's set tag evaluates its right-hand side
            checkExpression("[" + helpers.substring(equals + 1) + "]", tag);
        }
    }

    private void checkExpression(String expression, Node node) {
        if (nestsTooDeep(expression)) {
            throw error("brackets nest more than " + MAX_BRACKET_NESTING + " deep", node);
        }
        try {
            Tree tree = sandbox.parseExpression(expression);
            Set<AstIdentifier> parameterNames = checkTree((AstNode) tree.getRoot());
            // the parser lists every identifier, those inside list and dict literals too, and the names of named arguments
            for (IdentifierNode identifier : tree.getIdentifierNodes()) {
                if (identifier instanceof StrictIdentifier strict && strict.isVariable() && !parameterNames.contains(strict)) {
                    readsVariables = true;
                    readNames.add(strict.getName());
                }
            }
        } catch (TemplateProblem problem) {
            throw error(problem.getMessage(), node);
        } catch (TreeBuilderException syntax) {
            throw error("syntax error in " + TemplateErrors.quote(expression) + ": found " + syntax.getEncountered()
                    + ", expected " + syntax.getExpected(), node);
        } catch (ELException invalid) {
            throw error("invalid expression " + TemplateErrors.quote(expression) + ": " + invalid.getMessage(), node);
        }
    }

    /** A node of an expression's tree still to check, where it sits (parents may be null), and how deep. */
    private record Visit(AstNode node, AstNode parent, AstNode grandparent, int depth) {
    }

    /**
     * Walks the tree without recursion (it may be deep) for its depth and assignments. JUEL's literal nodes (lists,
     * dicts) do not show their elements as children: their brackets are bounded by {@link #MAX_BRACKET_NESTING}.
     *
     * @return the name identifiers of the named arguments of calls ({@code attribute} of {@code map(attribute='x')}),
     *     which name no variable
     */
    private Set<AstIdentifier> checkTree(AstNode root) {
        Set<AstIdentifier> parameterNames = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Visit> pending = new ArrayDeque<>();
        pending.push(new Visit(root, null, null, 0));
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            AstNode node = visit.node();
            if (visit.depth() > MAX_EXPRESSION_DEPTH) {
                throw new TemplateProblem("the expression nests more than " + MAX_EXPRESSION_DEPTH
                        + " deep (a chain of operators or filters this long)");
            }
            if (node instanceof AstNamedParameter && !(visit.parent() instanceof AstParameters && isCall(visit.grandparent()))) {
                throw new TemplateProblem("an assignment ('name = value') is not a value: use {% set name = value %}, or '==' to compare");
            }
            if (node instanceof AstNamedParameter named) {
                parameterNames.add(SandboxParser.nameIdentifier(named));
            }
            for (int i = 0; i < node.getCardinality(); i++) {
                pending.push(new Visit((AstNode) node.getChild(i), node, visit.parent(), visit.depth() + 1));
            }
        }
        return parameterNames;
    }

    private static boolean isCall(AstNode node) {
        return node instanceof AstMethod || node instanceof AstFunction;
    }

    private TemplateException error(String problem, Node node) {
        return TemplateErrors.compileError(source, problem, node.getLineNumber(), node.getStartPosition());
    }
}
