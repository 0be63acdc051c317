package io.hermesconnect.source.diff.event;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.state.SecretDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * The Connect schemas of one type's events and the conversion of its objects into rows. A row holds the sent
 * attributes (normal and secret, in declared order); cache-only and local attributes never leave the connector.
 * The key fields are required, every other field optional.
 */
public final class TypeSchema {

    private final ObjectType type;
    private final String db;
    private final ChangeEventSchemas schemas;

    /**
     * @param topicPrefix the connector's topic prefix: schema names are {@code <prefix>.<type>.Key / .Value / .Envelope}
     * @param type        the type
     * @param sources     the names of its sources, in declared order: {@code source.db} names them
     * @param attributes  every attribute the type's sources map, in declared order, with its schema
     * @param foreignKeys the type's foreign keys, attribute to {@code <Parent>.<attr>}
     */
    public TypeSchema(String topicPrefix, ObjectType type, List<String> sources, Map<String, Schema> attributes,
                      Map<String, String> foreignKeys) {
        this.type = Objects.requireNonNull(type, "type");
        this.db = String.join(",", sources);
        ChangeEventSchemas.Builder builder = ChangeEventSchemas.builder(topicPrefix, type.name());
        attributes.forEach((name, schema) -> {
            AttributeClass attributeClass = type.attributeClass(name);
            Schema fieldSchema = type.primaryKey().contains(name) ? required(schema) : schema;
            if (attributeClass == AttributeClass.NORMAL) {
                builder.column(name, fieldSchema);
            } else if (attributeClass == AttributeClass.SECRET) {
                builder.secretColumn(name, fieldSchema);
            }
        });
        builder.primaryKey(type.primaryKey());
        foreignKeys.forEach(builder::foreignKey);
        this.schemas = builder.build();
    }

    /**
     * The schemas of a type known only by how it was stored (a type no longer configured, or stored under another
     * primary key): its key attributes with the schemas its events had. For delete events only.
     */
    public static TypeSchema keyOnly(String topicPrefix, ObjectType type, List<Schema> keySchemas) {
        Map<String, Schema> attributes = new LinkedHashMap<>();
        for (int i = 0; i < keySchemas.size(); i++) {
            attributes.put(type.primaryKey().get(i), keySchemas.get(i));
        }
        return new TypeSchema(topicPrefix, type, List.of(), attributes, Map.of());
    }

    /** The type. */
    public ObjectType type() {
        return type;
    }

    /** What {@code source.db} says of the type's events: its sources' names, comma-separated. */
    public String db() {
        return db;
    }

    /** The key, row and envelope schemas. */
    public ChangeEventSchemas schemas() {
        return schemas;
    }

    /**
     * The row of an object: its sent attributes, converted to their field's Java type. A field the object lacks is
     * null; in a stored object (a {@code before}) a secret is only a hash, which is never sent: the field is null.
     *
     * @throws DataException when a value does not fit its field (the poll checks this first, with {@link #check})
     */
    public Struct row(DataObject object) {
        Struct row = new Struct(schemas.rowSchema());
        for (Field field : schemas.rowSchema().fields()) {
            row.put(field, fieldValue(field, object));
        }
        return row;
    }

    /**
     * Checks that every sent attribute of a polled object fits its field, without building its row: a value that does
     * not must fail the poll before any of its events is emitted.
     *
     * @throws DataException naming the type and attribute, never the value
     */
    public void check(DataObject object) {
        for (Field field : schemas.rowSchema().fields()) {
            fieldValue(field, object);
        }
    }

    private Object fieldValue(Field field, DataObject object) {
        Object value = object.get(field.name());
        if (value instanceof SecretDigest) {
            return null;
        }
        try {
            return ConnectValues.convert(field.schema(), value);
        } catch (DataException e) {
            throw new DataException("Type '" + type.name() + "', attribute '" + field.name() + "': " + e.getMessage(), e);
        }
    }

    private static Schema required(Schema schema) {
        if (schema.type() == Schema.Type.ARRAY || schema.type() == Schema.Type.MAP) {
            throw new DataException("A primary key attribute cannot be a list or map");
        }
        if (!schema.isOptional()) {
            return schema;
        }
        SchemaBuilder builder = new SchemaBuilder(schema.type()).name(schema.name()).version(schema.version())
                .doc(schema.doc());
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        return builder.build();
    }
}
