package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.config.ConfigValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The problems found in a config, each on the key the user must change, in the order they were found: parsing
 * collects them all, so that {@code validate()} shows every one at once, while starting a task stops at the first.
 */
final class ConfigErrors {

    private final Map<String, List<String>> byKey = new LinkedHashMap<>();

    /** Reports a problem on a key. */
    void add(String key, String message) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    /** Reports the problem of a setting on its key. */
    void add(InvalidSettingException e) {
        add(e.key(), e.problem());
    }

    /** Reports the errors of values validated by a {@code ConfigDef}. */
    void addAll(Iterable<ConfigValue> values) {
        values.forEach(value -> value.errorMessages().forEach(message -> add(value.name(), message)));
    }

    /** Whether some key has a problem. */
    boolean any() {
        return !byKey.isEmpty();
    }

    /** How many problems were reported. */
    int count() {
        return byKey.values().stream().mapToInt(List::size).sum();
    }

    /** Whether any of these keys has a problem. */
    boolean anyOn(Iterable<String> keys) {
        for (String key : keys) {
            if (byKey.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** The problems by key, in the order found. */
    Map<String, List<String>> byKey() {
        return byKey;
    }

    /** Attaches every problem to its key of a {@code validate()} result. */
    void reportTo(Config config) {
        byKey.forEach((key, messages) -> messages.forEach(message -> ConfigValidation.addError(config, key, message)));
    }

    /** Throws the first problem, if any, saying how many more there are. */
    void throwIfAny() {
        if (any()) {
            Map.Entry<String, List<String>> first = byKey.entrySet().iterator().next();
            int others = count() - 1;
            throw new InvalidSettingException(first.getKey(), first.getValue().get(0)
                    + (others > 0 ? " (and " + others + " more problem" + (others > 1 ? "s" : "") + ")" : ""));
        }
    }
}
