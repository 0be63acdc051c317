package io.hermesconnect.source.diff.model;

import io.hermesconnect.common.jinja.Template;
import io.hermesconnect.common.jinja.TemplateException;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled template and the config key it was read from, so that a failure names the key the user must change.
 *
 * @param configKey the config key, e.g. {@code types.Users.integrity.constraints}
 * @param template  the compiled template
 */
public record NamedTemplate(String configKey, Template template) {

    /** Checks both parts. */
    public NamedTemplate {
        Objects.requireNonNull(configKey, "configKey");
        Objects.requireNonNull(template, "template");
    }

    /**
     * Renders a template whose value must be true or false (a constraint).
     *
     * @param where what is being evaluated, for the error message, e.g. {@code an object of type 'Users'}
     * @throws PollAbortedException when the render fails or does not give a boolean
     */
    public boolean test(Map<String, ?> variables, String where) {
        Object result = render(variables, where);
        if (result instanceof Boolean answer) {
            return answer;
        }
        throw new PollAbortedException("The template of " + configKey + " must give true or false, and gave "
                + (result == null ? "none" : "a value of another kind") + " on " + where, null);
    }

    /**
     * Renders the template.
     *
     * @param where what is being evaluated, for the error message
     * @throws PollAbortedException when the render fails; the message holds the template's error, never a value
     */
    public Object render(Map<String, ?> variables, String where) {
        try {
            return template.render(variables);
        } catch (TemplateException e) {
            throw new PollAbortedException("The template of " + configKey + " failed on " + where + ": " + e.getMessage(), e);
        }
    }
}
