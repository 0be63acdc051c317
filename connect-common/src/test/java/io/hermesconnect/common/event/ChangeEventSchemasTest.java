package io.hermesconnect.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
    void envelopeHasDebeziumFieldsInOrderAndItsVersion() {
        assertThat(users.valueSchema().fields()).extracting(f -> f.name())
                .containsExactly("before", "after", "source", "op", "ts_ms", "ts_us", "ts_ns", "transaction");
        assertThat(users.valueSchema().version()).isEqualTo(2);
        assertThat(users.valueSchema().field("before").schema().isOptional()).isTrue();
        assertThat(users.valueSchema().field("ts_us").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
        assertThat(users.valueSchema().field("source").schema().name()).isEqualTo("io.hermesconnect.Source");
    }

    @Test
    void sourceBlockHasDebeziumsPostgresFieldsInOrderThenOurs() {
        Schema schema = SourceInfo.STRUCT_SCHEMA;
        assertThat(schema.fields()).extracting(f -> f.name()).containsExactly("version", "connector", "name", "ts_ms",
                "snapshot", "db", "sequence", "ts_us", "ts_ns", "schema", "table", "txId", "lsn", "xmin", "origin",
                "origin_lsn", "poll");
        assertThat(schema.version()).isEqualTo(1);
        assertThat(schema.field("schema").schema()).isEqualTo(Schema.STRING_SCHEMA);
        Schema snapshot = schema.field("snapshot").schema();
        assertThat(snapshot.name()).isEqualTo("io.debezium.data.Enum");
        assertThat(snapshot.parameters()).containsEntry("allowed",
                "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental");
        assertThat(snapshot.isOptional()).isTrue();
        assertThat(snapshot.defaultValue()).isEqualTo("false");
    }

    @Test
    void timesCarryMicrosecondsAndNanoseconds() {
        Instant committed = Instant.parse("2024-01-01T00:00:00.123456Z");
        Instant processed = Instant.parse("2024-01-01T00:00:01.987654321Z");
        Struct sourceStruct = new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "inventory").table("public", "t")
                .commitTime(committed).struct();
        Struct value = users.envelope(Operation.TRUNCATE, null, null, sourceStruct, null, processed);

        assertThat(value.getInt64("ts_ms")).isEqualTo(processed.toEpochMilli());
        assertThat(value.getInt64("ts_us")).isEqualTo(1_704_067_201_987_654L);
        assertThat(value.getInt64("ts_ns")).isEqualTo(1_704_067_201_987_654_321L);
        assertThat(sourceStruct.getInt64("ts_ms")).isEqualTo(1_704_067_200_123L);
        assertThat(sourceStruct.getInt64("ts_us")).isEqualTo(1_704_067_200_123_456L);
        assertThat(sourceStruct.getInt64("ts_ns")).isEqualTo(1_704_067_200_123_456_000L);
        assertThat(sourceStruct.getInt64("xmin")).isNull();
    }

    @Test
    void aSourceWithoutSchemasWritesTheRequiredSchemaEmpty() {
        Struct sourceStruct = new SourceInfo(SourceInfo.CONNECTOR_POLLING_DIFF, "hr", "hr-sources").table(null, "Users").struct();
        sourceStruct.validate();
        assertThat(sourceStruct.getString("schema")).isEmpty();
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
