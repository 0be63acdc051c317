package io.hermesconnect.transforms.mapping;

import io.hermesconnect.common.event.SchemaParameters;
import io.hermesconnect.common.jinja.TemplateException;
import io.hermesconnect.common.jinja.TemplateValues;
import io.hermesconnect.transforms.match.RecordErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.util.SchemaUtil;

/**
 * How rows of one input schema map to output rows: the output schema, built once per input schema,
 * and for each output field where its value comes from (an input field, or a computed attribute).
 *
 * <p>Output fields: the input fields in order, minus dropped ones, an attribute named like an input
 * field taking that field's place; then the other attributes in declaration order; renames last.
 */
final class RowPlan {

    private static final AttributeType DEFAULT_TYPE = AttributeType.parse(AttributeType.DEFAULT);

    private final Schema schema;
    private final List<Attribute> attributes;
    /** Per attribute: the input fields down to the referenced one, or null when the template is rendered. */
    private final List<List<Field>> references;
    /** Per attribute: the type its values must fit, or null for a reference that keeps the field's schema. */
    private final List<AttributeType> types;
    private final boolean rendersAny;
    private final Field[] outputFields;
    /** Per output field: the input field copied into it, or null when it is computed. */
    private final Field[] inputFields;
    /** Per output field: the index of the attribute computing it, for computed fields. */
    private final int[] attributeIndexes;

    private RowPlan(Schema schema, List<Attribute> attributes, List<List<Field>> references, List<AttributeType> types,
            Field[] inputFields, int[] attributeIndexes) {
        this.schema = schema;
        this.attributes = attributes;
        this.references = references;
        this.types = types;
        this.rendersAny = references.contains(null);
        this.outputFields = schema.fields().toArray(new Field[0]);
        this.inputFields = inputFields;
        this.attributeIndexes = attributeIndexes;
    }

