package io.hermesconnect.common.jinja;

/**
 * A problem found while parsing or evaluating one expression, thrown from inside Jinjava (parser,
 * resolver, filters) and turned into a {@link TemplateException} that adds the template and location.
 * Its message is written by us and never holds a variable's value.
 */
final class TemplateProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TemplateProblem(String problem) {
        super(problem, null, false, false);
    }
}
