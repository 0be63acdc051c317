package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.ChangeEventSchemas;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class TemplateValuesTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    private static final Schema ADDRESS = SchemaBuilder.struct().name("Address").field("city", Schema.STRING_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().name("Row")
            .field("cn", Schema.STRING_SCHEMA)
            .field("age", Schema.OPTIONAL_INT32_SCHEMA)
            .field("address", ADDRESS)
            .field("groups", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("rooms", SchemaBuilder.array(ADDRESS).build())
            .field("labels", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("photo", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("created", Timestamp.SCHEMA)
            .field("balance", Decimal.schema(2))
            .build();

    private static Struct row() {
        return new Struct(ROW)
                .put("cn", "ada")
                .put("age", 36)
                .put("address", new Struct(ADDRESS).put("city", "London"))
                .put("groups", List.of("admins", "users"))
                .put("rooms", List.of(new Struct(ADDRESS).put("city", "Paris")))
                .put("labels", Map.of("a", 1))
                .put("photo", ByteBuffer.wrap("png".getBytes(StandardCharsets.UTF_8)))
                .put("created", new Date(0))
                .put("balance", new BigDecimal("12.50"));
    }

    @Test
    void showsAStructAsAMapOfItsFieldsInSchemaOrder() {
        Map<String, Object> values = TemplateValues.fromStruct(row());

        assertThat(values.keySet()).containsExactly("cn", "age", "address", "groups", "rooms", "labels", "photo", "created", "balance");
        assertThat(values.get("cn")).isEqualTo("ada");
        assertThat(values.get("address")).isEqualTo(Map.of("city", "London"));
        assertThat(values.get("rooms")).isEqualTo(List.of(Map.of("city", "Paris")));
        assertThat(values.get("labels")).isEqualTo(Map.of("a", 1));
        assertThat(values.get("photo")).isEqualTo("cG5n");
        assertThat(values.get("created")).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(values.get("balance")).isEqualTo(new BigDecimal("12.50"));
        assertThat(values.containsKey("age")).isTrue();
        assertThat(values.containsKey("missing")).isFalse();
        assertThat(values.get("missing")).isNull();
    }

    @Test
    void isAViewNotACopy() {
        Struct row = row();
        Map<String, Object> values = TemplateValues.fromStruct(row);

        row.put("cn", "grace");

        assertThat(values.get("cn")).isEqualTo("grace");
        assertThatThrownBy(() -> values.put("cn", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void turnsOtherCollectionsIntoListsAndOtherObjectsIntoText() {
        Object someObject = new Object() {
            @Override
            public String toString() {
                return "some object";
            }
        };

        assertThat(TemplateValues.fromConnect(Set.of("x"))).isEqualTo(Set.of("x"));
        assertThat(TemplateValues.fromConnect(new String[] {"a", "b"})).isEqualTo(List.of("a", "b"));
        assertThat(TemplateValues.fromConnect(someObject)).isEqualTo("some object");
        assertThat(TemplateValues.fromConnect(List.of(someObject))).isEqualTo(List.of("some object"));
        assertThat(TemplateValues.fromConnect(LocalDate.EPOCH)).isEqualTo("1970-01-01");
        assertThat(TemplateValues.fromConnect(new StringBuilder("sb"))).isEqualTo("sb");
    }

    @Test
    void mapsNullToNull() {
        assertThat(TemplateValues.fromStruct(null)).isNull();
        assertThat(TemplateValues.fromConnect(null)).isNull();
    }

    @Test
    void letsTemplatesReadStructsPassedAsVariables() {
        Map<String, Object> variables = Map.of("after", row());

        assertThat(ENGINE.compile("{{ after.address.city }}").render(variables)).isEqualTo("London");
        assertThat(ENGINE.compile("{{ after.rooms[0].city }}").render(variables)).isEqualTo("Paris");
        assertThat(ENGINE.compile("{{ after.groups | join(',') }}").render(variables)).isEqualTo("admins,users");
        assertThat(ENGINE.compile("{{ after.labels.a }}").render(variables)).isEqualTo(1);
        assertThat(ENGINE.compile("{{ after.photo }}").render(variables)).isEqualTo("cG5n");
        assertThat(ENGINE.compile("{{ after.photo | b64decode }}").render(variables)).isEqualTo("png");
        assertThat(ENGINE.compile("{{ after.created | date_format('yyyy') }}").render(variables)).isEqualTo("1970");
        assertThat(ENGINE.compile("{{ after.created }}").render(variables)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(ENGINE.compile("{{ after.balance }}").render(variables)).isEqualTo(new BigDecimal("12.50"));
        assertThat(ENGINE.compile("{{ after.age }}").render(variables)).isEqualTo(36);
        assertThatThrownBy(() -> ENGINE.compile("{{ after.nope }}").render(variables)).hasMessageContaining("'after.nope' is undefined");
    }

    @Test
    void letsTemplatesReadSecretFieldsWithoutLeakingThemInErrors() {
        ChangeEventSchemas schemas = ChangeEventSchemas.builder("app", "public", "users")
                .column("cn", Schema.STRING_SCHEMA)
                .secretColumn("password", Schema.STRING_SCHEMA)
                .build();
        Map<String, Object> variables = Map.of("after", new Struct(schemas.rowSchema()).put("cn", "ada").put("password", "hunter2-secret"));

        assertThat((String) ENGINE.compile("{{ after.password | ldap_password_hash('SSHA') }}").render(variables)).startsWith("{SSHA}");
        assertThatThrownBy(() -> ENGINE.compile("{{ after.password - 2 }}").render(variables))
                .isInstanceOf(TemplateException.class)
                .message().asString().doesNotContain("hunter2-secret");
    }
}
