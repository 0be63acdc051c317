package io.hermesconnect.source.diff.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.model.Values;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ConnectValuesTest {

    private static Object roundTrip(Schema schema, Object value) {
        Object converted = ConnectValues.convert(schema, Values.normalize(value));
        org.apache.kafka.connect.data.ConnectSchema.validateValue(schema, converted);
        return converted;
    }

    @Test
    void normalValuesGoBackToTheJavaTypeOfTheirField() {
        assertThat(roundTrip(Schema.OPTIONAL_INT8_SCHEMA, (byte) -5)).isEqualTo((byte) -5);
        assertThat(roundTrip(Schema.OPTIONAL_INT16_SCHEMA, (short) 300)).isEqualTo((short) 300);
        assertThat(roundTrip(Schema.OPTIONAL_INT32_SCHEMA, 70_000)).isEqualTo(70_000);
        assertThat(roundTrip(Schema.OPTIONAL_INT64_SCHEMA, 1L << 40)).isEqualTo(1L << 40);
        assertThat(roundTrip(Schema.OPTIONAL_FLOAT32_SCHEMA, 1.5f)).isEqualTo(1.5f);
        assertThat(roundTrip(Schema.OPTIONAL_FLOAT64_SCHEMA, 2.25)).isEqualTo(2.25);
        assertThat(roundTrip(Schema.OPTIONAL_BOOLEAN_SCHEMA, true)).isEqualTo(true);
        assertThat(roundTrip(Schema.OPTIONAL_STRING_SCHEMA, "é")).isEqualTo("é");
        assertThat(roundTrip(Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {1, 2})).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        Date instant = new Date(1_700_000_000_123L);
        assertThat(roundTrip(Timestamp.builder().optional().build(), instant)).isEqualTo(instant);
        assertThat(roundTrip(SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).optional().build(), List.of(1, 2)))
                .isEqualTo(List.of(1, 2));
    }

    @Test
    void aDecimalGetsTheScaleOfItsField() {
        // the diff compares 1.50 and 1.5 as equal; the event shows the column's scale again
        assertThat(roundTrip(Decimal.builder(2).optional().build(), new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(roundTrip(Decimal.builder(2).optional().build(), BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.00"));
        assertThatThrownBy(() -> roundTrip(Decimal.builder(1).optional().build(), new BigDecimal("1.25")))
                .isInstanceOf(DataException.class).hasMessageContaining("more fraction digits than the 1");
    }

    @Test
    void aValueThatDoesNotFitItsFieldIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> roundTrip(Schema.OPTIONAL_INT32_SCHEMA, 1L << 40))
                .isInstanceOf(DataException.class).hasMessageNotContaining(String.valueOf(1L << 40))
                .hasMessageContaining("range of int32");
        assertThatThrownBy(() -> roundTrip(Schema.OPTIONAL_STRING_SCHEMA, 42))
                .isInstanceOf(DataException.class).hasMessage("A value of kind Long where string is declared");
        assertThatThrownBy(() -> roundTrip(Schema.OPTIONAL_INT64_SCHEMA, "secret-text"))
                .isInstanceOf(DataException.class).hasMessageNotContaining("secret-text");
        assertThatThrownBy(() -> roundTrip(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build(), List.of(1)))
                .isInstanceOf(DataException.class);
    }
}