    /** @throws DataException when the mapping does not fit the schema (a reference to a missing field, a name clash) */
    static RowPlan build(Schema input, Mapping mapping) {
        List<Attribute> attributes = mapping.attributes();
        Set<String> secretNames = secretFieldNames(input, new HashSet<>());
        List<List<Field>> references = new ArrayList<>();
        List<AttributeType> types = new ArrayList<>();
        List<Schema> attributeSchemas = new ArrayList<>();
        for (Attribute attribute : attributes) {
            List<String> path = attribute.reference();
            List<Field> reference = path == null ? null : resolve(input, path, attribute);
            AttributeType type = attribute.declaredType() != null || reference != null ? attribute.declaredType() : DEFAULT_TYPE;
            references.add(reference);
            types.add(type);
            attributeSchemas.add(attributeSchema(attribute, reference, type, secretNames));
        }

        SchemaBuilder output = SchemaUtil.copySchemaBasics(input, SchemaBuilder.struct());
        if (input.isOptional()) {
            output.optional();
        }
        List<Field> copied = new ArrayList<>();
        List<Integer> computed = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Field field : input.fields()) {
            int index = mapping.attributeIndex(field.name());
            if (index >= 0) {
                addField(output, mapping.renamed(field.name()), attributeSchemas.get(index), input);
                copied.add(null);
                computed.add(index);
                placed.add(field.name());
            } else if (!mapping.isDropped(field.name())) {
                addField(output, mapping.renamed(field.name()), field.schema(), input);
                copied.add(field);
                computed.add(-1);
            }
        }
        for (int i = 0; i < attributes.size(); i++) {
            if (!placed.contains(attributes.get(i).name())) {
                addField(output, mapping.renamed(attributes.get(i).name()), attributeSchemas.get(i), input);
                copied.add(null);
                computed.add(i);
            }
        }
        return new RowPlan(output.build(), attributes, references, types,
                copied.toArray(new Field[0]), computed.stream().mapToInt(Integer::intValue).toArray());
    }

    Schema schema() {
        return schema;
    }

    /**
     * Maps one row (never null) of the input schema.
     *
     * @param side {@code before}, {@code after} or {@code value}, for error messages
     * @throws DataException naming the attribute and the record when a template fails or a value does not fit
     */
    Struct map(Struct row, ConnectRecord<?> record, String side) {
        Object[] values = new Object[attributes.size()];
        // a view, converting only the fields that templates read
        Map<String, Object> variables = rendersAny ? TemplateValues.fromStruct(row) : null;
        for (int i = 0; i < values.length; i++) {
            values[i] = compute(i, row, variables, record, side);
        }
        Struct out = new Struct(schema);
        for (int i = 0; i < outputFields.length; i++) {
            out.put(outputFields[i], inputFields[i] != null ? row.get(inputFields[i]) : values[attributeIndexes[i]]);
        }
        return out;
    }

    private Object compute(int index, Struct row, Map<String, Object> variables, ConnectRecord<?> record, String side) {
        Attribute attribute = attributes.get(index);
        List<Field> reference = references.get(index);
        AttributeType type = types.get(index);
        try {
            Object value = reference != null ? read(row, reference) : attribute.template().template().render(variables);
            return type == null ? value : type.fit(value);
        } catch (TemplateException | IllegalArgumentException e) {
            throw RecordErrors.error(attribute.who(), record, "in " + side + ": " + e.getMessage(), e);
        }
    }

    /** Follows a reference; a null Struct on the way is an error, as it is in a template. */
    private static Object read(Struct row, List<Field> path) {
        Object value = row;
        for (int i = 0; i < path.size(); i++) {
            if (value == null) {
                throw new IllegalArgumentException("'" + path.get(i).name() + "' cannot be read: its parent '"
                        + path.get(i - 1).name() + "' is null");
            }
            value = ((Struct) value).get(path.get(i));
        }
        return value;
    }

    private static List<Field> resolve(Schema input, List<String> path, Attribute attribute) {
        List<Field> fields = new ArrayList<>(path.size());
        Schema schema = input;
        for (String name : path) {
            Field field = schema.type() == Schema.Type.STRUCT ? schema.field(name) : null;
            if (field == null) {
                throw new DataException(attribute.who() + " refers to '" + String.join(".", path)
                        + "', which is not a field of schema " + describe(input));
            }
            fields.add(field);
            schema = field.schema();
        }
        return fields;
    }

    private static Schema attributeSchema(Attribute attribute, List<Field> reference, AttributeType type, Set<String> secretNames) {
        Schema referenced = reference == null ? null : reference.get(reference.size() - 1).schema();
        boolean secret = attribute.declaredSecret() || (referenced != null
                ? SchemaParameters.isSecret(referenced)
                : !attribute.template().mentioned(secretNames).isEmpty());
        if (type == null) {
            return secret ? SchemaParameters.markedSecret(referenced) : referenced;
        }
        SchemaBuilder schema = type.schema();
        if (secret) {
            schema.parameter(SchemaParameters.SECRET, "true");
        }
        return schema.build();
    }

    /**
     * Names of the fields of a schema, nested ones included, that are secret or hold a secret ({@code address} when
     * {@code address.pin} is secret): a template that mentions one may compute from a secret
     * ({@code address | tojson}, a loop over {@code address.items()}), so its result is secret too.
     */
    private static Set<String> secretFieldNames(Schema schema, Set<String> names) {
        switch (schema.type()) {
            case STRUCT -> schema.fields().forEach(field -> {
                if (SchemaParameters.holdsSecret(field.schema())) {
                    names.add(field.name());
                }
                secretFieldNames(field.schema(), names);
            });
            case ARRAY -> secretFieldNames(schema.valueSchema(), names);
            case MAP -> {
                secretFieldNames(schema.keySchema(), names);
                secretFieldNames(schema.valueSchema(), names);
            }
            default -> {
            }
        }
        return names;
    }

    private static void addField(SchemaBuilder output, String name, Schema schema, Schema input) {
        if (output.field(name) != null) {
            throw new DataException("JinjaMapping would give schema " + describe(input) + " two fields named '" + name
                    + "': check attrs and renames");
        }
        output.field(name, schema);
    }

    private static String describe(Schema schema) {
        return schema.name() != null ? "'" + schema.name() + "'" : "(unnamed struct)";
    }
}
