package io.hermesconnect.sink.ldap.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/** The errors of a {@code validate()} result by key, keys without errors left out. */
public final class ValidationErrors {

    private ValidationErrors() {
    }

    public static Map<String, List<String>> byKey(Config config) {
        Map<String, List<String>> errors = new TreeMap<>();
        for (ConfigValue value : config.configValues()) {
            if (!value.errorMessages().isEmpty()) {
                errors.put(value.name(), value.errorMessages());
            }
        }
        return errors;
    }
}
