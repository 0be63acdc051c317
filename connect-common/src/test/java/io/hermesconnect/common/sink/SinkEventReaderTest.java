package io.hermesconnect.common.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.data.Envelope;
import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SchemaParameters;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.common.event.TransactionMetadata;
import io.hermesconnect.common.event.UnchangedToast;
import io.hermesconnect.common.testing.DebeziumPostgresSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class SinkEventReaderTest {

    private final ChangeEventSchemas memberships = ChangeEventSchemas.builder("app", "public", "memberships")
            .column("id", Schema.INT32_SCHEMA)
            .column("user_id", Schema.OPTIONAL_STRING_SCHEMA)
            .column("group_id", Schema.OPTIONAL_STRING_SCHEMA)
            .column("note", Schema.OPTIONAL_STRING_SCHEMA)
            .column("photo", Schema.OPTIONAL_BYTES_SCHEMA)
            .column("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .secretColumn("token", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .foreignKey("user_id", "public.users.uid")
            .foreignKey("group_id", "groups.gid")
            .build();
    private final Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "inventory").table("public", "memberships")
            .struct();

    @Test
    void readsOurCreateWithKeyForeignKeysAndSecrets() {
        Struct row = row(7, "u1", "g1").put("note", "hello").put("token", "s3cret");
        SinkEvent event = read(memberships.key(row), memberships.envelope(Operation.CREATE, null, row, source, null, 1L));

        assertThat(event.operation()).isEqualTo(SinkOperation.ADD);
        assertThat(event.object()).isEqualTo(new ObjectKey("public.memberships", List.of(7)));
        assertThat(event.before()).isNull();
        assertThat(event.after()).containsEntry("user_id", "u1").containsEntry("note", "hello").containsEntry("token", "s3cret")
                .containsEntry("photo", null);
        assertThat(event.unchanged()).isEmpty();
        assertThat(event.foreignKeys()).containsExactlyInAnyOrderEntriesOf(Map.of("user_id", "public.users", "group_id", "groups"));
        assertThat(event.parents()).containsExactlyInAnyOrder(new ObjectKey("public.users", List.of("u1")),
                new ObjectKey("groups", List.of("g1")));
        assertThat(event.secretFields()).containsExactly("token");
        assertThat(event.toString()).contains("ADD", "public.memberships", "app.public.memberships-0@42")
                .doesNotContain("s3cret", "u1", "7");
    }

    @Test
    void mapsEveryOperationToMakeEqualOrRemove() {
        Struct before = row(7, "u1", "g1");
        Struct after = row(7, "u1", "g2");
        assertThat(read(memberships.key(after), memberships.envelope(Operation.READ, null, after, source, null, 1L)).operation())
                .isEqualTo(SinkOperation.ADD);
        SinkEvent update = read(memberships.key(after), memberships.envelope(Operation.UPDATE, before, after, source, null, 1L));
        assertThat(update.operation()).isEqualTo(SinkOperation.MODIFY);
        assertThat(update.before()).containsEntry("group_id", "g1");
        assertThat(update.after()).containsEntry("group_id", "g2");

        SinkEvent delete = read(memberships.key(before), memberships.envelope(Operation.DELETE, before, null, source, null, 1L));
        assertThat(delete.operation()).isEqualTo(SinkOperation.REMOVE);
        assertThat(delete.after()).isNull();
        assertThat(delete.parents()).as("a removal's parents come from before")
                .contains(new ObjectKey("public.users", List.of("u1")));
    }

    @Test
    void unchangedToastFieldsAreLeftOutOfAfterAndListed() {
        Struct before = row(7, "u1", "g1").put("note", UnchangedToast.PLACEHOLDER);
        Struct after = row(7, "u2", "g1").put("note", UnchangedToast.PLACEHOLDER)
                .put("photo", UnchangedToast.placeholderBytes()).put("tags", List.of(UnchangedToast.PLACEHOLDER));
        SinkEvent event = read(memberships.key(after), memberships.envelope(Operation.UPDATE, before, after, source, null, 1L));

        assertThat(event.unchanged()).containsExactlyInAnyOrder("note", "photo", "tags");
        assertThat(event.after()).containsEntry("user_id", "u2").doesNotContainKeys("note", "photo", "tags");
        assertThat(event.before()).doesNotContainKey("note");
    }

    @Test
    void realValuesLikeThePlaceholderAreNotMistakenForIt() {
        assertThat(UnchangedToast.isPlaceholder(null)).isFalse();
        assertThat(UnchangedToast.isPlaceholder(List.of(UnchangedToast.PLACEHOLDER, "x"))).isFalse();
        assertThat(UnchangedToast.isPlaceholder("__hermes_unchanged")).isFalse();
        assertThat(UnchangedToast.isPlaceholder(new byte[] {1, 2})).isFalse();
        assertThat(UnchangedToast.isPlaceholder(UnchangedToast.DEBEZIUM_PLACEHOLDER.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void tombstoneRemovesTheObjectItsDeleteNamed() {
        Struct before = row(7, "u1", "g1");
        SinkEvent delete = read(memberships.key(before), memberships.envelope(Operation.DELETE, before, null, source, null, 1L));
        SinkEvent tombstone = read(memberships.key(before), null);

        assertThat(tombstone.operation()).isEqualTo(SinkOperation.REMOVE);
        assertThat(tombstone.object()).isEqualTo(delete.object());
        assertThat(tombstone.before()).isNull();
        assertThat(tombstone.parents()).isEmpty();
    }

    @Test
    void diffSourceTypesAreKindsWithoutSchema() {
        ChangeEventSchemas users = ChangeEventSchemas.builder("hr", "Users").column("uid", Schema.STRING_SCHEMA)
                .primaryKey(List.of("uid")).build();
        Struct diffSource = new SourceInfo(SourceInfo.CONNECTOR_POLLING_DIFF, "hr", "hr").table(null, "Users").struct();
        Struct row = new Struct(users.rowSchema()).put("uid", "ann");

        SinkEvent created = read(users.key(row), users.envelope(Operation.CREATE, null, row, diffSource, null, 1L));
        assertThat(created.object()).isEqualTo(new ObjectKey("Users", List.of("ann")));
        assertThat(read(users.key(row), null).object()).isEqualTo(created.object());
    }

    @Test
    void readsDebeziumCreateUpdateDeleteAndTombstone() {
        Schema row = SchemaBuilder.struct().name("dbz.public.users.Value").optional()
                .field("id", Schema.INT32_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema keySchema = SchemaBuilder.struct().name("dbz.public.users.Key").field("id", Schema.INT32_SCHEMA).build();
        Envelope envelope = Envelope.defineSchema().withName("dbz.public.users.Envelope")
                .withRecord(row).withSource(DebeziumPostgresSource.schema()).build();
        Struct dbzSource = new Struct(DebeziumPostgresSource.schema()).put("version", "3.7.0.Final").put("connector", "postgresql")
                .put("name", "dbz").put("ts_ms", 1000L).put("snapshot", "false").put("db", "inventory")
                .put("schema", "public").put("table", "users");
        Struct key = new Struct(keySchema).put("id", 3);
        Struct bob = new Struct(row).put("id", 3).put("name", "Bob");
        Struct bobby = new Struct(row).put("id", 3).put("name", "Bobby");
        Struct unavailable = new Struct(row).put("id", 3).put("name", UnchangedToast.DEBEZIUM_PLACEHOLDER);

        SinkEvent created = read(key, envelope.create(bob, dbzSource, Instant.EPOCH));
        SinkEvent read = read(key, envelope.read(bob, dbzSource, Instant.EPOCH));
        SinkEvent updated = read(key, envelope.update(bob, bobby, dbzSource, Instant.EPOCH));
        SinkEvent deleted = read(key, envelope.delete(bobby, dbzSource, Instant.EPOCH));
        SinkEvent tombstone = read(key, null);

        assertThat(List.of(created, read, updated, deleted, tombstone)).extracting(SinkEvent::operation).containsExactly(
                SinkOperation.ADD, SinkOperation.ADD, SinkOperation.MODIFY, SinkOperation.REMOVE, SinkOperation.REMOVE);
        assertThat(List.of(created, read, updated, deleted, tombstone)).extracting(SinkEvent::object)
                .containsOnly(new ObjectKey("public.users", List.of(3)));
        assertThat(updated.before()).containsEntry("name", "Bob");
        assertThat(updated.after()).containsEntry("name", "Bobby");
        assertThat(deleted.before()).containsEntry("name", "Bobby");

        SinkEvent toasted = read(key, envelope.update(bobby, unavailable, dbzSource, Instant.EPOCH));
        assertThat(toasted.unchanged()).as("Debezium's placeholder").containsExactly("name");
        assertThat(toasted.after()).doesNotContainKey("name");
    }

    @Test
    void keylessRecordsAreKeyedByTheirDeclaredPrimaryKey() {
        Struct row = row(7, "u1", "g1");
        assertThat(read(null, memberships.envelope(Operation.CREATE, null, row, source, null, 1L)).object())
                .isEqualTo(new ObjectKey("public.memberships", List.of(7)));

        ChangeEventSchemas keyless = ChangeEventSchemas.builder("app", "public", "log").column("line", Schema.STRING_SCHEMA).build();
        Struct line = new Struct(keyless.rowSchema()).put("line", "secret text");
        assertThatThrownBy(() -> read(null, keyless.envelope(Operation.CREATE, null, line, source, null, 1L)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("app.public.memberships").hasMessageContaining(SchemaParameters.PRIMARY_KEY)
                .hasMessageNotContaining("secret text");
    }

    @Test
    void plainStructIsAnUpsertOfTheObjectItsKeyNamesInTheTopicsKind() {
        Schema value = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
        SinkRecord record = new SinkRecord("customers", 0, Schema.INT32_SCHEMA, 5, value,
                new Struct(value).put("id", 5).put("name", "Ann"), 3);

        SinkEvent event = SinkEventReader.read(record).orElseThrow();

        assertThat(event.operation()).isEqualTo(SinkOperation.MODIFY);
        assertThat(event.object()).isEqualTo(new ObjectKey("customers", List.of(5)));
        assertThat(event.before()).isNull();
        assertThat(event.after()).containsExactly(Map.entry("id", 5), Map.entry("name", "Ann"));
        assertThat(event.foreignKeys()).isEmpty();
    }

    @Test
    void schemalessMapIsAnUpsertKeyedByItsKeyMapInNameOrder() {
        SinkRecord record = new SinkRecord("orders", 0, null, Map.of("region", "eu", "id", 9), null,
                Map.of("id", 9, "region", "eu", "lines", List.of(Map.of("sku", "a"))), 3);

        SinkEvent event = SinkEventReader.read(record).orElseThrow();

        assertThat(event.operation()).isEqualTo(SinkOperation.MODIFY);
        assertThat(event.object()).isEqualTo(new ObjectKey("orders", List.of(9, "eu")));
        assertThat(event.after()).containsEntry("lines", List.of(Map.of("sku", "a"))).hasSize(3);
    }

    @Test
    void plainTombstoneRemovesTheObjectOfTheTopicsKind() {
        SinkRecord record = new SinkRecord("customers", 0, Schema.INT32_SCHEMA, 5, null, null, 3);

        SinkEvent event = SinkEventReader.read(record).orElseThrow();

        assertThat(event.operation()).isEqualTo(SinkOperation.REMOVE);
        assertThat(event.object()).isEqualTo(new ObjectKey("customers", List.of(5)));
    }

    @Test
    void plainRecordsWithoutKeyOrFieldsAreRefusedNamingTheTopicNotTheValue() {
        assertThatThrownBy(() -> SinkEventReader.read(new SinkRecord("plain", 0, null, null, null, null, 3)))
                .isInstanceOf(DataException.class).hasMessageContaining("'plain'").hasMessageContaining("no key");
        assertThatThrownBy(() -> SinkEventReader.read(new SinkRecord("plain", 0, null, 1, Schema.STRING_SCHEMA, "s3cret", 3)))
                .isInstanceOf(DataException.class).hasMessageContaining("'plain'").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> SinkEventReader.read(new SinkRecord("plain", 0, null, 1, null, Map.of(1, "x"), 3)))
                .isInstanceOf(DataException.class).hasMessageContaining("'plain'");
    }

    @Test
    void recordsThatChangeNoObjectAreSkipped() {
        SinkRecord begin = new SinkRecord("app.transaction", 0, TransactionMetadata.KEY_SCHEMA, TransactionMetadata.key("77"),
                TransactionMetadata.VALUE_SCHEMA, TransactionMetadata.begin("77", 1L), 0);
        assertThat(SinkEventReader.read(begin)).isEmpty();
        Struct truncate = memberships.envelope(Operation.TRUNCATE, null, null, source, null, 1L);
        assertThat(SinkEventReader.read(new SinkRecord("t", 0, null, null, truncate.schema(), truncate, 0))).isEmpty();
    }

    @Test
    void malformedForeignKeyParameterIsRefusedNamingIt() {
        ChangeEventSchemas bad = ChangeEventSchemas.builder("app", "t").column("id", Schema.INT32_SCHEMA)
                .column("ref", Schema.INT32_SCHEMA).primaryKey(List.of("id")).foreignKey("ref", "nodot").build();
        Struct row = new Struct(bad.rowSchema()).put("id", 1).put("ref", 2);
        assertThatThrownBy(() -> read(bad.key(row), bad.envelope(Operation.CREATE, null, row, source, null, 1L)))
                .isInstanceOf(DataException.class).hasMessageContaining("hermes.foreign.key.ref");
    }

    private Struct row(int id, String user, String group) {
        return new Struct(memberships.rowSchema()).put("id", id).put("user_id", user).put("group_id", group);
    }

    private static SinkEvent read(Struct key, Struct value) {
        SinkRecord record = new SinkRecord("app.public.memberships", 0, key == null ? null : key.schema(), key,
                value == null ? null : value.schema(), value, 42);
        return SinkEventReader.read(record).orElseThrow();
    }
}
