package io.hermesconnect.common.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Renders a {@link ConfigDef} as a Markdown reference: one section per group, in group order, and per
 * key its documentation, type, default, valid values (the validator's {@code toString()}) and importance.
 * Password defaults are never shown; internal keys are left out.
 */
public final class ConfigDocs {

    private static final String NO_GROUP = "Other settings";

    private ConfigDocs() {
    }

    /** The reference of {@code def} under a level-1 title. */
    public static String markdown(String title, ConfigDef def) {
        return markdown(title, null, def);
    }

    /** The reference with a paragraph under the title; a null introduction is left out. */
    public static String markdown(String title, String introduction, ConfigDef def) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n");
        if (introduction != null) {
            md.append('\n').append(introduction).append('\n');
        }
        keysByGroup(def).forEach((group, keys) -> {
            md.append("\n## ").append(group).append("\n");
            keys.forEach(key -> appendKey(md, key));
        });
        return md.toString();
    }

    /**
     * The reference of a connector's nested key families ({@code types.<T>.*}), one section per family under level-3
     * headings, to sit in a module's guide below its own level-2 heading.
     *
     * @param families each family's name as shown, e.g. {@code kinds.<K>.*}, to the definition of its keys
     */
    public static String nestedMarkdown(Map<String, ConfigDef> families) {
        StringBuilder md = new StringBuilder();
        families.forEach((family, def) -> md.append(markdown("`" + family + "`", def).replaceAll("(?m)^#", "###")).append('\n'));
        return md.toString();
    }

    /** Documented keys per group, groups in definition order (keys without a group last), keys by order in group. */
    static Map<String, List<ConfigKey>> keysByGroup(ConfigDef def) {
        Map<String, List<ConfigKey>> byGroup = new LinkedHashMap<>();
        def.groups().forEach(group -> byGroup.put(group, new ArrayList<>()));
        def.configKeys().values().stream()
                .filter(key -> !key.internalConfig)
                .forEach(key -> byGroup.computeIfAbsent(key.group == null ? NO_GROUP : key.group, g -> new ArrayList<>()).add(key));
        byGroup.values().forEach(keys -> keys.sort(Comparator.comparingInt((ConfigKey key) -> key.orderInGroup).thenComparing(key -> key.name)));
        byGroup.values().removeIf(List::isEmpty);
        return byGroup;
    }

    private static void appendKey(StringBuilder md, ConfigKey key) {
        md.append("\n### `").append(key.name).append("`\n\n");
        if (key.documentation != null && !key.documentation.isBlank()) {
            md.append(key.documentation.strip()).append("\n\n");
        }
        md.append("- Type: ").append(key.type.toString().toLowerCase(Locale.ROOT)).append('\n');
        md.append("- Default: ").append(defaultOf(key)).append('\n');
        if (key.validator != null) {
            md.append("- Valid values: ").append(key.validator).append('\n');
        }
        md.append("- Importance: ").append(key.importance.toString().toLowerCase(Locale.ROOT)).append('\n');
    }

    private static String defaultOf(ConfigKey key) {
        if (!key.hasDefault()) {
            return "none (required)";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return key.defaultValue == null ? "none" : "[hidden]";
        }
        if (key.alternativeString != null) {
            return key.alternativeString;
        }
        if (key.defaultValue == null) {
            return "none";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "\"\" (empty)" : "`" + text + "`";
    }
}
