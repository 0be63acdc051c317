package io.hermesconnect.transforms.template;

import io.hermesconnect.common.jinja.JinjaEngine;
import io.hermesconnect.common.jinja.Template;
import io.hermesconnect.common.jinja.TemplateException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * A template from one config key, compiled when the transform is configured, so that a syntax error or
 * an unknown filter fails the configuration with the key named instead of failing records later.
 *
 * <p>It also answers which names a template mentions, by scanning its source for identifiers. The scan
 * may see a name that is not a variable (in a string literal, say) but never misses one, which is the
 * safe side for both uses: building only the variables a template needs, and marking an attribute
 * secret when its template mentions a secret field.
 */
public final class ConfiguredTemplate {

    private final String key;
    private final String source;
    private final Template template;

    private ConfiguredTemplate(String key, String source, Template template) {
        this.key = key;
        this.source = source;
        this.template = template;
    }

    /** @throws ConfigException naming {@code key} when the template does not compile */
    public static ConfiguredTemplate compile(String key, String source) {
        try {
            return new ConfiguredTemplate(key, source, JinjaEngine.shared().compile(source));
        } catch (TemplateException e) {
            throw new ConfigException("Invalid value for configuration " + key + ": " + e.getMessage());
        }
    }

    /** The full config key the template came from, for messages. */
    public String key() {
        return key;
    }

    public Template template() {
        return template;
    }

    /** Whether the source mentions {@code name} as an identifier (not as part of a longer one). */
    private boolean mentions(String name) {
        return Pattern.compile("(?<![\\w])" + Pattern.quote(name) + "(?![\\w])").matcher(source).find();
    }

    /** The {@code names} the source mentions, in their order. */
    public Set<String> mentioned(Collection<String> names) {
        Set<String> found = new LinkedHashSet<>();
        for (String name : names) {
            if (mentions(name)) {
                found.add(name);
            }
        }
        return found;
    }
}
