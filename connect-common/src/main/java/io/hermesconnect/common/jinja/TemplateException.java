package io.hermesconnect.common.jinja;

/**
 * A template that does not compile or cannot be rendered. The message names the template, the problem
 * and where it is (line, column), and never the values of variables: they may be secrets.
 */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the template, the problem and its location; never a variable's value */
    public TemplateException(String message) {
        super(message);
    }

    /** @param cause an exception whose message, too, never holds a variable's value */
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
