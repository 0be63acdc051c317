package io.hermesconnect.common.event;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A read-only view of a change event record, for sinks and transforms: works on our events and on
 * Debezium's, which share the envelope ({@code before}, {@code after}, {@code source}, {@code op}).
 *
 * <p>Tombstones (null value) and transaction BEGIN/END records are not change events: check
 * {@link #isChangeEvent} first, or use {@link #of} and handle its {@link DataException}.
 */
public final class ChangeEvent {

    private final ConnectRecord<?> record;
    private final Struct value;
    private final Struct source;
    private final Operation op;

    private ChangeEvent(ConnectRecord<?> record, Struct value) {
        this.record = record;
        this.value = value;
        this.source = value.getStruct(ChangeEventSchemas.SOURCE);
        this.op = Operation.forCode(value.getString(ChangeEventSchemas.OP));
    }

    /** Whether the record's value is a change event envelope (ours or Debezium's). */
    public static boolean isChangeEvent(ConnectRecord<?> record) {
        return record.value() instanceof Struct struct && isEnvelope(struct.schema());
    }

    /** Whether a schema has the envelope's shape. */
    public static boolean isEnvelope(Schema schema) {
        return schema != null
                && schema.type() == Schema.Type.STRUCT
                && schema.field(ChangeEventSchemas.OP) != null
                && schema.field(ChangeEventSchemas.SOURCE) != null
                && schema.field(ChangeEventSchemas.BEFORE) != null
                && schema.field(ChangeEventSchemas.AFTER) != null;
    }

    /** Reads a change event record; throws a {@link DataException} naming the topic when it is not one. */
    public static ChangeEvent of(ConnectRecord<?> record) {
        if (!isChangeEvent(record)) {
            throw new DataException("Not a change event: record on topic '" + record.topic() + "' has "
                    + (record.value() == null ? "a null value (tombstone)" : "value schema " + describe(record.valueSchema())));
        }
        return new ChangeEvent(record, (Struct) record.value());
    }

    public ConnectRecord<?> record() {
        return record;
    }

    public Operation op() {
        return op;
    }

    /** The row before the change, or null (creates, reads, truncates; deletes without REPLICA IDENTITY FULL hold only key columns). */
    public Struct before() {
        return value.getStruct(ChangeEventSchemas.BEFORE);
    }

    /** The row after the change, or null (deletes, truncates). */
    public Struct after() {
        return value.getStruct(ChangeEventSchemas.AFTER);
    }

    /** The row state the event leaves behind, or the last known one for a delete: {@code after}, else {@code before}. */
    public Struct row() {
        Struct after = after();
        return after != null ? after : before();
    }

    /** The schema of {@code before}/{@code after}. */
    public Schema rowSchema() {
        return value.schema().field(ChangeEventSchemas.AFTER).schema();
    }

    public Struct envelope() {
        return value;
    }

    public Struct source() {
        return source;
    }

    public Object key() {
        return record.key();
    }

    /** When the connector processed the change; null if the producer did not set it. */
    public Long tsMs() {
        return value.getInt64(ChangeEventSchemas.TS_MS);
    }

    /** Which connector produced the event: {@code wal}, {@code polling-diff}, or Debezium's name (e.g. {@code postgresql}). */
    public String connector() {
        return sourceString(SourceInfo.CONNECTOR);
    }

    /** The connector's logical name (its topic prefix). */
    public String name() {
        return sourceString(SourceInfo.NAME);
    }

    public String db() {
        return sourceString(SourceInfo.DB);
    }

    /** The table's schema, or null where the source has none (diff source types, whose block holds {@code ""}; MySQL). */
    public String schema() {
        String schema = sourceString(SourceInfo.SCHEMA);
        return schema == null || schema.isEmpty() ? null : schema;
    }

    /** The table, or the type name for the diff source. */
    public String table() {
        return sourceString(SourceInfo.TABLE);
    }

    /** {@code schema.table}, or just the table where there is no schema: the name include lists and filters match. */
    public String dataCollection() {
        String schema = schema();
        return schema == null ? table() : schema + "." + table();
    }

    /** Commit time in the source, epoch milliseconds. */
    public Long sourceTsMs() {
        return sourceLong(SourceInfo.TS_MS);
    }

    /** The snapshot marker ({@code true}, {@code last}, Debezium's {@code first}, …) or {@code false}. */
    public String snapshot() {
        String marker = sourceString(SourceInfo.SNAPSHOT);
        return marker == null ? "false" : marker;
    }

    public boolean isSnapshot() {
        return !"false".equals(snapshot());
    }

    public Long txId() {
        return sourceLong(SourceInfo.TX_ID);
    }

    /** The WAL position, for log-based sources. */
    public Long lsn() {
        return sourceLong(SourceInfo.LSN);
    }

    /** The poll sequence number, for the diff source. */
    public Long poll() {
        return sourceLong(SourceInfo.POLL);
    }

    /** The transaction block, or null. */
    public Struct transaction() {
        Field field = value.schema().field(ChangeEventSchemas.TRANSACTION);
        return field == null ? null : value.getStruct(ChangeEventSchemas.TRANSACTION);
    }

    private String sourceString(String name) {
        Object v = sourceValue(name);
        return v == null ? null : v.toString();
    }

    private Long sourceLong(String name) {
        Object v = sourceValue(name);
        return v instanceof Number n ? n.longValue() : null;
    }

    private Object sourceValue(String name) {
        if (source == null) {
            return null;
        }
        Field field = source.schema().field(name);
        return field == null ? null : source.get(field);
    }

    private static String describe(Schema schema) {
        if (schema == null) {
            return "none";
        }
        return schema.name() != null ? "'" + schema.name() + "'" : schema.type().toString();
    }
}
