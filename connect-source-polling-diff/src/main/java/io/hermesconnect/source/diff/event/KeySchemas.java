package io.hermesconnect.source.diff.event;

import io.hermesconnect.source.diff.store.StoredKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * A type's key schema as the state keeps it ({@link StoredKey}): each key field's Connect type, logical name and
 * parameters in one line of text, e.g. {@code INT32}, {@code INT32 org.apache.kafka.connect.data.Date 1} (name and
 * version) or {@code BYTES org.apache.kafka.connect.data.Decimal 1 scale=2}. Enough to rebuild the exact key schema of the type's
 * events, which its deletes must repeat so that compaction removes the objects: the stored values alone cannot tell
 * an INT32 from an INT64, nor a Date from a Timestamp.
 */
public final class KeySchemas {

    private KeySchemas() {
    }

    /** The stored form of a type's key schema. */
    public static StoredKey stored(Schema keySchema) {
        List<String> attributes = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        for (Field field : keySchema.fields()) {
            attributes.add(field.name());
            schemas.add(describe(field.schema()));
        }
        return new StoredKey(attributes, schemas);
    }

    /** The key fields' schemas of a stored key, in key order. */
    public static List<Schema> schemas(StoredKey key) {
        return key.schemas().stream().map(KeySchemas::parse).toList();
    }

    private static String describe(Schema schema) {
        StringBuilder text = new StringBuilder(schema.type().name());
        if (schema.name() != null) {
            text.append(' ').append(schema.name()).append(' ').append(schema.version() == null ? "-" : schema.version());
            Map<String, String> parameters = schema.parameters() == null ? Map.of() : schema.parameters();
            parameters.forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        }
        return text.toString();
    }

    private static Schema parse(String text) {
        String[] parts = text.split(" ");
        SchemaBuilder builder = SchemaBuilder.type(Schema.Type.valueOf(parts[0]));
        if (parts.length > 1) {
            builder.name(parts[1]);
            if (!parts[2].equals("-")) {
                builder.version(Integer.valueOf(parts[2]));
            }
        }
        for (int i = 3; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            builder.parameter(parts[i].substring(0, equals), parts[i].substring(equals + 1));
        }
        return builder.build();
    }
}
