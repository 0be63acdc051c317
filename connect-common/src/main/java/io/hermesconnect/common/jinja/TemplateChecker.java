package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.TagToken;
import java.util.regex.Pattern;
import jinjava.de.odysseus.el.tree.TreeBuilderException;
import jinjava.javax.el.ELException;

/**
 * Compile-time checks of a parsed template: Jinjava parses expressions only when it renders them, so
 * every expression (in {@code {{ }}} and in tags) is parsed here once, by the {@link SandboxParser},
 * which rejects syntax errors, unknown filters, tests and functions, method calls and reserved names.
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

    /** {@code {% set a = … %}} and {@code {% set a, b = … %}}: plain names only, never {@code x.attr} (that would write into values). */
    private static final Pattern SET_TARGETS = Pattern.compile("\\s*[A-Za-z_]\\w*(\\s*,\\s*[A-Za-z_]\\w*)*\\s*");

    private final Sandbox sandbox;
    private final String source;

    TemplateChecker(Sandbox sandbox, String source) {
        this.sandbox = sandbox;
        this.source = source;
    }

    /** Rejects sources that would make Jinjava's parser slow, before it runs. */
    static void checkNesting(String source) {
        int depth = 0;
        int line = 1;
        for (int i = 0; i < source.length(); i++) {
            switch (source.charAt(i)) {
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                case '\n' -> line++;
                default -> {
                    // other characters do not nest
                }
            }
            if (depth > MAX_BRACKET_NESTING) {
                throw TemplateErrors.compileError(source, "brackets nest more than " + MAX_BRACKET_NESTING + " deep", line, -1);
            }
        }
    }

    void check(Node root) {
        check(root, 0);
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
            case "for" -> checkExpression(loopExpression(tag), tag);
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
        if (equals >= 0) {
            // how Jinjava's set tag evaluates its right-hand side
            checkExpression("[" + helpers.substring(equals + 1) + "]", tag);
        }
    }

    private void checkExpression(String expression, Node node) {
        try {
            sandbox.parseExpression(expression);
        } catch (TemplateProblem problem) {
            throw error(problem.getMessage(), node);
        } catch (TreeBuilderException syntax) {
            throw error("syntax error in " + TemplateErrors.quote(expression) + ": found " + syntax.getEncountered()
                    + ", expected " + syntax.getExpected(), node);
        } catch (ELException invalid) {
            throw error("invalid expression " + TemplateErrors.quote(expression) + ": " + invalid.getMessage(), node);
        }
    }

    private TemplateException error(String problem, Node node) {
        return TemplateErrors.compileError(source, problem, node.getLineNumber(), node.getStartPosition());
    }
}
