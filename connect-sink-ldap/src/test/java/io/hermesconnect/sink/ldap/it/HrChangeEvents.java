package io.hermesconnect.sink.ldap.it;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Change events of the tables {@code hr.users}, {@code hr.groups}, {@code hr.memberships} and {@code hr.teams} as the
 * WAL source writes them (deletes followed by tombstones), for the kinds of {@code HrKinds}; and the records a compacted
 * topic keeps of them.
 */
final class HrChangeEvents {

    /** One record: a key and a value, the value null for a tombstone. */
    record Event(SchemaAndValue key, SchemaAndValue value) {
    }

    static final ChangeEventSchemas USERS = ChangeEventSchemas.builder("hr-app", "hr", "users")
            .column("id", Schema.STRING_SCHEMA)
            .column("login", Schema.STRING_SCHEMA)
            .column("first", Schema.OPTIONAL_STRING_SCHEMA)
            .column("last", Schema.OPTIONAL_STRING_SCHEMA)
            .column("emails", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .column("notes", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();
    static final ChangeEventSchemas GROUPS = ChangeEventSchemas.builder("hr-app", "hr", "groups")
            .column("id", Schema.STRING_SCHEMA)
            .column("name", Schema.STRING_SCHEMA)
            .column("description", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();
    static final ChangeEventSchemas MEMBERSHIPS = ChangeEventSchemas.builder("hr-app", "hr", "memberships")
            .column("id", Schema.STRING_SCHEMA)
            .column("user_id", Schema.STRING_SCHEMA)
            .column("group_id", Schema.STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .foreignKey("user_id", "hr.users.id")
            .foreignKey("group_id", "hr.groups.id")
            .build();

    private final List<Event> events = new ArrayList<>();

    List<Event> events() {
        return events;
    }

    /** What compaction keeps: the last record of each key, in the order of those last records. */
    List<Event> compacted() {
        Map<Object, Event> last = new LinkedHashMap<>();
        events.forEach(event -> {
            last.remove(event.key().value());
            last.put(event.key().value(), event);
        });
        return new ArrayList<>(last.values());
    }

    HrChangeEvents user(Operation op, String id, String login, String last, List<String> emails) {
        Struct row = userRow(id, login, last, emails);
        return change(USERS, "users", op, op == Operation.CREATE ? null : row, op == Operation.DELETE ? null : row);
    }

    /** An update that renames a user and changes its last name. */
    HrChangeEvents userUpdate(String id, String loginBefore, String loginAfter, String lastAfter) {
        return change(USERS, "users", Operation.UPDATE, userRow(id, loginBefore, "Last", null),
                userRow(id, loginAfter, lastAfter, null));
    }

    private static Struct userRow(String id, String login, String last, List<String> emails) {
        return new Struct(USERS.rowSchema()).put("id", id).put("login", login).put("first", "First " + id)
                .put("last", last).put("emails", emails).put("notes", "notes of " + id);
    }

    HrChangeEvents group(Operation op, String id, String name) {
        Struct row = new Struct(GROUPS.rowSchema()).put("id", id).put("name", name).put("description", "group " + name);
        return change(GROUPS, "groups", op, op == Operation.CREATE ? null : row, op == Operation.DELETE ? null : row);
    }

    HrChangeEvents membership(Operation op, String userId, String groupId) {
        Struct row = new Struct(MEMBERSHIPS.rowSchema()).put("id", userId + "-" + groupId).put("user_id", userId)
                .put("group_id", groupId);
        return change(MEMBERSHIPS, "memberships", op, op == Operation.CREATE ? null : row, op == Operation.DELETE ? null : row);
    }

    /** A change event; a delete is followed by its tombstone. */
    HrChangeEvents change(ChangeEventSchemas schemas, String table, Operation op, Struct before, Struct after) {
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "hr-app", "hr").table("hr", table).struct();
        Struct row = after != null ? after : before;
        SchemaAndValue key = new SchemaAndValue(schemas.keySchema(), schemas.key(row));
        Struct value = schemas.envelope(op, before, after, source, null, 1L);
        events.add(new Event(key, new SchemaAndValue(value.schema(), value)));
        if (op == Operation.DELETE) {
            events.add(new Event(key, SchemaAndValue.NULL));
        }
        return this;
    }
}
