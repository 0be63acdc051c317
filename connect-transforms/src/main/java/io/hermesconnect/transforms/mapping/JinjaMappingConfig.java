package io.hermesconnect.transforms.mapping;

import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.NonEmptyString;
import io.hermesconnect.common.config.PluginConfig;
import io.hermesconnect.common.config.UniqueNames;
import io.hermesconnect.transforms.config.NamedSettings;
import io.hermesconnect.transforms.template.ConfiguredTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of a {@link io.hermesconnect.transforms.JinjaMapping}. Each attribute's keys
 * ({@code attrs.<name>.*}) are checked when the transform is configured; Connect's validate call only
 * sees the keys of {@link #CONFIG_DEF}.
 */
public final class JinjaMappingConfig extends PluginConfig {

    public static final String ATTRS = "attrs";
    public static final String DROP = "drop";
    public static final String RENAME = "rename";
    public static final String KEY_FIELDS = "key.fields";

    public static final String ATTR_TEMPLATE = "template";
    public static final String ATTR_TYPE = "type";
    public static final String ATTR_SECRET = "secret";

    public static final ConfigDef CONFIG_DEF = new GroupedConfigDef()
            .group("Mapping")
            .define(ATTRS, Type.LIST, List.of(), UniqueNames.any(), Importance.HIGH,
                    "The computed attributes, in output order. Each attribute <name> is configured by attrs.<name>.template "
                            + "(required: a Jinja template over the row's fields), attrs.<name>.type (the output type: "
                            + AttributeType.DESCRIPTION + "; without it, a template that is a bare reference such as {{ age }} "
                            + "keeps the field's schema and other templates give a string) and attrs.<name>.secret (true marks "
                            + "the attribute secret; one whose template mentions a secret field, or a field holding one, is secret anyway). An attribute "
                            + "named like a row field replaces that field in place.",
                    Width.LONG, "Computed attributes")
            .define(DROP, Type.LIST, List.of(), null, Importance.MEDIUM,
                    "Row fields to remove from the output, after the attributes were computed (templates still see them). "
                            + "Fields a row does not have are ignored.",
                    Width.LONG, "Dropped fields")
            .define(RENAME, Type.LIST, List.of(), new Renames(), Importance.MEDIUM,
                    "Output fields to rename, as old:new pairs; applied last, to row fields and attributes alike.",
                    Width.LONG, "Renamed fields")
            .define(KEY_FIELDS, Type.LIST, List.of(), null, Importance.MEDIUM,
                    "When set, the record key is recomputed as a Struct of these output fields (after renames), taken from "
                            + "after, or from before for deletes; hermes.primary.key follows. Tombstones keep their key.",
                    Width.LONG, "Key fields")
            .configDef();

    private final Mapping mapping;

    public JinjaMappingConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        List<Attribute> attributes = new ArrayList<>();
        NamedSettings.parse(originals, ATTRS, getList(ATTRS), JinjaMappingConfig::attributeDef)
                .forEach((name, attribute) -> attributes.add(attribute(name, attribute)));
        Set<String> dropped = new HashSet<>(getList(DROP));
        for (Attribute attribute : attributes) {
            if (dropped.contains(attribute.name())) {
                throw new ConfigException(DROP, getList(DROP), "'" + attribute.name() + "' is a computed attribute: remove it from "
                        + ATTRS + " instead of dropping it");
            }
        }
        this.mapping = new Mapping(attributes, dropped, Renames.parse(RENAME, getList(RENAME)), getList(KEY_FIELDS));
    }

    public Mapping mapping() {
        return mapping;
    }

    /** The keys of one attribute, under {@code attrs.<name>.}; the template is compiled (and so checked) by {@link ConfiguredTemplate}. */
    static ConfigDef attributeDef(String prefix) {
        return new GroupedConfigDef()
                .group("Attribute " + prefix)
                .define(prefix + ATTR_TEMPLATE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                        "The Jinja template.", Width.LONG, "Template")
                .define(prefix + ATTR_TYPE, Type.STRING, null, new TypeName(), Importance.MEDIUM, "The output type.", Width.SHORT, "Type")
                .define(prefix + ATTR_SECRET, Type.BOOLEAN, false, null, Importance.MEDIUM, "Whether the attribute is secret.",
                        Width.SHORT, "Secret")
                .configDef();
    }

    private static Attribute attribute(String name, AbstractConfig attribute) {
        String prefix = ATTRS + "." + name + ".";
        String type = attribute.getString(prefix + ATTR_TYPE);
        return new Attribute(name, ConfiguredTemplate.compile(prefix + ATTR_TEMPLATE, attribute.getString(prefix + ATTR_TEMPLATE)),
                type == null ? null : AttributeType.parse(type), attribute.getBoolean(prefix + ATTR_SECRET));
    }

    /** One of the {@link AttributeType} names. */
    private static final class TypeName implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                if (value != null) {
                    AttributeType.parse(value.toString());
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return AttributeType.DESCRIPTION;
        }
    }

    /** {@code old:new} pairs, each name renamed at most once and no two to the same name. */
    private static final class Renames implements ConfigDef.Validator {

        static Map<String, String> parse(String key, List<?> pairs) {
            Map<String, String> renames = new LinkedHashMap<>();
            Set<String> targets = new HashSet<>();
            for (Object item : pairs) {
                String pair = item.toString();
                String[] parts = pair.split(":", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new ConfigException(key, pairs, "'" + pair + "' is not an old:new pair");
                }
                if (renames.put(parts[0].trim(), parts[1].trim()) != null || !targets.add(parts[1].trim())) {
                    throw new ConfigException(key, pairs, "'" + pair + "' renames a field twice or two fields to one name");
                }
            }
            return renames;
        }

        @Override
        public void ensureValid(String name, Object value) {
            parse(name, (List<?>) value);
        }

        @Override
        public String toString() {
            return "old:new pairs, e.g. login:uid,mail:email";
        }
    }
}
