package io.hermesconnect.transforms.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class AttributeTypeTest {

    @Test
    void integersFitWhenInRange() {
        assertThat(AttributeType.parse("int32").fit(43L)).isEqualTo(43);
        assertThat(AttributeType.parse("int64").fit(7)).isEqualTo(7L);
        assertThat(AttributeType.parse("int8").fit((short) -128)).isEqualTo((byte) -128);
        assertThat(AttributeType.parse("int64").fit(BigInteger.TEN)).isEqualTo(10L);
        assertThatThrownBy(() -> AttributeType.parse("int16").fit(40_000)).hasMessageContaining("does not fit the declared type int16");
        assertThatThrownBy(() -> AttributeType.parse("int64").fit(BigInteger.TWO.pow(70))).hasMessageContaining("BigInteger");
        assertThatThrownBy(() -> AttributeType.parse("int32").fit(1.0)).hasMessageContaining("Double");
        assertThatThrownBy(() -> AttributeType.parse("int32").fit("1")).hasMessageContaining("String");
    }

    @Test
    void stringsTakeScalarsAsText() {
        AttributeType string = AttributeType.parse("STRING");
        assertThat(string.fit(1.5)).isEqualTo("1.5");
        assertThat(string.fit(true)).isEqualTo("true");
        assertThat(string.fit(null)).isNull();
        assertThatThrownBy(() -> string.fit(List.of("a"))).hasMessageContaining("List");
    }

    @Test
    void floatsAndBooleans() {
        assertThat(AttributeType.parse("float64").fit(2)).isEqualTo(2.0);
        assertThat(AttributeType.parse("float32").fit(2.5)).isEqualTo(2.5f);
        assertThat(AttributeType.parse("boolean").fit(false)).isEqualTo(false);
        assertThatThrownBy(() -> AttributeType.parse("boolean").fit("true")).hasMessageContaining("String");
    }

    @Test
    void arraysFitElementByElement() {
        AttributeType longs = AttributeType.parse("array<int64>");
        assertThat(longs.fit(Arrays.asList(1, 2L, null))).isEqualTo(Arrays.asList(1L, 2L, null));
        assertThat(AttributeType.parse("array<array<string>>").fit(List.of(List.of(1)))).isEqualTo(List.of(List.of("1")));
        assertThatThrownBy(() -> longs.fit(List.of("a"))).hasMessageContaining("int64");
        assertThatThrownBy(() -> longs.fit("a")).hasMessageContaining("array<int64>");
    }

    @Test
    void schemasAreOptional() {
        Schema array = AttributeType.parse("array<int32>").schema().build();
        assertThat(array.isOptional()).isTrue();
        assertThat(array.valueSchema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
    }

    @Test
    void unknownTypesAreRejected() {
        assertThatThrownBy(() -> AttributeType.parse("map<string,string>")).hasMessageContaining("unknown type");
        assertThatThrownBy(() -> AttributeType.parse("array<>")).hasMessageContaining("unknown type");
    }
}
