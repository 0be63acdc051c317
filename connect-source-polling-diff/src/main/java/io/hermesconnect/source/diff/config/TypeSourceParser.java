package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.model.NamedTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;

/** Parses how one type reads one source ({@code types.<T>.sources.<S>.*}) into a {@link TypeSourcePlan}. */
final class TypeSourceParser {

    private static final List<String> JDBC_ONLY = List.of(TypeConfigs.QUERY, TypeConfigs.COMMIT_ONE, TypeConfigs.COMMIT_ALL);
    private static final List<String> LDAP_ONLY = List.of(TypeConfigs.LDAP_BASE, TypeConfigs.LDAP_FILTER, TypeConfigs.LDAP_SCOPE);

    private final String type;
    private final List<String> earlierTypes;
    private final ConfigErrors errors;

    TypeSourceParser(String type, List<String> earlierTypes, ConfigErrors errors) {
        this.type = type;
        this.earlierTypes = earlierTypes;
        this.errors = errors;
    }

    /**
     * @param settings      the type-source's settings, {@code types.<T>.sources.<S>.} stripped
     * @param declaredTypes the schemas the type's {@code attribute.types} declares
     * @return the plan, or null when its settings have problems (reported)
     */
    TypeSourcePlan parse(SourceSettings source, Map<String, Object> settings, Map<String, Schema> declaredTypes) {
        String prefix = TypeConfigs.typeSourcePrefix(type, source.name());
        int before = errors.count();
        NestedSettings parsed = NestedSettings.parse(prefix, TypeConfigs.typeSourceDefinition(prefix), settings,
                List.of(TypeConfigs.ATTRS), errors);
        boolean jdbc = source instanceof JdbcSourceSettings;
        String kind = EnumChoice.nameOf(jdbc ? SourceKind.JDBC : SourceKind.LDAP);
        (jdbc ? LDAP_ONLY : JDBC_ONLY).stream().filter(settings::containsKey).forEach(setting -> errors.add(prefix + setting,
                "Not a setting of " + kind + " sources ('" + source.name() + "' is " + kind + ")"));
        AttributeMapping mapping = mapping(parsed, declaredTypes);
        SourceQuery query = jdbc ? sql(parsed, kind) : ldapSearch(parsed, kind, mapping);
        if (query == null || errors.count() > before) {
            return null;
        }
        return new TypeSourcePlan(source.name(), query, mapping,
                TypeConfigs.KEY_MERGE_CONSTRAINTS.parse(parsed.string(TypeConfigs.KEY_MERGE_CONSTRAINT)),
                TypeParser.template(parsed, TypeConfigs.MERGE_CONSTRAINT).map(List::of).orElse(List.of()),
                TypeParser.template(parsed, TypeConfigs.COMMIT_ONE).orElse(null),
                TypeParser.template(parsed, TypeConfigs.COMMIT_ALL).orElse(null));
    }

    private AttributeMapping mapping(NestedSettings parsed, Map<String, Schema> declaredTypes) {
        Map<String, MappedAttribute> attributes = new LinkedHashMap<>();
        parsed.family(TypeConfigs.ATTRS).forEach((attribute, value) -> {
            try {
                attributes.put(attribute, MappedAttribute.parse(parsed.key(TypeConfigs.ATTRS + attribute), value));
            } catch (InvalidSettingException e) {
                errors.add(e);
            }
        });
        return new AttributeMapping(attributes, declaredTypes);
    }

    private SourceQuery sql(NestedSettings parsed, String kind) {
        return required(parsed, TypeConfigs.QUERY, kind) ? new SourceQuery.Sql(checkedQuery(parsed, TypeConfigs.QUERY)) : null;
    }

    private SourceQuery ldapSearch(NestedSettings parsed, String kind, AttributeMapping mapping) {
        if (!required(parsed, TypeConfigs.LDAP_BASE, kind) || parsed.string(TypeConfigs.LDAP_FILTER) == null) {
            return null;
        }
        return new SourceQuery.LdapSearch(checkedQuery(parsed, TypeConfigs.LDAP_BASE), checkedQuery(parsed, TypeConfigs.LDAP_FILTER),
                TypeConfigs.LDAP_SCOPES.parse(parsed.string(TypeConfigs.LDAP_SCOPE)),
                mapping.namesEveryColumn() ? List.copyOf(mapping.columns()) : List.of());
    }

    private boolean required(NestedSettings parsed, String setting, String kind) {
        String value = parsed.string(setting);
        if (value == null || value.isBlank()) {
            if (!errors.anyOn(List.of(parsed.key(setting)))) {
                errors.add(parsed.key(setting), "Required when the source is " + kind);
            }
            return false;
        }
        return true;
    }

    private NamedTemplate checkedQuery(NestedSettings parsed, String setting) {
        NamedTemplate template = TypeParser.template(parsed, setting).orElseThrow();
        TypeParser.checkRendersWithEarlierTypes(template, type, earlierTypes, errors);
        return template;
    }
}
