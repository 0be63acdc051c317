package io.hermesconnect.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class ChangeEventSchemasTest {

    private final ChangeEventSchemas users = ChangeEventSchemas.builder("app", "public", "user-accounts")
            .column("id", Schema.INT32_SCHEMA)
            .column("tenant", Schema.STRING_SCHEMA)
            .column("login", Schema.OPTIONAL_STRING_SCHEMA)
            .secretColumn("password", Schema.OPTIONAL_STRING_SCHEMA)
            .column("group_id", Schema.OPTIONAL_INT32_SCHEMA)
            .primaryKey(List.of("tenant", "id"))
            .foreignKey("group_id", "groups.id")
            .build();

    private final SourceInfo source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "inventory")
            .table("public", "user-accounts").commitTime(1_700_000_000_000L).txId(42L).lsn(1234L);

    @Test
    void namesFollowDebeziumAndAreSanitised() {
        assertThat(users.keySchema().name()).isEqualTo("app.public.user_accounts.Key");
        assertThat(users.rowSchema().name()).isEqualTo("app.public.user_accounts.Value");
        assertThat(users.valueSchema().name()).isEqualTo("app.public.user_accounts.Envelope");
    }

    @Test
    void envelopeHasDebeziumFieldsInOrder() {
        assertThat(users.valueSchema().fields()).extracting(f -> f.name())
                .containsExactly("before", "after", "source", "transaction", "op", "ts_ms");
        assertThat(users.valueSchema().field("before").schema().isOptional()).isTrue();
        assertThat(users.valueSchema().field("source").schema().name()).isEqualTo("io.hermesconnect.Source");
    }

    @Test
    void keySchemaHoldsPrimaryKeyColumnsInKeyOrder() {
        assertThat(users.keySchema().fields()).extracting(f -> f.name()).containsExactly("tenant", "id");
        Struct key = users.key(row(7, "acme"));
        assertThat(key.getString("tenant")).isEqualTo("acme");
        assertThat(key.getInt32("id")).isEqualTo(7);
    }

    @Test
    void tableWithoutKeyHasNullKey() {
        ChangeEventSchemas log = ChangeEventSchemas.builder("app", "public", "log").column("line", Schema.STRING_SCHEMA).build();
        assertThat(log.keySchema()).isNull();
        assertThat(log.key(new Struct(log.rowSchema()).put("line", "x"))).isNull();
        assertThat(SchemaParameters.primaryKey(log.valueSchema())).isEmpty();
    }

    @Test
    void schemaParametersCarryKeysForeignKeysAndSecrets() {
        assertThat(SchemaParameters.primaryKey(users.valueSchema())).containsExactly("tenant", "id");
        assertThat(SchemaParameters.foreignKeys(users.valueSchema())).isEqualTo(Map.of("group_id", "groups.id"));
        assertThat(SchemaParameters.isSecret(users.rowSchema().field("password").schema())).isTrue();
        assertThat(SchemaParameters.isSecret(users.rowSchema().field("login").schema())).isFalse();
        assertThat(users.rowSchema().field("password").schema().isOptional()).isTrue();
    }

    @Test
    void secretMarkKeepsLogicalTypesAndNestedSchemas() {
        Schema tags = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();
        Schema marked = SchemaParameters.markedSecret(tags);
        assertThat(SchemaParameters.isSecret(marked)).isTrue();
        assertThat(marked.type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(marked.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(marked.isOptional()).isTrue();
        Schema ts = SchemaParameters.markedSecret(org.apache.kafka.connect.data.Timestamp.SCHEMA);
        assertThat(ts.name()).isEqualTo(org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME);
    }

    @Test
    void unknownKeyOrForeignKeyColumnIsRejected() {
        assertThatThrownBy(() -> ChangeEventSchemas.builder("app", "t").column("a", Schema.INT32_SCHEMA)
                .primaryKey(List.of("b")).build())
                .isInstanceOf(DataException.class).hasMessageContaining("primary key column 'b'");
        assertThatThrownBy(() -> ChangeEventSchemas.builder("app", "t").column("a", Schema.INT32_SCHEMA)
                .foreignKey("c", "x.y").build())
                .isInstanceOf(DataException.class).hasMessageContaining("foreign key column 'c'");
    }

    @Test
    void envelopeValidatesAgainstItsSchemaAndSerialises() {
        Struct before = row(7, "acme").put("login", "old");
        Struct after = row(7, "acme").put("login", "new");
        Struct value = users.envelope(Operation.UPDATE, before, after, source.struct(),
                TransactionMetadata.block("42:1234", 3, 1), 99L);
        value.validate();
        JsonConverter json = new JsonConverter();
        json.configure(Map.of("schemas.enable", "false"), false);
        String text = new String(json.fromConnectData("t", value.schema(), value));
        assertThat(text).contains("\"op\":\"u\"", "\"login\":\"new\"", "\"txId\":42", "\"connector\":\"wal\"",
                "\"total_order\":3");
    }

    @Test
    void createWithoutAfterIsRejected() {
        assertThatThrownBy(() -> users.envelope(Operation.CREATE, null, null, source.struct(), null, 1L))
                .isInstanceOf(DataException.class).hasMessageContaining("needs an 'after' row");
    }

    @Test
    void truncateHasNeitherBeforeNorAfter() {
        Struct value = users.envelope(Operation.TRUNCATE, null, null, source.struct(), null, 1L);
        value.validate();
        assertThat(value.getString("op")).isEqualTo("t");
    }

    private Struct row(int id, String tenant) {
        return new Struct(users.rowSchema()).put("id", id).put("tenant", tenant);
    }
}
