package io.hermesconnect.source.diff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.model.PollAbortedException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

class AttributeMappingTest {

    private static final String PREFIX = "types.Users.sources.hr.attrs.";

    private static AttributeMapping mapping(Map<String, String> attributes, Map<String, Schema> declaredTypes) {
        Map<String, MappedAttribute> parsed = new LinkedHashMap<>();
        attributes.forEach((name, value) -> parsed.put(name, MappedAttribute.parse(PREFIX + name, value)));
        return new AttributeMapping(parsed, declaredTypes);
    }

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void mapsAColumnAListOfColumnsAndAnExpression() {
        AttributeMapping mapping = mapping(Map.of("login", "login", "mail", "[mail, alias, old_mail]",
                "name", "{{ first ~ ' ' ~ last }}"), Map.of());

        assertThat(mapping.map(row("login", "ada", "mail", "ada@x.org", "alias", null, "old_mail", "al@x.org",
                "first", "Ada", "last", "Lovelace")))
                .isEqualTo(Map.of("login", "ada", "mail", List.of("ada@x.org", "al@x.org"), "name", "Ada Lovelace"));
    }

    @Test
    void nullAnEmptyListAndAnEmptyMapAreAbsent() {
        AttributeMapping mapping = mapping(Map.of("login", "login", "mail", "[mail, alias]", "groups", "{{ groups }}",
                "extra", "{{ extra }}"), Map.of());

        assertThat(mapping.map(row("login", null, "mail", null, "alias", List.of(), "groups", List.of(), "extra", Map.of())))
                .isEmpty();
    }

    @Test
    void aFailingTemplateAbortsThePollNamingItsKey() {
        AttributeMapping mapping = mapping(Map.of("name", "{{ first ~ missing }}"), Map.of());

        assertThatThrownBy(() -> mapping.map(row("first", "Ada")))
                .isInstanceOf(PollAbortedException.class).hasMessageContaining(PREFIX + "name");
    }

    @Test
    void schemasComeFromTheColumnsOrTheDeclaredTypes() {
        Schema amount = Decimal.builder(2).optional().build();
        AttributeMapping mapping = mapping(Map.of("login", "login", "mail", "[mail, alias]", "salary", "{{ salary }}",
                "uid_number", "{{ uid | int }}", "name", "{{ first ~ last }}"), Map.of("uid_number", Schema.OPTIONAL_INT64_SCHEMA));

        Map<String, Schema> columns = Map.of("login", Schema.OPTIONAL_STRING_SCHEMA, "mail", Schema.OPTIONAL_STRING_SCHEMA,
                "alias", Schema.OPTIONAL_STRING_SCHEMA, "salary", amount, "uid", Schema.OPTIONAL_STRING_SCHEMA,
                "first", Schema.OPTIONAL_STRING_SCHEMA, "last", Schema.OPTIONAL_STRING_SCHEMA);

        assertThat(mapping.schema(columns)).isEqualTo(Map.of(
                "login", Schema.OPTIONAL_STRING_SCHEMA,
                "mail", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build(),
                "salary", amount,
                "uid_number", Schema.OPTIONAL_INT64_SCHEMA,
                "name", Schema.OPTIONAL_STRING_SCHEMA));
        assertThat(mapping.columns()).isEqualTo(Set.of("login", "mail", "alias", "salary"));
        assertThat(mapping.namesEveryColumn()).isFalse();
    }

    @Test
    void anUnknownColumnIsAnErrorOnItsMapping() {
        AttributeMapping mapping = mapping(Map.of("login", "login", "mail", "[mail, alias]"), Map.of());

        Map<String, Schema> columns = new LinkedHashMap<>();
        columns.put("login", Schema.OPTIONAL_STRING_SCHEMA);
        columns.put("mail", Schema.OPTIONAL_STRING_SCHEMA);

        assertThatThrownBy(() -> mapping.schema(columns))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo(PREFIX + "mail");
                    assertThat(e.problem()).isEqualTo("The query returns no column [alias]; its columns are [login, mail]");
                });
    }

    @Test
    void theColumnsOfAListMustShareOneSchema() {
        AttributeMapping mapping = mapping(Map.of("ids", "[id, legacy_id]"), Map.of());

        assertThatThrownBy(() -> mapping.schema(Map.of("id", Schema.OPTIONAL_INT64_SCHEMA, "legacy_id", Schema.OPTIONAL_STRING_SCHEMA)))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo(PREFIX + "ids"))
                .hasMessageContaining("'id' is int64 while 'legacy_id' is string");
    }

    @Test
    void parsesTheThreeForms() {
        assertThat(MappedAttribute.parse("k", " login ")).isEqualTo(new MappedAttribute.Column("k", "login"));
        assertThat(MappedAttribute.parse("k", "[ a ,b ]")).isEqualTo(new MappedAttribute.ColumnList("k", List.of("a", "b")));
        assertThat(MappedAttribute.parse("k", "{{ a | lower }}")).isInstanceOf(MappedAttribute.Expression.class);
        for (String bad : List.of("", "a,b", "[a,]", "x{{ a }}", "{% if a %}a{% endif %}", "{{ a ")) {
            assertThatThrownBy(() -> MappedAttribute.parse("k", bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("k"));
        }
    }
}
