package io.hermesconnect.bench.sink;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Change events of the tables {@code hr.users}, {@code hr.groups} and {@code hr.memberships} as our WAL source writes
 * them, each table on a topic of its own (partition 0), at consecutive offsets.
 */
final class HrRecords {

    static final TopicPartition USERS_TOPIC = new TopicPartition("hr.users", 0);
    static final TopicPartition GROUPS_TOPIC = new TopicPartition("hr.groups", 0);
    static final TopicPartition MEMBERSHIPS_TOPIC = new TopicPartition("hr.memberships", 0);

    private static final ChangeEventSchemas USERS = ChangeEventSchemas.builder("hr-app", "hr", "users")
            .column("id", Schema.STRING_SCHEMA)
            .column("first", Schema.STRING_SCHEMA)
            .column("last", Schema.STRING_SCHEMA)
            .column("email", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();
    private static final ChangeEventSchemas GROUPS = ChangeEventSchemas.builder("hr-app", "hr", "groups")
            .column("id", Schema.STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();
    private static final ChangeEventSchemas MEMBERSHIPS = ChangeEventSchemas.builder("hr-app", "hr", "memberships")
            .column("id", Schema.STRING_SCHEMA)
            .column("user_id", Schema.STRING_SCHEMA)
            .column("group_id", Schema.STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .foreignKey("user_id", "hr.users.id")
            .foreignKey("group_id", "hr.groups.id")
            .build();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

    /** The user's row; {@code email} may be null. */
    static Struct user(String id, String email) {
        return new Struct(USERS.rowSchema()).put("id", id).put("first", "First").put("last", "Last " + id).put("email", email);
    }

    SinkRecord userCreate(Struct user) {
        return record(USERS_TOPIC, USERS, "users", Operation.CREATE, null, user);
    }

    SinkRecord userUpdate(Struct before, Struct after) {
        return record(USERS_TOPIC, USERS, "users", Operation.UPDATE, before, after);
    }

    SinkRecord groupCreate(String id) {
        return record(GROUPS_TOPIC, GROUPS, "groups", Operation.CREATE, null, new Struct(GROUPS.rowSchema()).put("id", id));
    }

    SinkRecord membershipCreate(String userId, String groupId) {
        Struct row = new Struct(MEMBERSHIPS.rowSchema()).put("id", userId + "@" + groupId).put("user_id", userId)
                .put("group_id", groupId);
        return record(MEMBERSHIPS_TOPIC, MEMBERSHIPS, "memberships", Operation.CREATE, null, row);
    }

    /** An event of table {@code hr.<table>}: its source names the table, which is what the sink's kinds select. */
    private SinkRecord record(TopicPartition topic, ChangeEventSchemas schemas, String table, Operation op, Struct before,
            Struct after) {
        long offset = nextOffsets.merge(topic, 1L, Long::sum) - 1;
        Struct row = after != null ? after : before;
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "hr-app", "hr").table("hr", table)
                .commitTime(1_700_000_000_000L).struct();
        return new SinkRecord(topic.topic(), topic.partition(), schemas.keySchema(), schemas.key(row), schemas.valueSchema(),
                schemas.envelope(op, before, after, source, null, 1_700_000_000_000L), offset);
    }
}
