package io.hermesconnect.common.event;

import java.time.Instant;
import java.util.ArrayList;
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
 * The key, row and envelope schemas of one table (or diff-source type), built once when the table's
 * shape is known and reused for every event, and the one place that builds event Structs.
 *
 * <p>Names follow Debezium: {@code <prefix>.<schema>.<table>.Key}, {@code .Value} for the row and
 * {@code .Envelope} for the value, each part sanitised by {@link SchemaNames}. The envelope has the fields,
 * field order and schema version of Debezium 3.7's ({@code io.debezium.data.Envelope}), plus our model
 * metadata as {@link SchemaParameters schema parameters}.
 */
public final class ChangeEventSchemas {

    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String SOURCE = "source";
    public static final String TRANSACTION = "transaction";
    public static final String OP = "op";
    public static final String TS_MS = "ts_ms";
    public static final String TS_US = "ts_us";
    public static final String TS_NS = "ts_ns";

    /** The envelope's schema version, Debezium's. */
    public static final int ENVELOPE_VERSION = 2;

    private final String baseName;
    private final Schema rowSchema;
    private final Schema keySchema;
    private final Schema valueSchema;
    private final List<Field> keyRowFields;

    private ChangeEventSchemas(String baseName, Schema rowSchema, Schema keySchema, Schema valueSchema) {
        this.baseName = baseName;
        this.rowSchema = rowSchema;
        this.keySchema = keySchema;
        this.valueSchema = valueSchema;
        this.keyRowFields = keySchema == null ? List.of()
                : keySchema.fields().stream().map(f -> rowSchema.field(f.name())).toList();
    }

    /**
     * Starts the schemas of one table.
     *
     * @param nameParts e.g. {@code (topicPrefix, schema, table)} or {@code (topicPrefix, type)}; null parts are skipped
     */
    public static Builder builder(String... nameParts) {
        return new Builder(SchemaNames.of(nameParts));
    }

    /** The sanitised name the three schema names start with. */
    public String baseName() {
        return baseName;
    }

    /** The schema of {@code before} and {@code after}. */
    public Schema rowSchema() {
        return rowSchema;
    }

    /** The key schema, or null for a table without a key (its events have a null key). */
    public Schema keySchema() {
        return keySchema;
    }

    public Schema valueSchema() {
        return valueSchema;
    }

    /** The key Struct of a row (use {@code after}, or {@code before} for deletes); null when the table has no key. */
    public Struct key(Struct row) {
        if (keySchema == null || row == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        List<Field> keyFields = keySchema.fields();
        for (int i = 0; i < keyFields.size(); i++) {
            key.put(keyFields.get(i), row.get(keyRowFields.get(i)));
        }
        return key;
    }

    /**
     * Builds the envelope Struct of one event.
     *
     * @param transaction the {@link TransactionMetadata#block transaction block}, or null
     * @param processedAt when the connector processed the change: {@code ts_ms}, {@code ts_us} and {@code ts_ns}
     */
    public Struct envelope(Operation op, Struct before, Struct after, Struct source, Struct transaction, Instant processedAt) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(source, "source");
        if ((op == Operation.CREATE || op == Operation.READ || op == Operation.UPDATE) && after == null) {
            throw new DataException("A '" + op.code() + "' event of " + baseName + " needs an 'after' row");
        }
        return new Struct(valueSchema)
                .put(BEFORE, before)
                .put(AFTER, after)
                .put(SOURCE, source)
                .put(OP, op.code())
                .put(TS_MS, processedAt.toEpochMilli())
                .put(TS_US, EpochTime.micros(processedAt))
                .put(TS_NS, EpochTime.nanos(processedAt))
                .put(TRANSACTION, transaction);
    }

    /** {@link #envelope(Operation, Struct, Struct, Struct, Struct, Instant)} processed at an epoch millisecond. */
    public Struct envelope(Operation op, Struct before, Struct after, Struct source, Struct transaction, long tsMs) {
        return envelope(op, before, after, source, transaction, Instant.ofEpochMilli(tsMs));
    }

    /** Collects the columns, key, foreign keys and secrets of a table. */
    public static final class Builder {
        private final String baseName;
        private final SchemaBuilder row;
        private final List<String> primaryKey = new ArrayList<>();
        private final Map<String, String> foreignKeys = new LinkedHashMap<>();

        private Builder(String baseName) {
            this.baseName = baseName;
            this.row = SchemaBuilder.struct().name(baseName + ".Value").optional();
        }

        /** Adds a column; its name is kept as is (field names are not schema names). */
        public Builder column(String name, Schema schema) {
            row.field(name, schema);
            return this;
        }

        /** Adds a column whose values are secret: marked {@code hermes.secret=true} on its schema. */
        public Builder secretColumn(String name, Schema schema) {
            row.field(name, SchemaParameters.markedSecret(schema));
            return this;
        }

        /** The primary-key columns, in key order; they must be added as columns. Empty means no key. */
        public Builder primaryKey(List<String> columns) {
            primaryKey.clear();
            primaryKey.addAll(columns);
            return this;
        }

        /** Declares that {@code column} refers to {@code <type>.<field>}. */
        public Builder foreignKey(String column, String target) {
            foreignKeys.put(column, target);
            return this;
        }

        public ChangeEventSchemas build() {
            Schema rowSchema = row.build();
            Schema keySchema = primaryKey.isEmpty() ? null : keySchema(rowSchema);
            SchemaBuilder value = SchemaBuilder.struct().name(baseName + ".Envelope").version(ENVELOPE_VERSION);
            if (!primaryKey.isEmpty()) {
                value.parameter(SchemaParameters.PRIMARY_KEY, String.join(",", primaryKey));
            }
            foreignKeys.forEach((column, target) -> {
                requireColumn(rowSchema, column, "foreign key");
                value.parameter(SchemaParameters.FOREIGN_KEY_PREFIX + column, target);
            });
            value.field(BEFORE, rowSchema)
                    .field(AFTER, rowSchema)
                    .field(SOURCE, SourceInfo.STRUCT_SCHEMA)
                    .field(OP, Schema.STRING_SCHEMA)
                    .field(TS_MS, Schema.OPTIONAL_INT64_SCHEMA)
                    .field(TS_US, Schema.OPTIONAL_INT64_SCHEMA)
                    .field(TS_NS, Schema.OPTIONAL_INT64_SCHEMA)
                    .field(TRANSACTION, TransactionMetadata.BLOCK_SCHEMA);
            return new ChangeEventSchemas(baseName, rowSchema, keySchema, value.build());
        }

        private Schema keySchema(Schema rowSchema) {
            SchemaBuilder key = SchemaBuilder.struct().name(baseName + ".Key");
            for (String column : primaryKey) {
                key.field(column, requireColumn(rowSchema, column, "primary key").schema());
            }
            return key.build();
        }

        private Field requireColumn(Schema rowSchema, String column, String role) {
            Field field = rowSchema.field(column);
            if (field == null) {
                throw new DataException("The " + role + " column '" + column + "' is not a column of " + baseName);
            }
            return field;
        }
    }
}
