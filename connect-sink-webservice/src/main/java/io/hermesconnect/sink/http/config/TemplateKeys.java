package io.hermesconnect.sink.http.config;

import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.common.jinja.JinjaEngine;
import io.hermesconnect.common.jinja.Template;
import io.hermesconnect.common.jinja.TemplateException;
import io.hermesconnect.sink.http.request.KeyedTemplate;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.Config;

/** Compiles the templates of config keys, reporting on the key a template that does not compile or reads unknown variables. */
final class TemplateKeys {

    /** RFC 9110 {@code token}: what a header name may be. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the JDK's client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final Config config;

    TemplateKeys(Config config) {
        this.config = config;
    }

    /**
     * The compiled template of {@code key}, or null (with an error on the key) when it does not compile or reads a
     * variable outside {@code variables}.
     */
    KeyedTemplate compile(String key, String source, Set<String> variables) {
        Template template;
        try {
            template = JinjaEngine.shared().compile(source);
        } catch (TemplateException e) {
            ConfigValidation.addError(config, key, e.getMessage());
            return null;
        }
        Set<String> unknown = new TreeSet<>(template.inputVariables());
        unknown.removeAll(variables);
        if (!unknown.isEmpty()) {
            ConfigValidation.addError(config, key, "The template reads unknown variable(s) " + unknown + "; it may read "
                    + new TreeSet<>(variables));
            return null;
        }
        return new KeyedTemplate(key, template);
    }

    /** Whether {@code name} may name a header the sink sets; if not, an error goes on {@code key}. */
    boolean checkHeaderName(String key, String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            ConfigValidation.addError(config, key, "'" + name + "' is not a valid HTTP header name");
            return false;
        }
        if (RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            ConfigValidation.addError(config, key, "The HTTP client sets the " + name + " header itself");
            return false;
        }
        return true;
    }
}
