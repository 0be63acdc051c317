package io.hermesconnect.bench.sink;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Creates of {@code app.public.users} rows as our WAL source writes them, one user per event, as a sink reads them. */
final class UserRecords {

    static final String TOPIC = "app.public.users";
    static final String KIND = "public.users";
    private static final ChangeEventSchemas USERS = ChangeEventSchemas.builder("app", "public", "users")
            .column("id", Schema.STRING_SCHEMA)
            .column("name", Schema.OPTIONAL_STRING_SCHEMA)
            .column("email", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();

    private UserRecords() {
    }

    static String id(int index) {
        return "u" + index;
    }

    static String name(int index) {
        return "User " + index;
    }

    static String email(int index) {
        return "user" + index + "@example.com";
    }

    /** Creates of {@code count} new users from number {@code first} on, each at its number's offset of partition 0. */
    static List<SinkRecord> creates(int first, int count) {
        List<SinkRecord> records = new ArrayList<>(count);
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "bench").table("public", "users")
                .commitTime(1_700_000_000_000L).struct();
        for (int index = first; index < first + count; index++) {
            Struct row = new Struct(USERS.rowSchema()).put("id", id(index)).put("name", name(index)).put("email", email(index));
            records.add(new SinkRecord(TOPIC, 0, USERS.keySchema(), USERS.key(row), USERS.valueSchema(),
                    USERS.envelope(Operation.CREATE, null, row, source, null, 1_700_000_000_000L), index));
        }
        return records;
    }
}
