package io.hermesconnect.sink.ldap.mapping;

import io.hermesconnect.common.jinja.Template;
import io.hermesconnect.common.jinja.TemplateException;
import io.hermesconnect.common.sink.TargetDataException;

/**
 * A compiled template and the config key it came from, so that a failing render parks the event with a reason that
 * names the key (the engine's message names the problem, never a variable's value).
 *
 * @param key the config key, e.g. {@code kinds.users.attrs.cn}
 * @param template the compiled template
 */
public record KindTemplate(String key, Template template) {

    /** Renders the template; a failure is a data error of the event. */
    public Object render(TemplateVariables variables) {
        try {
            return template.render(variables.asMap());
        } catch (TemplateException e) {
            throw new TargetDataException("Template " + key + " failed: " + e.getMessage());
        }
    }

    /** The rendered text, or null when the template renders nothing. */
    public String renderText(TemplateVariables variables) {
        Object rendered = render(variables);
        return rendered == null ? null : rendered.toString();
    }
}
