package io.hermesconnect.common.sink;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.common.event.TransactionMetadata;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Change-event records of users and their memberships (whose {@code user_id} is a foreign key to users), as the
 * WAL source writes them, on one topic partition with increasing offsets. A user's value is its {@code cn}.
 */
final class ChangeRecords {

    static final ChangeEventSchemas USERS = ChangeEventSchemas.builder("app", "public", "users")
            .column("uid", Schema.STRING_SCHEMA)
            .column("cn", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("uid"))
            .build();
    static final ChangeEventSchemas MEMBERSHIPS = ChangeEventSchemas.builder("app", "public", "memberships")
            .column("id", Schema.STRING_SCHEMA)
            .column("user_id", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .foreignKey("user_id", "public.users.uid")
            .build();

    private final TopicPartition partition;
    private long nextOffset;

    ChangeRecords(TopicPartition partition) {
        this.partition = partition;
    }

    static ObjectKey user(String uid) {
        return new ObjectKey("public.users", List.of(uid));
    }

    static ObjectKey membership(String id) {
        return new ObjectKey("public.memberships", List.of(id));
    }

    SinkRecord addUser(String uid, String cn) {
        return record(USERS, Operation.CREATE, null, userRow(uid, cn));
    }

    SinkRecord modifyUser(String uid, String cnBefore, String cnAfter) {
        return record(USERS, Operation.UPDATE, userRow(uid, cnBefore), userRow(uid, cnAfter));
    }

    SinkRecord removeUser(String uid, String cn) {
        return record(USERS, Operation.DELETE, userRow(uid, cn), null);
    }

    SinkRecord addMembership(String id, String uid) {
        return record(MEMBERSHIPS, Operation.CREATE, null, new Struct(MEMBERSHIPS.rowSchema()).put("id", id).put("user_id", uid));
    }

    SinkRecord removeMembership(String id, String uid) {
        return record(MEMBERSHIPS, Operation.DELETE, new Struct(MEMBERSHIPS.rowSchema()).put("id", id).put("user_id", uid), null);
    }

    /** A transaction BEGIN marker: a record that changes no object. */
    SinkRecord transactionBegin() {
        return new SinkRecord(partition.topic(), partition.partition(), TransactionMetadata.KEY_SCHEMA,
                TransactionMetadata.key("77"), TransactionMetadata.VALUE_SCHEMA, TransactionMetadata.begin("77", 1L),
                nextOffset++);
    }

    /** A record whose value is neither a change event nor fields: a record no sink can read. */
    SinkRecord unreadable() {
        return new SinkRecord(partition.topic(), partition.partition(), Schema.STRING_SCHEMA, "secret-key",
                Schema.STRING_SCHEMA, "secret-value", nextOffset++);
    }

    private static Struct userRow(String uid, String cn) {
        return new Struct(USERS.rowSchema()).put("uid", uid).put("cn", cn);
    }

    private SinkRecord record(ChangeEventSchemas schemas, Operation op, Struct before, Struct after) {
        Struct row = after != null ? after : before;
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "inventory")
                .table("public", schemas == USERS ? "users" : "memberships").struct();
        Struct value = schemas.envelope(op, before, after, source, null, 1L);
        return new SinkRecord(partition.topic(), partition.partition(), schemas.keySchema(), schemas.key(row),
                value.schema(), value, nextOffset++);
    }
}
