package io.hermesconnect.source.diff.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * The parsed settings of one declared name ({@code sources.hr.*}, {@code types.Users.*}), read through a definition of
 * its full keys so that every value and every error names the key as the user wrote it. Besides the definition's keys,
 * a name may have open families of keys under fixed prefixes ({@code attrs.<attr>}), kept as they are.
 */
final class NestedSettings {

    private final String prefix;
    private final Map<String, Object> values;
    private final Map<String, String> open;

    private NestedSettings(String prefix, Map<String, Object> values, Map<String, String> open) {
        this.prefix = prefix;
        this.values = values;
        this.open = open;
    }

    /**
     * Parses one name's settings; every problem goes to {@code errors}: a value the definition refuses, a required key
     * left out, a key that is neither defined nor in an open family (a typo, most often).
     *
     * @param prefix       the name's prefix, e.g. {@code sources.hr.}
     * @param def          the definition of the name's full keys
     * @param settings     the name's settings, prefix stripped (as {@code PrefixedConfigs} gives them)
     * @param openFamilies prefixes of open families, relative to {@code prefix}, e.g. {@code attrs.}
     * @return the parsed settings: the value (or default) of each defined key without error, and the open families
     */
    static NestedSettings parse(String prefix, ConfigDef def, Map<String, Object> settings, List<String> openFamilies,
                                ConfigErrors errors) {
        Map<String, String> defined = new LinkedHashMap<>();
        Map<String, String> open = new TreeMap<>();
        settings.forEach((relative, value) -> {
            String key = prefix + relative;
            String text = value == null ? null : value.toString();
            if (def.names().contains(key)) {
                defined.put(key, text);
            } else if (openFamilies.stream().anyMatch(family -> relative.startsWith(family) && relative.length() > family.length())) {
                open.put(relative, text);
            } else {
                errors.add(key, "Unknown setting; the settings of " + prefix + "* are "
                        + def.names().stream().map(name -> name.substring(prefix.length())).sorted().toList()
                        + (openFamilies.isEmpty() ? "" : " and the families " + openFamilies.stream().map(f -> f + "<name>").toList()));
            }
        });
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigValue value : def.validateAll(defined).values()) {
            if (value.errorMessages().isEmpty()) {
                values.put(value.name(), value.value());
            } else {
                value.errorMessages().forEach(message -> errors.add(value.name(), message));
            }
        }
        return new NestedSettings(prefix, values, open);
    }

    /** The full key of a relative one. */
    String key(String relative) {
        return prefix + relative;
    }

    String string(String relative) {
        return (String) values.get(key(relative));
    }

    @SuppressWarnings("unchecked")
    List<String> list(String relative) {
        List<String> list = (List<String>) values.get(key(relative));
        return list == null ? List.of() : list;
    }

    Boolean bool(String relative) {
        return (Boolean) values.get(key(relative));
    }

    Integer integer(String relative) {
        return (Integer) values.get(key(relative));
    }

    Long longValue(String relative) {
        return (Long) values.get(key(relative));
    }

    Password password(String relative) {
        return (Password) values.get(key(relative));
    }

    /** The keys of an open family, the family's prefix stripped ({@code attrs.cn} gives {@code cn}), sorted. */
    Map<String, String> family(String family) {
        Map<String, String> members = new TreeMap<>();
        open.forEach((relative, value) -> {
            if (relative.startsWith(family)) {
                members.put(relative.substring(family.length()), value);
            }
        });
        return members;
    }
}
