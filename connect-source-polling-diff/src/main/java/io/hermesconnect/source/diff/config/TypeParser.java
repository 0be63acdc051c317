package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.PrefixedConfigs;
import io.hermesconnect.common.jinja.JinjaEngine;
import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PollAbortedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.data.Schema;

/**
 * Parses one type ({@code types.<T>.*} and its {@code types.<T>.sources.<S>.*}) into a {@link TypePlan}, reporting
 * every problem on its key. Foreign keys, which need every type, are checked by {@link ForeignKeys}.
 */
final class TypeParser {

    private final List<String> earlierTypes;
    private final Map<String, SourceSettings> sources;
    private final List<String> declaredSources;
    private final ConfigErrors errors;

    /**
     * @param earlierTypes    the types declared before this one, whose variables query templates see
     * @param sources         the sources whose settings parsed, by name
     * @param declaredSources every source listed in {@code sources}
     */
    TypeParser(List<String> earlierTypes, Map<String, SourceSettings> sources, List<String> declaredSources, ConfigErrors errors) {
        this.earlierTypes = earlierTypes;
        this.sources = sources;
        this.declaredSources = declaredSources;
        this.errors = errors;
    }

    /**
     * @param settings the type's settings, {@code types.<T>.} stripped
     * @return the type, or null when its settings have problems (reported)
     */
    TypePlan parse(String type, Map<String, Object> settings) {
        String prefix = TypeConfigs.typePrefix(type);
        int before = errors.count();
        NestedSettings parsed = NestedSettings.parse(prefix, TypeConfigs.typeDefinition(prefix), settings,
                List.of(TypeConfigs.FOREIGN_KEYS, TypeConfigs.SOURCES + "."), errors);
        List<String> sourceNames = parsed.list(TypeConfigs.SOURCES);
        sourceNames.stream().filter(source -> !declaredSources.contains(source))
                .forEach(source -> errors.add(parsed.key(TypeConfigs.SOURCES), "'" + source + "' is not a source listed in "
                        + PollingDiffConfig.SOURCES + " (listed: " + String.join(", ", declaredSources) + ")"));
        PrefixedConfigs bySource = PrefixedConfigs.split(settings, TypeConfigs.SOURCES, sourceNames);
        bySource.undeclaredKeys().forEach(key -> errors.add(prefix + key, bySource.problem(prefix + key)));
        Map<String, Schema> declaredTypes = AttributeTypes.parse(parsed.key(TypeConfigs.ATTRIBUTE_TYPES),
                parsed.list(TypeConfigs.ATTRIBUTE_TYPES));
        List<TypeSourcePlan> typeSources = new ArrayList<>();
        for (String source : sourceNames) {
            SourceSettings settingsOfSource = sources.get(source);
            TypeSourcePlan plan = settingsOfSource == null ? null : new TypeSourceParser(type, earlierTypes, errors)
                    .parse(settingsOfSource, bySource.settings(source), declaredTypes);
            if (plan != null) {
                typeSources.add(plan);
            }
        }
        List<ForeignKey> foreignKeys = ForeignKeys.declared(type, parsed.family(TypeConfigs.FOREIGN_KEYS), errors);
        // the checks across the type's keys need every source's mapping: after a problem, they would only add noise
        if (typeSources.size() < sourceNames.size() || errors.count() > before) {
            return null;
        }
        ObjectType objectType = objectType(type, parsed, typeSources);
        if (errors.count() > before) {
            return null;
        }
        return new TypePlan(objectType, TypeConfigs.CONFLICT_POLICIES.parse(parsed.string(TypeConfigs.MERGE_CONFLICT_POLICY)),
                typeSources, template(parsed, TypeConfigs.INTEGRITY_CONSTRAINT).map(List::of).orElse(List.of()),
                foreignKeys);
    }

    /** The type's model, after checking that every source maps the key and that classed attributes are mapped. */
    private ObjectType objectType(String type, NestedSettings parsed, List<TypeSourcePlan> typeSources) {
        List<String> primaryKey = parsed.list(TypeConfigs.PRIMARY_KEY);
        for (TypeSourcePlan source : typeSources) {
            Set<String> missing = new TreeSet<>(primaryKey);
            missing.removeAll(source.mapping().attributeNames());
            if (!missing.isEmpty()) {
                errors.add(parsed.key(TypeConfigs.PRIMARY_KEY), "Source '" + source.source() + "' does not map the key attribute"
                        + (missing.size() > 1 ? "s " : " ") + missing + ": every source of the type must ("
                        + TypeConfigs.typeSourcePrefix(type, source.source()) + TypeConfigs.ATTRS + missing.iterator().next() + ")");
            }
        }
        Set<String> mapped = new TreeSet<>();
        typeSources.forEach(source -> mapped.addAll(source.mapping().attributeNames()));
        Map<String, AttributeClass> classes = new LinkedHashMap<>();
        classify(parsed, TypeConfigs.SECRET_ATTRIBUTES, AttributeClass.SECRET, mapped, primaryKey, classes);
        classify(parsed, TypeConfigs.CACHE_ONLY_ATTRIBUTES, AttributeClass.CACHE_ONLY, mapped, primaryKey, classes);
        classify(parsed, TypeConfigs.LOCAL_ATTRIBUTES, AttributeClass.LOCAL, mapped, primaryKey, classes);
        return new ObjectType(type, primaryKey, classes, template(parsed, TypeConfigs.TO_STRING).orElse(null));
    }

    private void classify(NestedSettings parsed, String setting, AttributeClass attributeClass, Set<String> mapped,
                          List<String> primaryKey, Map<String, AttributeClass> classes) {
        String key = parsed.key(setting);
        for (String attribute : parsed.list(setting)) {
            if (!mapped.contains(attribute)) {
                errors.add(key, "'" + attribute + "' is not mapped by any source of the type (mapped: " + mapped + ")");
            } else if (primaryKey.contains(attribute)) {
                errors.add(key, "'" + attribute + "' is a primary key attribute, which is always sent and stored");
            } else if (classes.putIfAbsent(attribute, attributeClass) != null) {
                errors.add(key, "'" + attribute + "' is already listed as " + EnumChoice.nameOf(classes.get(attribute))
                        + "; an attribute has one class");
            }
        }
    }

    /** The compiled template of a key, if set and valid. */
    static Optional<NamedTemplate> template(NestedSettings parsed, String setting) {
        String text = parsed.string(setting);
        return text == null ? Optional.empty()
                : Optional.of(new NamedTemplate(parsed.key(setting), JinjaEngine.shared().compile(text)));
    }

    /** Renders a query template as validation does, with the earlier types empty; reports a failure on its key. */
    static void checkRendersWithEarlierTypes(NamedTemplate template, String type, List<String> names, ConfigErrors errors) {
        try {
            template.render(PollPlan.emptyTypes(names), "validation, with the types before " + type + " empty");
        } catch (PollAbortedException e) {
            errors.add(template.configKey(), e.getMessage() + ". A query of type " + type + " sees only the types declared "
                    + "before it" + (names.isEmpty() ? " (none)" : ": " + String.join(", ", names) + " (and their _pkeys)"));
        }
    }
}
