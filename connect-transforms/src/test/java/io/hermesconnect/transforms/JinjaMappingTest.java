package io.hermesconnect.transforms;

import static io.hermesconnect.transforms.TestEvents.alice;
import static io.hermesconnect.transforms.TestEvents.create;
import static io.hermesconnect.transforms.TestEvents.delete;
import static io.hermesconnect.transforms.TestEvents.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SchemaParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JinjaMappingTest {

    /** The classic identity mapping: full name, lower-cased login, hashed password, groups, age. */
    private static final String[] CLASSIC = {
        "attrs", "full_name,login,password_hash,groups_sorted,age",
        "attrs.full_name.template", "{{ first_name }} {{ last_name }}",
        "attrs.login.template", "{{ login | lower }}",
        "attrs.password_hash.template", "{{ password | ldap_password_hash('SSHA') }}",
        "attrs.groups_sorted.template", "{{ groups | sort }}",
        "attrs.groups_sorted.type", "array<string>",
        "attrs.age.template", "{{ age }}",
        "drop", "password",
    };

    private static <R extends ConnectRecord<R>> JinjaMapping<R> mapping(String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        JinjaMapping<R> mapping = new JinjaMapping<>();
        mapping.configure(config);
        return mapping;
    }

    private static SourceRecord applied(JinjaMapping<SourceRecord> mapping, SourceRecord record) {
        return mapping.apply(record);
    }

    private static Struct after(SourceRecord record) {
        return ((Struct) record.value()).getStruct("after");
    }

    private static Struct before(SourceRecord record) {
        return ((Struct) record.value()).getStruct("before");
    }

    @Test
    void computesTheClassicAttributes() {
        SourceRecord out = applied(mapping(CLASSIC), create(alice()));
        Struct after = after(out);
        assertThat(after.getString("full_name")).isEqualTo("Alice Martin");
        assertThat(after.getString("login")).isEqualTo("amartin");
        assertThat(after.getString("password_hash")).startsWith("{SSHA}");
        assertThat(after.getArray("groups_sorted")).containsExactly("admins", "staff");
        assertThat(after.getInt32("age")).isEqualTo(42);
        assertThat(after.schema().field("password")).isNull();
    }

    @Test
    void outputSchemaKeepsOrderTypesAndMarksSecrets() {
        Schema row = after(applied(mapping(CLASSIC), create(alice()))).schema();
        assertThat(row.name()).isEqualTo("app.public.users.Value");
        assertThat(row.fields()).extracting(f -> f.name()).containsExactly(
                "id", "first_name", "last_name", "login", "age", "groups", "address", "group_id", "full_name", "password_hash",
                "groups_sorted");
        assertThat(row.field("age").schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
        assertThat(row.field("groups").schema()).isEqualTo(TestEvents.USERS.rowSchema().field("groups").schema());
        assertThat(row.field("full_name").schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(row.field("groups_sorted").schema().type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(SchemaParameters.isSecret(row.field("password_hash").schema())).isTrue();
        assertThat(SchemaParameters.isSecret(row.field("full_name").schema())).isFalse();
    }

    @Test
    void bareReferencesKeepTheirSchemaAndSecrecy() {
        SourceRecord out = applied(mapping("attrs", "pw,city,tags",
                "attrs.pw.template", "{{ password }}",
                "attrs.city.template", "{{ address.city }}",
                "attrs.tags.template", "{{ groups }}"), create(alice()));
        Schema row = after(out).schema();
        assertThat(SchemaParameters.isSecret(row.field("pw").schema())).isTrue();
        assertThat(row.field("city").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(after(out).getString("city")).isEqualTo("Paris");
        assertThat(after(out).getArray("tags")).containsExactly("staff", "admins");
    }

    @Test
    void declaredSecretMarksEvenABareReference() {
        SourceRecord out = applied(mapping("attrs", "a,b",
                "attrs.a.template", "{{ login }}", "attrs.a.secret", "true",
                "attrs.b.template", "x{{ login }}", "attrs.b.secret", "true"), create(alice()));
        assertThat(SchemaParameters.isSecret(after(out).schema().field("a").schema())).isTrue();
        assertThat(SchemaParameters.isSecret(after(out).schema().field("b").schema())).isTrue();
        assertThat(after(out).getString("a")).isEqualTo("AMartin");
    }

    @Test
    void mapsBeforeAndAfterAlikeOnUpdates() {
        SourceRecord out = applied(mapping(CLASSIC),
                update(alice(), TestEvents.user(1, "Alice", "Durand", "ADurand", 43)));
        assertThat(before(out).getString("full_name")).isEqualTo("Alice Martin");
        assertThat(after(out).getString("full_name")).isEqualTo("Alice Durand");
        assertThat(before(out).schema()).isSameAs(after(out).schema());
    }

    @Test
    void nullRowsStayNull() {
        JinjaMapping<SourceRecord> mapping = mapping(CLASSIC);
        SourceRecord created = mapping.apply(create(alice()));
        assertThat(before(created)).isNull();
        SourceRecord deleted = mapping.apply(delete(alice()));
        assertThat(after(deleted)).isNull();
        assertThat(before(deleted).getString("login")).isEqualTo("amartin");
        SourceRecord truncated = mapping.apply(TestEvents.truncate());
        assertThat(before(truncated)).isNull();
        assertThat(after(truncated)).isNull();
        assertThat(truncated.valueSchema()).isSameAs(created.valueSchema());
        assertThat(((Struct) truncated.value()).getString("op")).isEqualTo("t");
    }

    @Test
    void keepsEnvelopeFieldsAndRecordCoordinates() {
        SourceRecord in = create(alice());
        in.headers().addString("h", "v");
        SourceRecord out = applied(mapping(CLASSIC), in);
        Struct value = (Struct) out.value();
        assertThat(value.getStruct("source")).isEqualTo(((Struct) in.value()).getStruct("source"));
        assertThat(value.getInt64("ts_ms")).isEqualTo(1_700_000_000_000L);
        assertThat(out.topic()).isEqualTo(in.topic());
        assertThat(out.key()).isEqualTo(in.key());
        assertThat(out.headers().lastWithName("h").value()).isEqualTo("v");
        assertThat(out.sourceOffset()).isEqualTo(in.sourceOffset());
    }

    @Test
    void outputSchemasAreBuiltOncePerInputSchema() {
        JinjaMapping<SourceRecord> mapping = mapping(CLASSIC);
        SourceRecord first = mapping.apply(create(alice()));
        SourceRecord second = mapping.apply(update(alice(), TestEvents.user(2, "Bob", "B", "bob", 9)));
        assertThat(second.valueSchema()).isSameAs(first.valueSchema());
    }

    @Test
    void tombstonesAndTransactionRecordsPassUntouched() {
        JinjaMapping<SourceRecord> mapping = mapping(CLASSIC);
        SourceRecord tombstone = TestEvents.tombstone(1);
        SourceRecord begin = TestEvents.transactionBegin();
        assertThat(mapping.apply(tombstone)).isSameAs(tombstone);
        assertThat(mapping.apply(begin)).isSameAs(begin);
    }

    @Test
    void dropAndRenameFollowIntoModelParameters() {
        SourceRecord out = applied(mapping("drop", "password,address", "rename", "id:uid,group_id:gid"),
                create(alice()));
        assertThat(after(out).schema().fields()).extracting(f -> f.name())
                .containsExactly("uid", "first_name", "last_name", "login", "age", "groups", "gid");
        assertThat(after(out).getInt32("uid")).isEqualTo(1);
        assertThat(SchemaParameters.primaryKey(out.valueSchema())).containsExactly("uid");
        assertThat(SchemaParameters.foreignKeys(out.valueSchema())).containsExactly(Map.entry("gid", "groups.id"));
    }

    @Test
    void recomputesTheKeyFromAfterElseBefore() {
        JinjaMapping<SourceRecord> mapping = mapping("attrs", "uid", "attrs.uid.template", "{{ login | lower }}",
                "key.fields", "uid");
        SourceRecord created = mapping.apply(create(alice()));
        assertThat(created.keySchema().name()).isEqualTo("app.public.users.Key");
        assertThat(((Struct) created.key()).getString("uid")).isEqualTo("amartin");
        assertThat(SchemaParameters.primaryKey(created.valueSchema())).containsExactly("uid");
        SourceRecord deleted = mapping.apply(delete(alice()));
        assertThat(((Struct) deleted.key()).getString("uid")).isEqualTo("amartin");
        SourceRecord truncated = mapping.apply(TestEvents.truncate());
        assertThat(truncated.key()).isNull();
    }

    @Test
    void mapsPlainStructRows() {
        JinjaMapping<SourceRecord> mapping = mapping(CLASSIC);
        SourceRecord out = mapping.apply(TestEvents.plain(alice()));
        assertThat(((Struct) out.value()).getString("full_name")).isEqualTo("Alice Martin");
    }

    @Test
    void mapsDebeziumEvents() {
        JinjaMapping<SourceRecord> mapping = mapping("attrs", "name,email", "attrs.name.template", "{{ first_name }} {{ last_name }}",
                "attrs.email.template", "{{ email | upper }}");
        SourceRecord out = mapping.apply(DebeziumEvents.customerUpdated());
        assertThat(before(out).getString("name")).isEqualTo("Sally Thomas");
        assertThat(after(out).getString("name")).isEqualTo("Sally Jones");
        assertThat(after(out).getString("email")).isEqualTo("SALLY.JONES@ACME.COM");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
        "{{ age + 1 }} | int64 | 43",
        "{{ age + 1 }} | int32 | 43",
        "{{ age + 1 }} | string | 43",
        "{{ age > 18 }} | boolean | true",
        "{{ age / 2 }} | float64 | 21.0",
    })
    void declaredTypesReceiveFittingValues(String template, String type, String expected) {
        SourceRecord out = applied(mapping("attrs", "x", "attrs.x.template", template, "attrs.x.type", type),
                create(alice()));
        assertThat(String.valueOf(after(out).get("x"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
        "{{ groups }} | string",
        "{{ first_name }} | int32",
        "{{ age * 1.5 }} | int64",
        "{{ age }} | boolean",
        "{{ [1, 'a'] }} | array<int32>",
    })
    void valuesThatDoNotFitAreRecordErrors(String template, String type) {
        JinjaMapping<SinkRecord> mapping = mapping("attrs", "x", "attrs.x.template", template, "attrs.x.type", type);
        assertThatThrownBy(() -> mapping.apply(TestEvents.atOffset(create(alice()), 99)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("JinjaMapping attribute 'x' (attrs.x.template)")
                .hasMessageContaining("offset 99")
                .hasMessageContaining("in after")
                .hasMessageContaining("does not fit the declared type");
    }

    @Test
    void renderedListsNeedADeclaredType() {
        JinjaMapping<SourceRecord> mapping = mapping("attrs", "x", "attrs.x.template", "{{ groups | unique }}");
        assertThatThrownBy(() -> mapping.apply(create(alice()))).isInstanceOf(DataException.class)
                .hasMessageContaining("does not fit the declared type string");
    }

    @Test
    void templateErrorsAreRecordErrorsWithoutValues() {
        JinjaMapping<SourceRecord> mapping = mapping("attrs", "x", "attrs.x.template", "{{ password ~ nickname }}");
        assertThatThrownBy(() -> mapping.apply(create(alice()))).isInstanceOf(DataException.class)
                .hasMessageContaining("JinjaMapping attribute 'x'")
                .hasMessageContaining("topic 'app.public.users' partition 0")
                .hasMessageContaining("nickname")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void referenceThroughANullStructIsARecordError() {
        Struct homeless = alice().put("address", null);
        JinjaMapping<SourceRecord> mapping = mapping("attrs", "city", "attrs.city.template", "{{ address.city }}");
        assertThatThrownBy(() -> mapping.apply(create(homeless))).isInstanceOf(DataException.class)
                .hasMessageContaining("'address' is null");
    }

    @Test
    void referenceToAFieldOfAnotherTableIsARecordError() {
        JinjaMapping<SourceRecord> mapping = mapping("attrs", "x", "attrs.x.template", "{{ login }}");
        SourceRecord group = TestEvents.event(TestEvents.GROUPS, Operation.CREATE, null,
                TestEvents.group(1, "staff"));
        assertThatThrownBy(() -> mapping.apply(group)).isInstanceOf(DataException.class)
                .hasMessageContaining("refers to 'login', which is not a field of schema 'app.public.groups.Value'")
                .hasMessageContaining("topic 'app.public.groups'");
    }

    @Test
    void renameClashIsARecordError() {
        JinjaMapping<SourceRecord> mapping = mapping("rename", "login:last_name");
        assertThatThrownBy(() -> mapping.apply(create(alice()))).isInstanceOf(DataException.class)
                .hasMessageContaining("two fields named 'last_name'");
    }

    @Test
    void schemalessValuesAreRecordErrors() {
        JinjaMapping<SourceRecord> mapping = mapping(CLASSIC);
        SourceRecord schemaless = new SourceRecord(Map.of(), Map.of(), "t", 0, null, Map.of("a", 1));
        assertThatThrownBy(() -> mapping.apply(schemaless)).isInstanceOf(DataException.class)
                .hasMessageContaining("only Struct values are supported");
    }

    @Test
    void missingKeyFieldIsARecordError() {
        JinjaMapping<SourceRecord> mapping = mapping("key.fields", "nope");
        assertThatThrownBy(() -> mapping.apply(create(alice()))).isInstanceOf(DataException.class)
                .hasMessageContaining("key field 'nope'");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "attrs.x.template | {{ first_name",
        "attrs.x.template | {{ first_name | nosuchfilter }}",
        "attrs.x.template | ''",
        "attrs.x.type | decimal",
        "attrs.x.type | array<map>",
        "attrs.x.secret | perhaps",
        "attrs.x.tmpl | {{ a }}",
        "attrs.y.template | {{ a }}",
        "drop | x",
        "rename | a:b:c",
        "rename | a:b,c:b",
        "attrs | x,x",
    })
    void badKeysFailConfigurationNamingTheKey(String key, String value) {
        Map<String, String> config = new HashMap<>(Map.of("attrs", "x", "attrs.x.template", "{{ first_name }}"));
        config.put(key, value);
        assertThatThrownBy(() -> new JinjaMapping<>().configure(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void missingTemplateFailsConfiguration() {
        assertThatThrownBy(() -> mapping("attrs", "x", "attrs.x.type", "int32"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("attrs.x.template");
    }

    @Test
    void arraysOfStructsKeepTheirSchema() {
        Schema item = SchemaBuilder.struct().name("Item").field("sku", Schema.STRING_SCHEMA).build();
        Schema order = SchemaBuilder.struct().name("Order").field("items", SchemaBuilder.array(item).build()).build();
        Struct value = new Struct(order).put("items", List.of(new Struct(item).put("sku", "a1")));
        JinjaMapping<SourceRecord> mapping = mapping("attrs", "lines,first_sku", "attrs.lines.template", "{{ items }}",
                "attrs.first_sku.template", "{{ items[0].sku }}");
        Struct out = (Struct) mapping.apply(TestEvents.plain(value)).value();
        assertThat(out.schema().field("lines").schema()).isEqualTo(order.field("items").schema());
        assertThat(out.getString("first_sku")).isEqualTo("a1");
    }
}
