package io.hermesconnect.source.diff.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The Connect types of a type's template-mapped attributes, written as Kafka's {@code Cast} transform writes its
 * spec: {@code name:type} pairs, e.g. {@code uid_number:int64,active:boolean}. Every schema is optional (any attribute
 * may be absent). Validator of the {@code types.<T>.attribute.types} key, and its parser.
 */
final class AttributeTypes implements ConfigDef.Validator {

    private static final List<Schema.Type> SUPPORTED = List.of(Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32,
            Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING,
            Schema.Type.BYTES);

    /** The schema of each named attribute, in the order given. */
    static Map<String, Schema> parse(String key, List<?> pairs) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Object item : pairs) {
            String pair = item.toString();
            String[] parts = pair.split(":", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new ConfigException(key, pairs, "'" + pair + "' is not a name:type pair");
            }
            Schema.Type type = SUPPORTED.stream().filter(t -> t.getName().equals(parts[1].trim().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException(key, pairs, "'" + parts[1].trim() + "' is not " + typeNames()));
            if (schemas.put(parts[0].trim(), SchemaBuilder.type(type).optional().build()) != null) {
                throw new ConfigException(key, pairs, "'" + parts[0].trim() + "' is given a type twice");
            }
        }
        return schemas;
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value != null) {
            parse(name, (List<?>) value);
        }
    }

    @Override
    public String toString() {
        return "name:type pairs, each type " + typeNames() + ", e.g. uid_number:int64,active:boolean";
    }

    private static String typeNames() {
        return "one of " + String.join(", ", SUPPORTED.stream().map(Schema.Type::getName).toList());
    }
}
