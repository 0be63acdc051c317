package io.hermesconnect.common.event;

import java.math.BigDecimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * A decimal whose scale varies from value to value (PostgreSQL's unconstrained {@code numeric}), as the struct
 * {@link SemanticTypes#VARIABLE_SCALE_DECIMAL} that Debezium's consumers read.
 */
public final class VariableScaleDecimal {

    private VariableScaleDecimal() {
    }

    /** The struct's schema: {@code scale} (int32) and {@code value} (the unscaled value's bytes). */
    public static Schema schema(boolean optional) {
        SchemaBuilder schema = SchemaBuilder.struct().name(SemanticTypes.VARIABLE_SCALE_DECIMAL)
                .field(SemanticTypes.VARIABLE_SCALE_DECIMAL_SCALE, Schema.INT32_SCHEMA)
                .field(SemanticTypes.VARIABLE_SCALE_DECIMAL_VALUE, Schema.BYTES_SCHEMA);
        return optional ? schema.optional().build() : schema.build();
    }

    /** {@code value} as a struct of {@code schema} (one {@link #schema} built). */
    public static Struct struct(Schema schema, BigDecimal value) {
        return new Struct(schema)
                .put(SemanticTypes.VARIABLE_SCALE_DECIMAL_SCALE, value.scale())
                .put(SemanticTypes.VARIABLE_SCALE_DECIMAL_VALUE, value.unscaledValue().toByteArray());
    }
}
