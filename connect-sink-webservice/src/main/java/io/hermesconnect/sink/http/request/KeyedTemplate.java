package io.hermesconnect.sink.http.request;

import io.hermesconnect.common.jinja.Template;
import io.hermesconnect.common.jinja.TemplateException;
import io.hermesconnect.common.sink.TargetDataException;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled template and the config key it came from, so that a failing render names the key to fix.
 *
 * @param key the config key, e.g. {@code kinds.users.create.url}
 * @param template the compiled template
 */
public record KeyedTemplate(String key, Template template) {

    public KeyedTemplate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(template, "template");
    }

    /**
     * Renders the template.
     *
     * @throws TargetDataException naming the key and the problem (never a value) when the event's data does not fit
     *     the template: the event is parked until the data or the template is fixed
     */
    Object render(Map<String, ?> variables) {
        try {
            return template.render(variables);
        } catch (TemplateException e) {
            throw new TargetDataException("Template " + key + " failed: " + e.getMessage(), e);
        }
    }

    /** Renders the template to text; none renders as empty text. */
    String renderText(Map<String, ?> variables) {
        Object value = render(variables);
        return value == null ? "" : value.toString();
    }
}
