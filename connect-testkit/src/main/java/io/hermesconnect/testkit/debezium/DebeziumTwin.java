package io.hermesconnect.testkit.debezium;

import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.Module;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.connector.postgresql.PostgresSourceInfoStructMaker;
import io.debezium.data.Envelope;
import io.debezium.relational.RelationalChangeRecordEmitter;
import io.debezium.schema.SchemaFactory;
import io.debezium.schema.SchemaNameAdjuster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's record of the same event as one of ours: the same row, key, positions and times, in the envelope,
 * source block, transaction records and key-change headers that Debezium 3.7's PostgreSQL connector builds, made
 * with Debezium's own schema classes ({@link Envelope}, {@link PostgresSourceInfoStructMaker}, {@link SchemaFactory}).
 * Values are read from our record by Debezium's field names, so a field Debezium has and ours lacks fails here.
 * Rows and keys are taken as they are: the row's column types are the sources' own business, tested elsewhere.
 */
public final class DebeziumTwin {

    private final Schema sourceSchema;
    private final Map<Schema, Envelope> envelopes = new HashMap<>();

    /** @param topicPrefix the logical name ({@code topic.prefix}) of the connector whose events are compared */
    public DebeziumTwin(String topicPrefix) {
        PostgresSourceInfoStructMaker maker = new PostgresSourceInfoStructMaker();
        maker.init(Module.name(), Module.version(), new PostgresConnectorConfig(Configuration.create()
                .with("topic.prefix", topicPrefix)
                .with("database.dbname", "twin")
                .build()));
        this.sourceSchema = maker.schema();
    }

    /** Debezium's PostgreSQL source block schema ({@code io.debezium.connector.postgresql.Source}). */
    public Schema sourceSchema() {
        return sourceSchema;
    }

    /** Debezium's record of one change event, tombstone, or transaction BEGIN/END record of ours. */
    public SourceRecord of(SourceRecord ours) {
        return twin(ours, new ConnectHeaders());
    }

    /**
     * Debezium's records of an UPDATE that changed the primary key: the delete of the old key with
     * {@code __debezium.newkey}, its tombstone with the delete's headers, and the create with {@code __debezium.oldkey}.
     *
     * @param tombstone our tombstone after the delete, or null when tombstones are off
     */
    public List<SourceRecord> keyChange(SourceRecord delete, SourceRecord tombstone, SourceRecord create) {
        Headers onDelete = new ConnectHeaders()
                .add(RelationalChangeRecordEmitter.PK_UPDATE_NEWKEY_FIELD, create.key(), create.keySchema());
        Headers onCreate = new ConnectHeaders()
                .add(RelationalChangeRecordEmitter.PK_UPDATE_OLDKEY_FIELD, delete.key(), delete.keySchema());
        List<SourceRecord> twins = new ArrayList<>();
        twins.add(twin(delete, onDelete));
        if (tombstone != null) {
            twins.add(twin(tombstone, onDelete));
        }
        twins.add(twin(create, onCreate));
        return twins;
    }

    private SourceRecord twin(SourceRecord ours, Headers headers) {
        Schema keySchema = ours.keySchema();
        Object key = ours.key();
        Schema valueSchema = ours.valueSchema();
        Struct value = null;
        if (ours.value() != null) {
            Struct ourValue = (Struct) ours.value();
            if (DebeziumParity.isTransactionRecord(ours)) {
                keySchema = SchemaFactory.get().transactionKeySchema(SchemaNameAdjuster.NO_OP);
                key = copy((Struct) ours.key(), keySchema);
                value = copy(ourValue, SchemaFactory.get().transactionValueSchema(SchemaNameAdjuster.NO_OP));
            } else {
                value = envelope(ourValue);
            }
            valueSchema = value.schema();
        }
        return new SourceRecord(ours.sourcePartition(), ours.sourceOffset(), ours.topic(), ours.kafkaPartition(),
                keySchema, key, valueSchema, value, ours.timestamp(), headers);
    }

    private Struct envelope(Struct ours) {
        Schema row = ours.schema().field(Envelope.FieldName.AFTER).schema();
        Envelope envelope = envelopes.computeIfAbsent(ours.schema(), s -> Envelope.defineSchema()
                .withName(s.name()).withRecord(row).withSource(sourceSchema).build());
        Struct source = copy(ours.getStruct(Envelope.FieldName.SOURCE), sourceSchema);
        Long tsNs = ours.getInt64(Envelope.FieldName.TIMESTAMP_NS);
        if (tsNs == null) {
            throw new AssertionError("Our envelope " + ours.schema().name() + " has no " + Envelope.FieldName.TIMESTAMP_NS);
        }
        Instant processed = Instant.ofEpochSecond(0, tsNs);
        Struct before = ours.getStruct(Envelope.FieldName.BEFORE);
        Struct after = ours.getStruct(Envelope.FieldName.AFTER);
        Struct twin = switch (Envelope.Operation.forCode(ours.getString(Envelope.FieldName.OPERATION))) {
            case CREATE -> envelope.create(after, source, processed);
            case UPDATE -> envelope.update(before, after, source, processed);
            case DELETE -> envelope.delete(before, source, processed);
            case READ -> envelope.read(after, source, processed);
            case TRUNCATE -> envelope.truncate(source, processed);
            case MESSAGE -> throw new AssertionError("Logical decoding messages are not change events of a table");
        };
        Struct block = ours.getStruct(Envelope.FieldName.TRANSACTION);
        if (block != null) {
            twin.put(Envelope.FieldName.TRANSACTION, copy(block, SchemaFactory.get().transactionBlockSchema()));
        }
        return twin;
    }

    /** Our Struct's values in a Struct of Debezium's schema, field by field, arrays of Structs element by element. */
    private static Struct copy(Struct ours, Schema theirs) {
        Struct copy = new Struct(theirs);
        for (Field field : theirs.fields()) {
            Field ourField = ours.schema().field(field.name());
            if (ourField == null) {
                throw new AssertionError("Our " + ours.schema().name() + " lacks Debezium's field '" + field.name()
                        + "' of " + theirs.name());
            }
            copy.put(field, convert(ours.getWithoutDefault(field.name()), field.schema()));
        }
        return copy;
    }

    private static Object convert(Object ours, Schema theirs) {
        if (ours instanceof Struct struct) {
            return copy(struct, theirs);
        }
        if (ours instanceof List<?> list && theirs.type() == Schema.Type.ARRAY) {
            return list.stream().map(element -> convert(element, theirs.valueSchema())).toList();
        }
        return ours;
    }
}
