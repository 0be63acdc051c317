package io.hermesconnect.testkit.debezium;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;

/**
 * Field-by-field differences between our record and Debezium's: topic, partition, key, value and headers, each
 * schema (type, name, version, optionality, default, parameters, fields in order) and each value. The deliberate
 * differences of our event contract are not reported: our schema names of the source block and the transaction
 * records, the source block's additions ({@code poll}), and our {@code hermes.*} schema parameters.
 */
final class RecordDifferences {

    /** Our schema name to Debezium's, for the schemas named in our namespace. */
    private static final Map<String, String> OUR_NAMES = Map.of(
            "io.hermesconnect.Source", "io.debezium.connector.postgresql.Source",
            "io.hermesconnect.TransactionMetadataKey", "io.debezium.connector.common.TransactionMetadataKey",
            "io.hermesconnect.TransactionMetadataValue", "io.debezium.connector.common.TransactionMetadataValue");
    private static final String OUR_SOURCE = "io.hermesconnect.Source";
    /** Fields our source block has beyond Debezium's. */
    private static final List<String> OUR_SOURCE_ADDITIONS = List.of("poll");
    private static final String OUR_PARAMETER_PREFIX = "hermes.";

    private final List<String> found = new ArrayList<>();

    private RecordDifferences() {
    }

    static List<String> between(ConnectRecord<?> ours, ConnectRecord<?> theirs) {
        RecordDifferences differences = new RecordDifferences();
        differences.compareRecords(ours, theirs);
        return differences.found;
    }

    private void compareRecords(ConnectRecord<?> ours, ConnectRecord<?> theirs) {
        if (ours == null || theirs == null) {
            if (ours != theirs) {
                found.add("record: " + (ours == null ? "ours dropped, Debezium's kept" : "Debezium's dropped, ours kept"));
            }
            return;
        }
        same("topic", ours.topic(), theirs.topic());
        same("partition", ours.kafkaPartition(), theirs.kafkaPartition());
        compare("key", ours.keySchema(), ours.key(), theirs.keySchema(), theirs.key());
        compare("value", ours.valueSchema(), ours.value(), theirs.valueSchema(), theirs.value());
        Iterator<Header> ourHeaders = ours.headers().iterator();
        Iterator<Header> theirHeaders = theirs.headers().iterator();
        for (int i = 0; ourHeaders.hasNext() || theirHeaders.hasNext(); i++) {
            Header our = ourHeaders.hasNext() ? ourHeaders.next() : null;
            Header their = theirHeaders.hasNext() ? theirHeaders.next() : null;
            if (our == null || their == null || !our.key().equals(their.key())) {
                found.add("header " + i + ": ours " + (our == null ? "none" : "'" + our.key() + "'")
                        + ", Debezium's " + (their == null ? "none" : "'" + their.key() + "'"));
                continue;
            }
            compare("header " + our.key(), our.schema(), our.value(), their.schema(), their.value());
        }
    }

    private void compare(String path, Schema ours, Object ourValue, Schema theirs, Object theirValue) {
        if (ours == null || theirs == null) {
            if (ours != theirs) {
                found.add(path + ": schema " + describe(ours) + " vs Debezium's " + describe(theirs));
            } else {
                compareValues(path, null, ourValue, null, theirValue);
            }
            return;
        }
        if (!compareSchemas(path, ours, theirs)) {
            return;
        }
        compareValues(path, ours, ourValue, theirs, theirValue);
    }

