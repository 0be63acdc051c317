package io.hermesconnect.bench.smt;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Change events of one {@code app.public.users} table as our WAL source emits them (Debezium envelope):
 * 70% creates, 25% updates (before and after), 5% deletes, built once and replayed in a loop.
 */
final class SampleEvents {

    static final String TOPIC = "app.public.users";
    private static final String[] DEPARTMENTS = {"sales", "engineering", "support", "finance", "legal"};
    private static final ChangeEventSchemas USERS = ChangeEventSchemas.builder("app", "public", "users")
            .column("id", Schema.INT64_SCHEMA)
            .column("login", Schema.STRING_SCHEMA)
            .column("first_name", Schema.OPTIONAL_STRING_SCHEMA)
            .column("last_name", Schema.OPTIONAL_STRING_SCHEMA)
            .column("email", Schema.OPTIONAL_STRING_SCHEMA)
            .column("age", Schema.OPTIONAL_INT32_SCHEMA)
            .column("active", Schema.BOOLEAN_SCHEMA)
            .column("department", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();

    private SampleEvents() {
    }

    static List<SourceRecord> build(int count) {
        List<SourceRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = i % 20;
            Operation op = kind < 14 ? Operation.CREATE : kind < 19 ? Operation.UPDATE : Operation.DELETE;
            Struct row = user(i, DEPARTMENTS[i % DEPARTMENTS.length]);
            Struct before = op == Operation.CREATE ? null : op == Operation.UPDATE ? user(i, "archive") : row;
            Struct after = op == Operation.DELETE ? null : row;
            records.add(event(op, before, after, i));
        }
        return records;
    }

    private static Struct user(long id, String department) {
        return new Struct(USERS.rowSchema())
                .put("id", id)
                .put("login", "user" + id)
                .put("first_name", "Given" + (id % 97))
                .put("last_name", "Family" + (id % 89))
                .put("email", "User" + id + "@Example.COM")
                .put("age", (int) (15 + id % 60))
                .put("active", id % 3 != 0)
                .put("department", department);
    }

    private static SourceRecord event(Operation op, Struct before, Struct after, long sequence) {
        Struct key = USERS.key(after != null ? after : before);
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "appdb").table("public", "users")
                .commitTime(1_700_000_000_000L + sequence).txId(1000 + sequence).lsn(4096 * sequence).struct();
        Struct value = USERS.envelope(op, before, after, source, null, 1_700_000_000_000L + sequence);
        return new SourceRecord(Map.of("slot", "bench"), Map.of("lsn", 4096 * sequence), TOPIC, 0,
                USERS.keySchema(), key, USERS.valueSchema(), value);
    }
}
