package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.CollectionTooBigException;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@link TemplateException}s that name the template, the problem and where it is.
 *
 * <p>At compile time Jinjava's own messages are kept: they only quote the template. At render time they
 * may quote values (e.g. "Cannot coerce 's3cret' to Long"), so only our own {@link TemplateProblem}
 * messages are used, and Jinjava's errors are described by their kind.
 */
final class TemplateErrors {

    private static final int MAX_QUOTED_SOURCE = 60;

    static final String TOO_DEEP = "the template is nested too deeply";
    static final String OUTPUT_TOO_LONG = "the output is longer than the limit";

    private TemplateErrors() {
    }

    static TemplateException compileError(String source, String problem, int line, int column) {
        return new TemplateException("Invalid template " + quote(source) + ": " + problem + location(line, column));
    }

    static TemplateException renderError(String source, String problem, int line) {
        return new TemplateException("Cannot render template " + quote(source) + ": " + problem + location(line, -1));
    }

    /** Throws the first error Jinjava recorded while parsing the template, if any. */
    static void throwIfParseFailed(String source, List<TemplateError> errors) {
        if (!errors.isEmpty()) {
            TemplateError error = errors.get(0);
            TemplateProblem own = cause(error.getException(), TemplateProblem.class);
            String problem = own != null ? own.getMessage()
                    : error.getReason() == ErrorReason.DISABLED ? describe(error) : error.getMessage();
            throw compileError(source, problem, error.getLineno(), error.getStartPosition());
        }
    }

    /** Throws the first error Jinjava recorded while rendering, if any: Jinjava records errors and goes on. */
    static void throwIfRenderFailed(String source, JinjavaInterpreter interpreter) {
        // getErrors() copies the list: look first, as nearly every render has none
        if (interpreter.getLastError().isPresent()) {
            TemplateError error = interpreter.getErrors().get(0);
            TemplateProblem own = cause(error.getException(), TemplateProblem.class);
            throw renderError(source, own != null ? own.getMessage() : describe(error), error.getLineno());
        }
    }

    /** An exception Jinjava let through while rendering (tags throw rather than record). */
    static TemplateException renderFailure(String source, RuntimeException failure) {
        TemplateProblem own = cause(failure, TemplateProblem.class);
        int line = failure instanceof InterpretException interpret ? interpret.getLineNumber() : -1;
        TemplateException error = renderError(source, own != null ? own.getMessage()
                : "evaluation failed (" + failure.getClass().getSimpleName() + ")", line);
        // the cause's message may quote values: keep its type and stack, not its text
        error.setStackTrace(failure.getStackTrace());
        return error;
    }

    private static String describe(TemplateError error) {
        if (error.getReason() == ErrorReason.COLLECTION_TOO_BIG || cause(error.getException(), CollectionTooBigException.class) != null) {
            return "a list or map is larger than the limit";
        }
        if (error.getReason() == ErrorReason.OUTPUT_TOO_BIG || cause(error.getException(), OutputTooBigException.class) != null) {
            return OUTPUT_TOO_LONG;
        }
        String what = switch (error.getItem()) {
            case FILTER -> "a filter";
            case FUNCTION -> "a function";
            case EXPRESSION_TEST -> "a test";
            case TAG -> "a tag";
            default -> "an expression";
        };
        return switch (error.getReason()) {
            case DISABLED -> "'" + error.getFieldName() + "' is not available in templates";
            case INVALID_ARGUMENT, INVALID_INPUT -> "invalid argument or input for '" + error.getFieldName() + "'";
            case SYNTAX_ERROR -> "cannot evaluate " + what + ": an operation or filter got a value of the wrong type or form";
            default -> "cannot evaluate " + what + " (" + error.getReason().name().toLowerCase(Locale.ROOT) + ")";
        };
    }

    /** The first exception of a type in a cause chain, or null. */
    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String location(int line, int column) {
        if (line <= 0) {
            return "";
        }
        return column > 0 ? " (line " + line + ", column " + column + ")" : " (line " + line + ")";
    }

    /** The template, on one line and shortened: it names the template in messages. */
    static String quote(String source) {
        String oneLine = source.strip().replaceAll("\\s+", " ");
        return "'" + (oneLine.length() > MAX_QUOTED_SOURCE ? oneLine.substring(0, MAX_QUOTED_SOURCE) + "…" : oneLine) + "'";
    }
}
