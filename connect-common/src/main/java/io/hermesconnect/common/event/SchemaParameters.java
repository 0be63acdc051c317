package io.hermesconnect.common.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Model metadata carried as schema parameters, so that sinks know keys, links and secrets without
 * another channel: {@code hermes.primary.key} and {@code hermes.foreign.key.<field>} on the envelope's
 * value schema, {@code hermes.secret=true} on a secret field's schema.
 */
public final class SchemaParameters {

    public static final String PRIMARY_KEY = "hermes.primary.key";
    public static final String FOREIGN_KEY_PREFIX = "hermes.foreign.key.";
    public static final String SECRET = "hermes.secret";

    private SchemaParameters() {
    }

    /** The primary-key fields declared on a value schema, in key order; empty when none are declared. */
    public static List<String> primaryKey(Schema valueSchema) {
        String keys = parameter(valueSchema, PRIMARY_KEY);
        return keys == null || keys.isEmpty() ? List.of() : List.of(keys.split(","));
    }

    /** Foreign keys declared on a value schema: field name to {@code <type>.<field>}. */
    public static Map<String, String> foreignKeys(Schema valueSchema) {
        Map<String, String> out = new LinkedHashMap<>();
        if (valueSchema != null && valueSchema.parameters() != null) {
            valueSchema.parameters().forEach((key, value) -> {
                if (key.startsWith(FOREIGN_KEY_PREFIX)) {
                    out.put(key.substring(FOREIGN_KEY_PREFIX.length()), value);
                }
            });
        }
        return out;
    }

    /** Whether a field's schema is marked secret: its values must never be logged or stored. */
    public static boolean isSecret(Schema fieldSchema) {
        return "true".equals(parameter(fieldSchema, SECRET));
    }

    /**
     * Whether values of this schema are secret or hold one: the schema is marked, or a field, element, key or value
     * of it is, at any depth. Anything computed from such a value (printed, serialised, iterated) is secret too.
     */
    public static boolean holdsSecret(Schema schema) {
        if (isSecret(schema)) {
            return true;
        }
        return switch (schema.type()) {
            case STRUCT -> schema.fields().stream().anyMatch(field -> holdsSecret(field.schema()));
            case ARRAY -> holdsSecret(schema.valueSchema());
            case MAP -> holdsSecret(schema.keySchema()) || holdsSecret(schema.valueSchema());
            default -> false;
        };
    }

    /** A copy of a field schema marked {@code hermes.secret=true}; type, name, optionality and default are kept. */
    public static Schema markedSecret(Schema fieldSchema) {
        return isSecret(fieldSchema) ? fieldSchema : withParameter(fieldSchema, SECRET, "true");
    }

    /** A copy of {@code schema} with one more parameter; Connect schemas are immutable. */
    private static Schema withParameter(Schema schema, String name, String value) {
        SchemaBuilder copy = switch (schema.type()) {
            case STRUCT -> {
                SchemaBuilder struct = SchemaBuilder.struct();
                schema.fields().forEach(f -> struct.field(f.name(), f.schema()));
                yield struct;
            }
            case ARRAY -> SchemaBuilder.array(schema.valueSchema());
            case MAP -> SchemaBuilder.map(schema.keySchema(), schema.valueSchema());
            default -> SchemaBuilder.type(schema.type());
        };
        copy.name(schema.name()).version(schema.version()).doc(schema.doc());
        if (schema.parameters() != null) {
            copy.parameters(schema.parameters());
        }
        copy.parameter(name, value);
        if (schema.isOptional()) {
            copy.optional();
        }
        if (schema.defaultValue() != null) {
            copy.defaultValue(schema.defaultValue());
        }
        return copy.build();
    }

    private static String parameter(Schema schema, String name) {
        return schema == null || schema.parameters() == null ? null : schema.parameters().get(name);
    }
}
