package io.hermesconnect.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.data.Envelope;
import io.hermesconnect.common.testing.DebeziumPostgresSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ChangeEventTest {

    private final ChangeEventSchemas users = ChangeEventSchemas.builder("app", "public", "users")
            .column("id", Schema.INT32_SCHEMA)
            .column("name", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();

    @Test
    void readsOurUpdateEvent() {
        Struct before = new Struct(users.rowSchema()).put("id", 1).put("name", "Ann");
        Struct after = new Struct(users.rowSchema()).put("id", 1).put("name", "Anna");
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "inventory").table("public", "users")
                .commitTime(1000L).txId(77L).lsn(4096L).struct();
        ChangeEvent event = ChangeEvent.of(record(users.key(after), users.envelope(Operation.UPDATE, before, after, source,
                TransactionMetadata.block("77", 1, 1), 2000L)));

        assertThat(event.op()).isEqualTo(Operation.UPDATE);
        assertThat(event.before().getString("name")).isEqualTo("Ann");
        assertThat(event.after().getString("name")).isEqualTo("Anna");
        assertThat(event.row()).isSameAs(event.after());
        assertThat(event.dataCollection()).isEqualTo("public.users");
        assertThat(event.connector()).isEqualTo("wal");
        assertThat(event.name()).isEqualTo("app");
        assertThat(event.db()).isEqualTo("inventory");
        assertThat(event.lsn()).isEqualTo(4096L);
        assertThat(event.poll()).isNull();
        assertThat(event.txId()).isEqualTo(77L);
        assertThat(event.sourceTsMs()).isEqualTo(1000L);
        assertThat(event.tsMs()).isEqualTo(2000L);
        assertThat(event.isSnapshot()).isFalse();
        assertThat(event.transaction().getString("id")).isEqualTo("77");
        assertThat(((Struct) event.key()).getInt32("id")).isEqualTo(1);
        assertThat(event.rowSchema()).isSameAs(users.rowSchema());
    }

    @Test
    void readsDiffSourceDeleteWithTypeAndPoll() {
        ChangeEventSchemas type = ChangeEventSchemas.builder("hr", "Users").column("uid", Schema.STRING_SCHEMA)
                .primaryKey(List.of("uid")).build();
        Struct before = new Struct(type.rowSchema()).put("uid", "u1");
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_POLLING_DIFF, "hr", "hr-sources").table(null, "Users")
                .poll(12L).snapshot(SourceInfo.Snapshot.LAST).struct();
        ChangeEvent event = ChangeEvent.of(record(type.key(before), type.envelope(Operation.DELETE, before, null, source, null, 5L)));

        assertThat(event.op()).isEqualTo(Operation.DELETE);
        assertThat(event.after()).isNull();
        assertThat(event.row()).isSameAs(event.before());
        assertThat(event.schema()).isNull();
        assertThat(event.table()).isEqualTo("Users");
        assertThat(event.dataCollection()).isEqualTo("Users");
        assertThat(event.poll()).isEqualTo(12L);
        assertThat(event.lsn()).isNull();
        assertThat(event.snapshot()).isEqualTo("last");
        assertThat(event.isSnapshot()).isTrue();
    }

    @Test
    void readsDebeziumEvents() {
        Schema row = SchemaBuilder.struct().name("dbz.public.users.Value").optional()
                .field("id", Schema.INT32_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema source = DebeziumPostgresSource.schema();
        Envelope envelope = Envelope.defineSchema().withName("dbz.public.users.Envelope")
                .withRecord(row).withSource(source).build();
        Struct sourceValue = new Struct(source).put("version", "3.7.0.Final").put("connector", "postgresql")
                .put("name", "dbz").put("ts_ms", 1000L).put("snapshot", "first").put("db", "inventory")
                .put("schema", "public").put("table", "users").put("txId", 9L).put("lsn", 123L);
        Struct after = new Struct(row).put("id", 3).put("name", "Bob");

        ChangeEvent created = ChangeEvent.of(record(null, envelope.create(after, sourceValue, Instant.ofEpochMilli(2000))));
        assertThat(created.op()).isEqualTo(Operation.CREATE);
        assertThat(created.after().getString("name")).isEqualTo("Bob");
        assertThat(created.connector()).isEqualTo("postgresql");
        assertThat(created.dataCollection()).isEqualTo("public.users");
        assertThat(created.lsn()).isEqualTo(123L);
        assertThat(created.txId()).isEqualTo(9L);
        assertThat(created.snapshot()).isEqualTo("first");
        assertThat(created.tsMs()).isEqualTo(2000L);
        assertThat(created.poll()).isNull();

        ChangeEvent deleted = ChangeEvent.of(record(null, envelope.delete(after, sourceValue, Instant.ofEpochMilli(3000))));
        assertThat(deleted.op()).isEqualTo(Operation.DELETE);
        assertThat(deleted.before().getInt32("id")).isEqualTo(3);
        assertThat(deleted.after()).isNull();
    }

    @Test
    void tombstonesAndPlainRecordsAreNotChangeEvents() {
        SourceRecord tombstone = record(null, null);
        assertThat(ChangeEvent.isChangeEvent(tombstone)).isFalse();
        assertThatThrownBy(() -> ChangeEvent.of(tombstone)).isInstanceOf(DataException.class)
                .hasMessageContaining("topic 't'").hasMessageContaining("tombstone");

        Schema plain = SchemaBuilder.struct().name("plain").field("a", Schema.INT32_SCHEMA).build();
        SourceRecord plainRecord = new SourceRecord(Map.of(), Map.of(), "t", null, null, plain, new Struct(plain).put("a", 1));
        assertThat(ChangeEvent.isChangeEvent(plainRecord)).isFalse();
        assertThatThrownBy(() -> ChangeEvent.of(plainRecord)).hasMessageContaining("'plain'");
    }

    @Test
    void transactionRecordsAreRecognisedButAreNotChangeEvents() {
        SourceRecord begin = new SourceRecord(Map.of(), Map.of(), "app.transaction", TransactionMetadata.KEY_SCHEMA,
                TransactionMetadata.key("77"), TransactionMetadata.VALUE_SCHEMA, TransactionMetadata.begin("77", 1L));
        SourceRecord end = new SourceRecord(Map.of(), Map.of(), "app.transaction", TransactionMetadata.KEY_SCHEMA,
                TransactionMetadata.key("77"), TransactionMetadata.VALUE_SCHEMA,
                TransactionMetadata.end("77", 2L, Map.of("public.users", 3L)));
        ((Struct) end.value()).validate();
        assertThat(TransactionMetadata.isTransactionRecord(begin)).isTrue();
        assertThat(TransactionMetadata.isTransactionRecord(end)).isTrue();
        assertThat(((Struct) end.value()).getInt64("event_count")).isEqualTo(3L);
        Schema element = TransactionMetadata.VALUE_SCHEMA.field("data_collections").schema().valueSchema();
        assertThat(element.name()).isEqualTo("event.collection");
        assertThat(element.isOptional()).isTrue();
        assertThat(TransactionMetadata.KEY_SCHEMA.version()).isEqualTo(1);
        assertThat(TransactionMetadata.VALUE_SCHEMA.version()).isEqualTo(1);
        assertThat(ChangeEvent.isChangeEvent(begin)).isFalse();
        assertThat(TransactionMetadata.isTransactionRecord(record(null, null))).isFalse();
    }

    @Test
    void unknownOperationCodeIsADataError() {
        assertThatThrownBy(() -> Operation.forCode("x")).isInstanceOf(DataException.class).hasMessageContaining("'x'");
        assertThat(Operation.forCode("t")).isEqualTo(Operation.TRUNCATE);
    }

    private static SourceRecord record(Object key, Struct value) {
        return new SourceRecord(Map.of(), Map.of(), "t", 0, null, key, value == null ? null : value.schema(), value);
    }
}
