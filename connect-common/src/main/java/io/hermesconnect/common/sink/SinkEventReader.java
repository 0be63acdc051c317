package io.hermesconnect.common.sink;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.event.SchemaParameters;
import io.hermesconnect.common.event.TransactionMetadata;
import io.hermesconnect.common.event.UnchangedToast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads a record into the {@link SinkEvent} a sink applies: our change events and Debezium's (the same envelope,
 * read through {@link ChangeEvent}) and tombstones. {@code c} and {@code r} become {@link SinkOperation#ADD},
 * {@code u} {@link SinkOperation#MODIFY}, {@code d} and tombstones {@link SinkOperation#REMOVE}.
 *
 * <p>The object's kind is the event's {@code schema.table} (the type name for the diff source). A tombstone has
 * no source block: its kind comes from its key schema name, {@code <prefix>.<schema>.<table>.Key} (ours and
 * Debezium's), without the prefix. The key values are the record key's fields; a record without a key is keyed
 * by the {@code hermes.primary.key} fields of its row.
 *
 * <p>A plain record, whose value is a Struct without the envelope or a schemaless map, is an upsert
 * ({@link SinkOperation#MODIFY}: make the object equal to the value, creating it if missing) of an object of the
 * kind named like its topic, keyed by its record key; a plain record's tombstone (a key without our key schema
 * name) removes that object.
 */
public final class SinkEventReader {

    private static final String KEY_SCHEMA_SUFFIX = ".Key";

    private SinkEventReader() {
    }

    /**
     * The event a record carries, or empty for records that change no object: transaction BEGIN/END records,
     * logical decoding messages and truncates (a sink never wipes a target because a table was truncated).
     */
    public static Optional<SinkEvent> read(ConnectRecord<?> record) {
        if (record.value() == null) {
            return Optional.of(tombstone(record));
        }
        if (TransactionMetadata.isTransactionRecord(record)) {
            return Optional.empty();
        }
        if (!ChangeEvent.isChangeEvent(record)) {
            return Optional.of(plain(record));
        }
        ChangeEvent event = ChangeEvent.of(record);
        SinkOperation operation = switch (event.op()) {
            case CREATE, READ -> SinkOperation.ADD;
            case UPDATE -> SinkOperation.MODIFY;
            case DELETE -> SinkOperation.REMOVE;
            case TRUNCATE, MESSAGE -> null;
        };
        if (operation == null) {
            return Optional.empty();
        }
        Set<String> unchanged = new HashSet<>();
        Map<String, Object> after = operation == SinkOperation.REMOVE ? null : fields(event.after(), unchanged);
        Map<String, Object> before = fields(event.before(), new HashSet<>());
        ObjectKey object = new ObjectKey(event.dataCollection(), keyValues(record, event));
        return Optional.of(new SinkEvent(object, operation, before, after, unchanged,
                parentKinds(record), secretFields(event.rowSchema()), record));
    }

    private static SinkEvent tombstone(ConnectRecord<?> record) {
        Schema keySchema = record.keySchema();
        String name = keySchema == null ? null : keySchema.name();
        boolean eventKey = name != null && name.endsWith(KEY_SCHEMA_SUFFIX) && name.indexOf('.') != name.lastIndexOf('.');
        String kind = eventKey ? name.substring(name.indexOf('.') + 1, name.length() - KEY_SCHEMA_SUFFIX.length()) : record.topic();
        return new SinkEvent(new ObjectKey(kind, plainKeyValues(record, "Tombstone")), SinkOperation.REMOVE,
                null, null, Set.of(), Map.of(), Set.of(), record);
    }

    /** A record without the envelope: an upsert of the object its key names, of the kind named like its topic. */
    private static SinkEvent plain(ConnectRecord<?> record) {
        Map<String, Object> after;
        if (record.value() instanceof Struct struct) {
            after = fields(struct, new HashSet<>());
        } else if (record.value() instanceof Map<?, ?> map) {
            after = fields(map, "The value of a record on topic '" + record.topic() + "'");
        } else {
            throw new DataException("Record on topic '" + record.topic() + "' is neither a change event nor a Struct or "
                    + "map of fields (its value is a " + record.value().getClass().getSimpleName() + ")");
        }
        return new SinkEvent(new ObjectKey(record.topic(), plainKeyValues(record, "Record")), SinkOperation.MODIFY,
                null, after, Set.of(), Map.of(), Set.of(), record);
    }

    private static List<Object> plainKeyValues(ConnectRecord<?> record, String what) {
        if (record.key() == null) {
            throw new DataException(what + " on topic '" + record.topic() + "' has no key: a sink cannot tell which "
                    + "object it changes");
        }
        return keyValues(record);
    }

    private static List<Object> keyValues(ConnectRecord<?> record, ChangeEvent event) {
        if (record.key() != null) {
            return keyValues(record);
        }
        List<String> primaryKey = SchemaParameters.primaryKey(record.valueSchema());
        if (primaryKey.isEmpty()) {
            throw new DataException("Change event of '" + event.dataCollection() + "' on topic '" + record.topic()
                    + "' has neither a key nor a " + SchemaParameters.PRIMARY_KEY + " schema parameter: a sink cannot tell "
                    + "which object it changes");
        }
        List<Object> values = new ArrayList<>(primaryKey.size());
        for (String field : primaryKey) {
            values.add(event.row().get(field));
        }
        return values;
    }

    /**
     * A key Struct's field values in key order; a schemaless key map's values in the order of their names (a JSON
     * object's member order is not kept); a key of another type is the single value.
     */
    private static List<Object> keyValues(ConnectRecord<?> record) {
        Object key = record.key();
        if (key instanceof Map<?, ?> map) {
            return List.copyOf(new TreeMap<>(fields(map, "The key of a record on topic '" + record.topic() + "'")).values());
        }
        if (!(key instanceof Struct struct)) {
            return List.of(key);
        }
        List<Object> values = new ArrayList<>(struct.schema().fields().size());
        for (Field field : struct.schema().fields()) {
            values.add(struct.get(field));
        }
        return values;
    }

    /** A row's fields by name, without unchanged-TOAST placeholders, whose names go to {@code unchanged}. */
    private static Map<String, Object> fields(Struct row, Set<String> unchanged) {
        if (row == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Field field : row.schema().fields()) {
            Object value = row.get(field);
            if (UnchangedToast.isPlaceholder(value)) {
                unchanged.add(field.name());
            } else {
                fields.put(field.name(), value);
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    /** A schemaless map's entries as fields; its names must be text ({@code what} names the map in errors). */
    private static Map<String, Object> fields(Map<?, ?> map, String what) {
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (!(name instanceof String field)) {
                throw new DataException(what + " is a map with a field name that is not text");
            }
            fields.put(field, value);
        });
        return Collections.unmodifiableMap(fields);
    }

    /** {@code hermes.foreign.key.<field>=<type>.<field>} parameters as field to parent kind. */
    private static Map<String, String> parentKinds(ConnectRecord<?> record) {
        Map<String, String> parents = new LinkedHashMap<>();
        SchemaParameters.foreignKeys(record.valueSchema()).forEach((field, reference) -> {
            int dot = reference.lastIndexOf('.');
            if (dot <= 0) {
                throw new DataException("Schema parameter " + SchemaParameters.FOREIGN_KEY_PREFIX + field + " on topic '"
                        + record.topic() + "' is not of the form <type>.<field>");
            }
            parents.put(field, reference.substring(0, dot));
        });
        return parents;
    }

    private static Set<String> secretFields(Schema rowSchema) {
        Set<String> secrets = new HashSet<>();
        for (Field field : rowSchema.fields()) {
            if (SchemaParameters.isSecret(field.schema())) {
                secrets.add(field.name());
            }
        }
        return secrets;
    }
}
