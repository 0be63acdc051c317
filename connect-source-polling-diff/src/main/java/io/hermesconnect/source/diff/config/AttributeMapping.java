package io.hermesconnect.source.diff.config;

import io.hermesconnect.source.diff.model.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.data.Schema;

/**
 * How one source's rows become one type's attributes ({@code types.<T>.sources.<S>.attrs.*}): each attribute is a
 * column, a list of columns or a Jinja expression over the columns ({@link MappedAttribute}). Immutable and
 * thread-safe; templates are compiled once, when the config is parsed.
 */
public final class AttributeMapping {

    private final Map<String, MappedAttribute> attributes;
    private final Map<String, Schema> declaredTypes;

    /**
     * @param attributes    each attribute's mapping, by attribute name
     * @param declaredTypes the schemas {@code types.<T>.attribute.types} gives template-mapped attributes
     */
    AttributeMapping(Map<String, MappedAttribute> attributes, Map<String, Schema> declaredTypes) {
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.declaredTypes = Map.copyOf(declaredTypes);
    }

    /** The attributes mapped, in name order. */
    public Set<String> attributeNames() {
        return attributes.keySet();
    }

    /**
     * A row's attributes: absent ones (null, an empty list, an empty map) are left out.
     *
     * @param row the row, column name to value
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when a template fails, naming its key
     */
    public Map<String, Object> map(Map<String, Object> row) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> {
            Object value = attribute.value(row);
            if (!Values.isAbsent(value)) {
                mapped.put(name, value);
            }
        });
        return mapped;
    }

    /** The columns the mapping reads by name; templates other than a bare reference read columns it cannot name. */
    public Set<String> columns() {
        Set<String> columns = new TreeSet<>();
        attributes.values().forEach(attribute -> columns.addAll(attribute.columns()));
        return columns;
    }

    /** Whether every column the mapping reads is in {@link #columns()}: no template other than a bare reference. */
    public boolean namesEveryColumn() {
        return attributes.values().stream().noneMatch(attribute -> attribute instanceof MappedAttribute.Expression
                && attribute.columns().isEmpty());
    }

    /**
     * Each attribute's Connect schema: a column's schema, an array of the columns' common schema for a list, the
     * declared type of a template (else its column's schema for a bare reference, else an optional string).
     *
     * @param describedColumns the query's columns and their schemas, as the source describes them
     * @throws InvalidSettingException on the first attribute that reads an unknown column or mixes column types
     */
    public Map<String, Schema> schema(Map<String, Schema> describedColumns) {
        ConfigErrors errors = new ConfigErrors();
        Map<String, Schema> schemas = schema(describedColumns, errors);
        errors.throwIfAny();
        return schemas;
    }

    /** {@link #schema(Map)}, every problem reported on its attribute's key; attributes with a problem are left out. */
    Map<String, Schema> schema(Map<String, Schema> describedColumns, ConfigErrors errors) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> {
            Set<String> unknown = new TreeSet<>(attribute.columns());
            unknown.removeAll(describedColumns.keySet());
            if (!unknown.isEmpty()) {
                errors.add(attribute.key(), "The query returns no column " + unknown + "; its columns are "
                        + describedColumns.keySet());
                return;
            }
            try {
                schemas.put(name, attribute.schema(describedColumns, declaredTypes.get(name)));
            } catch (InvalidSettingException e) {
                errors.add(e);
            }
        });
        return schemas;
    }

    /** The key of the first attribute (by name) that reads a column, if one names it. */
    Optional<String> keyReading(String column) {
        return attributes.values().stream().filter(attribute -> attribute.columns().contains(column))
                .map(MappedAttribute::key).findFirst();
    }

    /** The mapping's config key of an attribute. */
    String key(String attribute) {
        return attributes.get(attribute).key();
    }
}
