package io.hermesconnect.source.diff.config;

import io.hermesconnect.source.diff.merge.ConflictPolicy;
import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;

/**
 * One declared type ({@code types.<T>.*}): its object model, its sources in merge order, its integrity constraints and
 * foreign keys.
 *
 * @param type                 the type's name, primary key, attribute classes and {@code to.string}
 * @param conflictPolicy       what a merge conflict between its sources does
 * @param sources              its sources, in merge order
 * @param integrityConstraints boolean templates over {@code _SELF}, {@code <Type>} and {@code <Type>_pkeys} that each
 *                             object must satisfy (none, or the one configured)
 * @param foreignKeys          its attributes that refer to other types
 */
public record TypePlan(ObjectType type, ConflictPolicy conflictPolicy, List<TypeSourcePlan> sources,
                       List<NamedTemplate> integrityConstraints, List<ForeignKey> foreignKeys) {

    /** Copies the lists. */
    public TypePlan {
        sources = List.copyOf(sources);
        integrityConstraints = List.copyOf(integrityConstraints);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** The type's name. */
    public String name() {
        return type.name();
    }

    /** The foreign keys as the event schema publishes them: attribute to {@code <Parent>.<attr>}. */
    public Map<String, String> foreignKeyReferences() {
        Map<String, String> references = new LinkedHashMap<>();
        foreignKeys.forEach(foreignKey -> references.put(foreignKey.attribute(), foreignKey.reference()));
        return references;
    }

    /** Whether a source maps an attribute the type declares secret. */
    public boolean hasSecretAttributes() {
        return sources.stream().flatMap(source -> source.mapping().attributeNames().stream())
                .anyMatch(attribute -> type.attributeClass(attribute) == AttributeClass.SECRET);
    }

    /**
     * The Connect schema of each attribute: the union over the type's sources, in source order then attribute name.
     *
     * @param describedColumns each source's columns as the source describes its query, by source name
     * @throws InvalidSettingException on a mapping that reads an unknown column, or an attribute two sources give
     *                                 different schemas (the message names both keys)
     */
    public Map<String, Schema> attributeSchemas(Map<String, Map<String, Schema>> describedColumns) {
        ConfigErrors errors = new ConfigErrors();
        Map<String, Schema> union = attributeSchemas(describedColumns, errors);
        errors.throwIfAny();
        return union;
    }

    /** {@link #attributeSchemas(Map)}, every problem reported on its key; sources not described are skipped. */
    Map<String, Schema> attributeSchemas(Map<String, Map<String, Schema>> describedColumns, ConfigErrors errors) {
        Map<String, Schema> union = new LinkedHashMap<>();
        Map<String, String> keyOf = new LinkedHashMap<>();
        for (TypeSourcePlan source : sources) {
            Map<String, Schema> columns = describedColumns.get(source.source());
            if (columns == null) {
                continue;
            }
            source.mapping().schema(columns, errors).forEach((attribute, schema) -> {
                Schema before = union.putIfAbsent(attribute, schema);
                String key = source.mapping().key(attribute);
                if (before == null) {
                    keyOf.put(attribute, key);
                } else if (!before.equals(schema)) {
                    errors.add(key, "Attribute '" + attribute + "' has another type here than from " + keyOf.get(attribute)
                            + " (" + MappedAttribute.describe(schema) + " versus "
                            + MappedAttribute.describe(before) + "); one attribute has one type");
                }
            });
        }
        return union;
    }
}
