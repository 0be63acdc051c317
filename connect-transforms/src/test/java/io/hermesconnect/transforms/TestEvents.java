package io.hermesconnect.transforms;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.common.event.TransactionMetadata;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/** Change events as our sources emit them, for the transforms' tests. */
public final class TestEvents {

    public static final Schema ADDRESS = SchemaBuilder.struct().name("app.Address").optional()
            .field("city", Schema.OPTIONAL_STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    /** {@code public.users}: key id; a secret password; a list of groups; a nested address. */
    public static final ChangeEventSchemas USERS = ChangeEventSchemas.builder("app", "public", "users")
            .column("id", Schema.INT32_SCHEMA)
            .column("first_name", Schema.OPTIONAL_STRING_SCHEMA)
            .column("last_name", Schema.OPTIONAL_STRING_SCHEMA)
            .column("login", Schema.OPTIONAL_STRING_SCHEMA)
            .column("age", Schema.OPTIONAL_INT32_SCHEMA)
            .secretColumn("password", Schema.OPTIONAL_STRING_SCHEMA)
            .column("groups", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build())
            .column("address", ADDRESS)
            .column("group_id", Schema.OPTIONAL_INT32_SCHEMA)
            .primaryKey(List.of("id"))
            .foreignKey("group_id", "groups.id")
            .build();

    /** {@code public.groups}: another table of the same source. */
    public static final ChangeEventSchemas GROUPS = ChangeEventSchemas.builder("app", "public", "groups")
            .column("id", Schema.INT32_SCHEMA)
            .column("name", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();

    public static final String USERS_TOPIC = "app.public.users";

    private TestEvents() {
    }

    public static Struct user(int id, String first, String last, String login, Integer age) {
        return new Struct(USERS.rowSchema())
                .put("id", id).put("first_name", first).put("last_name", last).put("login", login).put("age", age)
                .put("password", "s3cret").put("groups", List.of("staff", "admins"))
                .put("address", new Struct(ADDRESS).put("city", "Paris").put("zip", "75001"))
                .put("group_id", 7);
    }

    public static Struct alice() {
        return user(1, "Alice", "Martin", "AMartin", 42);
    }

    public static Struct group(int id, String name) {
        return new Struct(GROUPS.rowSchema()).put("id", id).put("name", name);
    }

    public static SourceRecord event(ChangeEventSchemas table, Operation op, Struct before, Struct after) {
        Struct row = after != null ? after : before;
        Struct key = table.key(row);
        String[] name = table.baseName().split("\\.");
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, name[0], "appdb").table(name[1], name[2]).struct();
        Struct value = table.envelope(op, before, after, source, null, 1_700_000_000_000L);
        return new SourceRecord(Map.of("slot", "s"), Map.of("lsn", 42L), table.baseName(), 0,
                key == null ? null : table.keySchema(), key, table.valueSchema(), value);
    }

    public static SourceRecord create(Struct after) {
        return event(USERS, Operation.CREATE, null, after);
    }

    public static SourceRecord update(Struct before, Struct after) {
        return event(USERS, Operation.UPDATE, before, after);
    }

    public static SourceRecord delete(Struct before) {
        return event(USERS, Operation.DELETE, before, null);
    }

    public static SourceRecord truncate() {
        return event(USERS, Operation.TRUNCATE, null, null);
    }

    public static SourceRecord tombstone(int id) {
        Struct key = new Struct(USERS.keySchema()).put("id", id);
        return new SourceRecord(Map.of(), Map.of(), USERS_TOPIC, 0, USERS.keySchema(), key, null, null);
    }

    public static SourceRecord transactionBegin() {
        return new SourceRecord(Map.of(), Map.of(), "app.transaction", 0, TransactionMetadata.KEY_SCHEMA,
                TransactionMetadata.key("tx1"), TransactionMetadata.VALUE_SCHEMA, TransactionMetadata.begin("tx1", 1L));
    }

    /** A plain record: a Struct value that is no envelope. */
    public static SourceRecord plain(Struct value) {
        return new SourceRecord(Map.of(), Map.of(), "plain", 0, null, null, value.schema(), value);
    }

    /** The same event as a sink connector sees it, at an offset. */
    public static SinkRecord atOffset(SourceRecord record, long offset) {
        return new SinkRecord(record.topic(), 3, record.keySchema(), record.key(), record.valueSchema(), record.value(), offset);
    }
}
