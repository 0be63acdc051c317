package io.hermesconnect.transforms.it;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.common.event.TransactionMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Emits, once, one transaction over three tables: BEGIN; users Alice (created, renamed, deleted plus
 * tombstone), Bob (a minor) and Carl (whose age does not fit an int8); a group; an audit row; END.
 */
public final class ChangeEventsSourceTask extends SourceTask {

    private static final Map<String, String> PARTITION = Map.of("script", "change-events");
    private static final Map<String, Boolean> OFFSET = Map.of("emitted", true);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private String prefix;
    private boolean emitted;

    @Override
    public void start(Map<String, String> props) {
        prefix = props.get(ChangeEventsSourceConnector.TOPIC_PREFIX);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (emitted) {
            // nothing more to say: wait instead of letting the worker spin on empty polls
            stopped.await(200, TimeUnit.MILLISECONDS);
            return null;
        }
        emitted = true;
        return script();
    }

    private List<SourceRecord> script() {
        ChangeEventSchemas users = ChangeEventSchemas.builder(prefix, "public", "users")
                .column("id", Schema.INT32_SCHEMA)
                .column("first_name", Schema.OPTIONAL_STRING_SCHEMA)
                .column("last_name", Schema.OPTIONAL_STRING_SCHEMA)
                .column("login", Schema.OPTIONAL_STRING_SCHEMA)
                .column("age", Schema.OPTIONAL_INT32_SCHEMA)
                .secretColumn("password", Schema.OPTIONAL_STRING_SCHEMA)
                .primaryKey(List.of("id"))
                .build();
        ChangeEventSchemas groups = ChangeEventSchemas.builder(prefix, "public", "groups")
                .column("id", Schema.INT32_SCHEMA).column("name", Schema.OPTIONAL_STRING_SCHEMA).primaryKey(List.of("id")).build();
        ChangeEventSchemas audit = ChangeEventSchemas.builder(prefix, "public", "audit_log")
                .column("id", Schema.INT32_SCHEMA).primaryKey(List.of("id")).build();

        Struct alice = user(users, 1, "Alice", "Martin", "AMartin", 42);
        Struct renamed = user(users, 1, "Alice", "Durand", "ADurand", 42);
        List<SourceRecord> records = new ArrayList<>();
        records.add(transaction(TransactionMetadata.begin("tx1", 1L)));
        records.add(event(users, Operation.CREATE, null, alice));
        records.add(event(users, Operation.CREATE, null, user(users, 2, "Bob", "Young", "BYoung", 12)));
        records.add(event(users, Operation.CREATE, null, user(users, 3, "Carl", "Old", "COld", 1000)));
        records.add(event(groups, Operation.CREATE, null, new Struct(groups.rowSchema()).put("id", 10).put("name", "staff")));
        records.add(event(audit, Operation.CREATE, null, new Struct(audit.rowSchema()).put("id", 1)));
        records.add(event(users, Operation.UPDATE, alice, renamed));
        records.add(event(users, Operation.DELETE, renamed, null));
        records.add(new SourceRecord(PARTITION, OFFSET, prefix + ".public.users", 0, users.keySchema(), users.key(renamed), null, null));
        records.add(transaction(TransactionMetadata.end("tx1", 2L, Map.of("public.users", 5L))));
        return records;
    }

    private static Struct user(ChangeEventSchemas users, int id, String first, String last, String login, int age) {
        return new Struct(users.rowSchema()).put("id", id).put("first_name", first).put("last_name", last)
                .put("login", login).put("age", age).put("password", "pw" + id);
    }

    private SourceRecord event(ChangeEventSchemas table, Operation op, Struct before, Struct after) {
        String[] name = table.baseName().split("\\.");
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, prefix, "appdb").table(name[1], name[2]).struct();
        Struct key = table.key(after != null ? after : before);
        return new SourceRecord(PARTITION, OFFSET, table.baseName(), 0, table.keySchema(), key, table.valueSchema(),
                table.envelope(op, before, after, source, null, System.currentTimeMillis()));
    }

    private SourceRecord transaction(Struct value) {
        String id = value.getString(TransactionMetadata.ID);
        return new SourceRecord(PARTITION, OFFSET, prefix + ".transaction", 0, TransactionMetadata.KEY_SCHEMA,
                TransactionMetadata.key(id), TransactionMetadata.VALUE_SCHEMA, value);
    }

    @Override
    public void stop() {
        stopped.countDown();
    }

    @Override
    public String version() {
        return Version.get();
    }
}
