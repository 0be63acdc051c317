package io.hermesconnect.common.config;

import io.hermesconnect.common.jinja.JinjaEngine;
import io.hermesconnect.common.jinja.TemplateException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A Jinja template that compiles with the {@link JinjaEngine}: syntax, tags, filters, tests and
 * functions are checked, and the engine's message (what and where) is reported on the key. An unset
 * value is accepted.
 */
public final class JinjaTemplateValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        try {
            JinjaEngine.shared().compile(value.toString());
        } catch (TemplateException e) {
            throw new ConfigException("Invalid value for configuration " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "a Jinja template";
    }
}
