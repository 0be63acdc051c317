package io.hermesconnect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A string that is set and not blank. Use it for required strings: a required key can still be given
 * an empty value, which {@code ConfigDef} alone accepts. (Our other validators accept an unset value, so
 * that optional keys can use them; this one is about presence.)
 */
public final class NonEmptyString implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new ConfigException(name, value, "must not be empty");
        }
    }

    @Override
    public String toString() {
        return "non-empty string";
    }
}
