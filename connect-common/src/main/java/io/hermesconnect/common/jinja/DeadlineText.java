package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Text handed to a regular-expression matcher that checks the render's deadline as the matcher reads it, so that
 * one search through a long text cannot run long past the deadline (RE2J reads its input through
 * {@link #charAt}).
 */
final class DeadlineText implements CharSequence {

    /** How many characters are read between two checks of the deadline. */
    private static final int STRIDE = 1 << 16;

    private final String text;
    private final JinjavaInterpreter interpreter;
    private int reads;

    /** @param interpreter the render's interpreter, or null for none (then the deadline is not checked) */
    DeadlineText(String text, JinjavaInterpreter interpreter) {
        this.text = text;
        this.interpreter = interpreter;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (++reads == STRIDE) {
            reads = 0;
            RenderInterpreter.checkDeadline(interpreter);
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
