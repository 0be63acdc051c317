package io.hermesconnect.transforms.mapping;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.SchemaParameters;
import io.hermesconnect.transforms.match.RecordErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * How values of one input schema are mapped, built once per schema: a change event envelope, whose
 * {@code before} and {@code after} rows are mapped alike and whose model parameters
 * ({@code hermes.primary.key}, {@code hermes.foreign.key.*}) follow the renames and drops; or a plain
 * row. Also builds the recomputed key, when the mapping has key fields.
 */
public final class ValuePlan {

    private static final String VALUE_SUFFIX = ".Value";

    private final Schema schema;
    private final boolean envelope;
    /** For an envelope: the plan of before's and after's row schema; for a plain row: the row's plan. */
    private final RowPlan rowPlan;
    private final Field[] inputFields;
    private final Field[] outputFields;
    private final Schema keySchema;
    private final Field[] keyRowFields;

    private ValuePlan(Schema schema, boolean envelope, RowPlan rowPlan, Field[] inputFields, Schema keySchema, Field[] keyRowFields) {
        this.schema = schema;
        this.envelope = envelope;
        this.rowPlan = rowPlan;
        this.inputFields = inputFields;
        this.outputFields = schema.fields().toArray(new Field[0]);
        this.keySchema = keySchema;
        this.keyRowFields = keyRowFields;
    }

    /** @throws DataException when the mapping does not fit the schema */
    public static ValuePlan build(Schema input, Mapping mapping) {
        boolean envelope = ChangeEvent.isEnvelope(input);
        Schema inputRow = envelope ? input.field(ChangeEventSchemas.AFTER).schema() : input;
        if (envelope && !inputRow.equals(input.field(ChangeEventSchemas.BEFORE).schema())) {
            throw new DataException("JinjaMapping needs 'before' and 'after' of the same schema in " + input.name());
        }
        RowPlan rowPlan = RowPlan.build(inputRow, mapping);
        Schema output = envelope ? envelopeSchema(input, rowPlan.schema(), mapping) : rowPlan.schema();
        Schema keySchema = mapping.recomputesKey() ? keySchema(rowPlan.schema(), mapping) : null;
        Field[] keyRowFields = keySchema == null ? null
                : keySchema.fields().stream().map(f -> rowPlan.schema().field(f.name())).toArray(Field[]::new);
        return new ValuePlan(output, envelope, rowPlan, input.fields().toArray(new Field[0]), keySchema, keyRowFields);
    }

    public Schema schema() {
        return schema;
    }

    /** The recomputed key's schema, or null when the mapping keeps the record's key. */
    public Schema keySchema() {
        return keySchema;
    }

    public Struct map(Struct value, ConnectRecord<?> record) {
        if (!envelope) {
            return rowPlan.map(value, record, "value");
        }
        Struct out = new Struct(schema);
        for (int i = 0; i < inputFields.length; i++) {
            Object fieldValue = value.get(inputFields[i]);
            String name = inputFields[i].name();
            if (fieldValue != null && (name.equals(ChangeEventSchemas.BEFORE) || name.equals(ChangeEventSchemas.AFTER))) {
                fieldValue = rowPlan.map((Struct) fieldValue, record, name);
            }
            out.put(outputFields[i], fieldValue);
        }
        return out;
    }

    /**
     * The recomputed key of a mapped value: from {@code after}, else {@code before} (deletes); null when the
     * event has neither (truncates), so the record keeps its key.
     */
    public Struct key(Struct mappedValue, ConnectRecord<?> record) {
        Struct row = envelope ? mappedValue.getStruct(ChangeEventSchemas.AFTER) : mappedValue;
        if (row == null && envelope) {
            row = mappedValue.getStruct(ChangeEventSchemas.BEFORE);
        }
        if (row == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        for (int i = 0; i < keyRowFields.length; i++) {
            try {
                key.put(keySchema.fields().get(i), row.get(keyRowFields[i]));
            } catch (DataException e) {
                throw RecordErrors.error("JinjaMapping key", record, e.getMessage(), e);
            }
        }
        return key;
    }

    private static Schema envelopeSchema(Schema input, Schema row, Mapping mapping) {
        SchemaBuilder builder = SchemaBuilder.struct().name(input.name()).version(input.version()).doc(input.doc());
        Map<String, String> parameters = modelParameters(input, mapping);
        if (!parameters.isEmpty()) {
            builder.parameters(parameters);
        }
        if (input.isOptional()) {
            builder.optional();
        }
        for (Field field : input.fields()) {
            boolean isRow = field.name().equals(ChangeEventSchemas.BEFORE) || field.name().equals(ChangeEventSchemas.AFTER);
            builder.field(field.name(), isRow ? row : field.schema());
        }
        return builder.build();
    }

    /** The envelope's parameters with key and foreign-key fields renamed, dropped or replaced by the new key fields. */
    private static Map<String, String> modelParameters(Schema input, Mapping mapping) {
        Map<String, String> parameters = new LinkedHashMap<>(input.parameters() == null ? Map.of() : input.parameters());
        parameters.remove(SchemaParameters.PRIMARY_KEY);
        SchemaParameters.foreignKeys(input).forEach((field, target) -> {
            parameters.remove(SchemaParameters.FOREIGN_KEY_PREFIX + field);
            if (!mapping.isDropped(field)) {
                parameters.put(SchemaParameters.FOREIGN_KEY_PREFIX + mapping.renamed(field), target);
            }
        });
        List<String> primaryKey = new ArrayList<>();
        if (mapping.recomputesKey()) {
            primaryKey.addAll(mapping.keyFields());
        } else {
            SchemaParameters.primaryKey(input).stream()
                    .filter(field -> !mapping.isDropped(field))
                    .map(mapping::renamed)
                    .forEach(primaryKey::add);
        }
        if (!primaryKey.isEmpty()) {
            parameters.put(SchemaParameters.PRIMARY_KEY, String.join(",", primaryKey));
        }
        return parameters;
    }

    private static Schema keySchema(Schema row, Mapping mapping) {
        SchemaBuilder key = SchemaBuilder.struct().name(keySchemaName(row.name()));
        for (String name : mapping.keyFields()) {
            Field field = row.field(name);
            if (field == null) {
                throw new DataException("JinjaMapping key field '" + name + "' is not a field of the mapped row "
                        + (row.name() == null ? "" : row.name()));
            }
            key.field(name, field.schema());
        }
        return key.build();
    }

    /** Debezium's naming: {@code <prefix>.<table>.Value} rows have {@code <prefix>.<table>.Key} keys. */
    private static String keySchemaName(String rowName) {
        if (rowName == null) {
            return null;
        }
        String base = rowName.endsWith(VALUE_SUFFIX) ? rowName.substring(0, rowName.length() - VALUE_SUFFIX.length()) : rowName;
        return base + ".Key";
    }
}
