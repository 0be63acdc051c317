package io.hermesconnect.sink.http;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.SinkEventReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Change events of a {@code public.users} table as the sink reads them (our envelope, through the core's reader). */
public final class UserEvents {

    public static final String TOPIC = "app.public.users";
    public static final String KIND = "public.users";
    private static final AtomicLong OFFSET = new AtomicLong();

    static final ChangeEventSchemas USERS = ChangeEventSchemas.builder("app", "public", "users")
            .column("id", Schema.STRING_SCHEMA)
            .column("name", Schema.OPTIONAL_STRING_SCHEMA)
            .column("tags", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build())
            .column("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).optional().build())
            .secretColumn("password", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();

    private UserEvents() {
    }

    /** A user row; tags and attrs may be null. */
    public static Struct user(String id, String name, List<String> tags, Map<String, String> attrs, String password) {
        return new Struct(USERS.rowSchema()).put("id", id).put("name", name).put("tags", tags).put("attrs", attrs)
                .put("password", password);
    }

    public static SinkEvent create(Struct after) {
        return event(Operation.CREATE, null, after);
    }

    public static SinkEvent update(Struct before, Struct after) {
        return event(Operation.UPDATE, before, after);
    }

    public static SinkEvent delete(Struct before) {
        return event(Operation.DELETE, before, null);
    }

    private static SinkEvent event(Operation op, Struct before, Struct after) {
        SchemaAndValue key = key(after != null ? after : before);
        SchemaAndValue value = value(op, before, after);
        SinkRecord record = new SinkRecord(TOPIC, 0, key.schema(), key.value(), value.schema(), value.value(), OFFSET.getAndIncrement());
        return SinkEventReader.read(record).orElseThrow();
    }

    /** The key of a user's events. */
    public static SchemaAndValue key(Struct row) {
        return new SchemaAndValue(USERS.keySchema(), USERS.key(row));
    }

    /** The envelope of a user's event, as the WAL source writes it. */
    public static SchemaAndValue value(Operation op, Struct before, Struct after) {
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "inventory").table("public", "users")
                .commitTime(1_700_000_000_000L).txId(7L).lsn(99L).struct();
        return new SchemaAndValue(USERS.valueSchema(), USERS.envelope(op, before, after, source, null, 1_700_000_000_000L));
    }
}