    /** False when the types differ, so values cannot be compared. */
    private boolean compareSchemas(String path, Schema ours, Schema theirs) {
        if (ours.type() != theirs.type()) {
            found.add(path + ": type " + ours.type() + " vs Debezium's " + theirs.type());
            return false;
        }
        String expectedName = ours.name() == null ? null : OUR_NAMES.getOrDefault(ours.name(), ours.name());
        same(path + ": schema name", expectedName, theirs.name());
        same(path + ": schema version", ours.version(), theirs.version());
        same(path + ": optional", ours.isOptional(), theirs.isOptional());
        same(path + ": default", ours.defaultValue(), theirs.defaultValue());
        same(path + ": parameters", withoutOurs(ours.parameters()), theirs.parameters() == null ? Map.of() : new TreeMap<>(theirs.parameters()));
        switch (ours.type()) {
            case STRUCT -> {
                List<String> ourFields = ours.fields().stream().map(Field::name)
                        .filter(name -> !(OUR_SOURCE.equals(ours.name()) && OUR_SOURCE_ADDITIONS.contains(name))).toList();
                same(path + ": fields", ourFields, theirs.fields().stream().map(Field::name).toList());
                for (Field their : theirs.fields()) {
                    Field our = ours.field(their.name());
                    if (our != null) {
                        compareSchemas(path + "." + their.name(), our.schema(), their.schema());
                    }
                }
            }
            case ARRAY -> compareSchemas(path + "[]", ours.valueSchema(), theirs.valueSchema());
            case MAP -> {
                compareSchemas(path + "{key}", ours.keySchema(), theirs.keySchema());
                compareSchemas(path + "{value}", ours.valueSchema(), theirs.valueSchema());
            }
            default -> {
            }
        }
        return true;
    }

    private void compareValues(String path, Schema ours, Object ourValue, Schema theirs, Object theirValue) {
        if (ourValue == null || theirValue == null) {
            if (ourValue != theirValue) {
                found.add(path + ": " + (ourValue == null ? "null" : "a value") + " vs Debezium's "
                        + (theirValue == null ? "null" : "a value"));
            }
            return;
        }
        if (ourValue instanceof Struct our && theirValue instanceof Struct their) {
            for (Field field : their.schema().fields()) {
                Field ourField = our.schema().field(field.name());
                if (ourField != null) {
                    compareValues(path + "." + field.name(), ourField.schema(), our.getWithoutDefault(field.name()),
                            field.schema(), their.getWithoutDefault(field.name()));
                }
            }
        } else if (ourValue instanceof List<?> our && theirValue instanceof List<?> their) {
            same(path + ": elements", our.size(), their.size());
            for (int i = 0; i < Math.min(our.size(), their.size()); i++) {
                compareValues(path + "[" + i + "]", ours == null ? null : ours.valueSchema(), our.get(i),
                        theirs == null ? null : theirs.valueSchema(), their.get(i));
            }
        } else if (ourValue instanceof Map<?, ?> our && theirValue instanceof Map<?, ?> their) {
            same(path + ": keys", our.keySet(), their.keySet());
            for (Object key : our.keySet()) {
                compareValues(path + "{" + key + "}", ours == null ? null : ours.valueSchema(), our.get(key),
                        theirs == null ? null : theirs.valueSchema(), their.get(key));
            }
        } else if (!Objects.deepEquals(bytes(ourValue), bytes(theirValue))) {
            // values are not quoted: rows may hold secrets
            found.add(path + ": values differ (" + ourValue.getClass().getSimpleName() + " vs Debezium's "
                    + theirValue.getClass().getSimpleName() + ")");
        }
    }

    private static Object bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        return value;
    }

    private void same(String what, Object ours, Object theirs) {
        if (!Objects.equals(ours, theirs) && !(ours instanceof byte[] a && theirs instanceof byte[] b && Arrays.equals(a, b))) {
            found.add(what + ": " + ours + " vs Debezium's " + theirs);
        }
    }

    private static Map<String, String> withoutOurs(Map<String, String> parameters) {
        Map<String, String> kept = new TreeMap<>();
        if (parameters != null) {
            parameters.forEach((key, value) -> {
                if (!key.startsWith(OUR_PARAMETER_PREFIX)) {
                    kept.put(key, value);
                }
            });
        }
        return kept;
    }

    private static String describe(Schema schema) {
        return schema == null ? "none" : schema.type() + (schema.name() == null ? "" : " " + schema.name());
    }
}
