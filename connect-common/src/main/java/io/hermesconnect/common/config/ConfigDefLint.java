package io.hermesconnect.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Finds what makes a {@link ConfigDef} hard to use from the REST API and the generated reference, so
 * that each module's tests can assert {@code ConfigDefLint.problems(def)} is empty for its plugins:
 * <ul>
 *   <li>a key without documentation, display name (Kafka's default is the key itself) or group;
 *   <li>two keys with the same display name (a copy-paste slip a UI shows as two identical fields);
 *   <li>a required {@code STRING} without a validator (an empty value would pass);
 *   <li>a key with a recommender but no validator (recommended values that are not enforced).
 * </ul>
 * Internal keys are skipped.
 */
public final class ConfigDefLint {

    private ConfigDefLint() {
    }

    /** Human-readable problems, one per line of a test failure; empty when the definition is fine. */
    public static List<String> problems(ConfigDef def) {
        List<String> problems = new ArrayList<>();
        Map<String, String> keyByDisplayName = new LinkedHashMap<>();
        for (ConfigKey key : def.configKeys().values()) {
            if (key.internalConfig) {
                continue;
            }
            String name = "'" + key.name + "'";
            if (isBlank(key.documentation)) {
                problems.add(name + " has no documentation");
            }
            if (isBlank(key.displayName) || key.displayName.equals(key.name)) {
                problems.add(name + " has no display name");
            } else {
                String other = keyByDisplayName.putIfAbsent(key.displayName, key.name);
                if (other != null) {
                    problems.add(name + " has the display name '" + key.displayName + "' of '" + other + "'");
                }
            }
            if (isBlank(key.group)) {
                problems.add(name + " has no group");
            }
            if (key.type == ConfigDef.Type.STRING && !key.hasDefault() && key.validator == null) {
                problems.add(name + " is a required string without a validator: an empty value would pass");
            }
            if (key.recommender != null && key.validator == null) {
                problems.add(name + " recommends values but has no validator to enforce them");
            }
        }
        return problems;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
