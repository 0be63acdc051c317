package io.hermesconnect.source.diff.event;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.projection;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SchemaParameters;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.source.diff.diff.Change;
import io.hermesconnect.source.diff.diff.ChangeKind;
import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.state.StateProjection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class DiffRecordsTest {

    private static final ObjectType USERS = type("Users", List.of("id"),
            Map.of("password", AttributeClass.SECRET, "seen", AttributeClass.CACHE_ONLY, "raw", AttributeClass.LOCAL), null);
    private static final StateProjection PROJECTION = projection(USERS);
    private static final Instant POLLED = Instant.parse("2026-12-03T10:00:00Z");

    private static TypeSchema usersSchema() {
        Map<String, Schema> attributes = new LinkedHashMap<>();
        attributes.put("id", Schema.OPTIONAL_INT32_SCHEMA);
        attributes.put("login", Schema.OPTIONAL_STRING_SCHEMA);
        attributes.put("group_id", Schema.OPTIONAL_INT64_SCHEMA);
        attributes.put("password", Schema.OPTIONAL_STRING_SCHEMA);
        attributes.put("seen", Schema.OPTIONAL_STRING_SCHEMA);
        attributes.put("raw", Schema.OPTIONAL_STRING_SCHEMA);
        return new TypeSchema("hr", USERS, List.of("hr_db", "it_db"), attributes, Map.of("group_id", "Groups.id"));
    }

    private static DiffRecords records(TopicRouting routing, boolean tombstones) {
        return new DiffRecords("hr", routing, tombstones, List.of(usersSchema()));
    }

    private static Change change(ChangeKind kind, DataObject before, DataObject after) {
        DataObject key = after != null ? after : before;
        return new Change(USERS, kind, key.key(), before, after, after == null ? null : PROJECTION.toState(after));
    }

    @Test
    void anUpdateCarriesTheStoredStateAsBeforeWithoutSecretsAndThePolledObjectAsAfter() {
        DataObject old = PROJECTION.toState(object(USERS, "id", 7, "login", "ada", "password", "s3cret", "seen", "x"));
        DataObject fresh = object(USERS, "id", 7, "login", "ada.l", "password", "n3w", "seen", "y", "raw", "r");

        List<SourceRecord> out = records(TopicRouting.SINGLE, true).records(change(ChangeKind.MODIFIED, old, fresh), 12, 3,
                SourceInfo.Snapshot.FALSE, POLLED);

        assertThat(out).hasSize(1);
        SourceRecord record = out.get(0);
        assertThat(record.topic()).isEqualTo("hr");
        assertThat(record.kafkaPartition()).isNull();
        assertThat(((Struct) record.key()).get("id")).isEqualTo(7);
        assertThat(record.keySchema().name()).isEqualTo("hr.Users.Key");
        ChangeEvent event = ChangeEvent.of(record);
        assertThat(event.op()).isEqualTo(Operation.UPDATE);
        assertThat(event.before().get("login")).isEqualTo("ada");
        assertThat(event.before().get("password")).as("the state holds only a hash, never sent").isNull();
        assertThat(event.after().get("login")).isEqualTo("ada.l");
        assertThat(event.after().get("password")).isEqualTo("n3w");
        assertThat(event.rowSchema().field("seen")).as("cache-only: never sent").isNull();
        assertThat(event.rowSchema().field("raw")).as("local: never sent").isNull();
        assertThat(event.rowSchema().field("password").schema().parameters()).containsEntry(SchemaParameters.SECRET, "true");
        assertThat(event.rowSchema().field("id").schema().isOptional()).isFalse();
        assertThat(record.valueSchema().parameters()).containsEntry(SchemaParameters.PRIMARY_KEY, "id")
                .containsEntry(SchemaParameters.FOREIGN_KEY_PREFIX + "group_id", "Groups.id");
        assertThat(event.connector()).isEqualTo("polling-diff");
        assertThat(event.name()).isEqualTo("hr");
        assertThat(event.table()).isEqualTo("Users");
        assertThat(event.db()).isEqualTo("hr_db,it_db");
        assertThat(event.source().getString(SourceInfo.SCHEMA)).isEmpty();
        assertThat(event.schema()).as("a type has no schema").isNull();
        assertThat(event.poll()).isEqualTo(12L);
        assertThat(event.sourceTsMs()).isEqualTo(POLLED.toEpochMilli());
        assertThat(event.source().getString(SourceInfo.SEQUENCE)).isEqualTo("[\"12\",\"3\"]");
        assertThat(record.sourceOffset()).isEqualTo(Map.of(DiffRecords.OFFSET_POLL, 12L));
    }

    @Test
    void aRemovalIsADeleteFollowedByATombstoneUnlessTurnedOff() {
        DataObject old = PROJECTION.toState(object(USERS, "id", 7, "login", "ada"));

        List<SourceRecord> out = records(TopicRouting.PER_TYPE, true).records(change(ChangeKind.REMOVED, old, null), 1, 0,
                SourceInfo.Snapshot.FALSE, POLLED);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).topic()).isEqualTo("hr.Users");
        assertThat(ChangeEvent.of(out.get(0)).op()).isEqualTo(Operation.DELETE);
        assertThat(ChangeEvent.of(out.get(0)).after()).isNull();
        assertThat(out.get(1).value()).isNull();
        assertThat(out.get(1).key()).isEqualTo(out.get(0).key());
        assertThat(records(TopicRouting.PER_TYPE, false).records(change(ChangeKind.REMOVED, old, null), 1, 0,
                SourceInfo.Snapshot.FALSE, POLLED)).hasSize(1);
    }

    @Test
    void anAdditionInASnapshotPollIsARead() {
        SourceRecord record = records(TopicRouting.SINGLE, true).records(
                change(ChangeKind.ADDED, null, object(USERS, "id", 1)), 1, 0, SourceInfo.Snapshot.FIRST, POLLED).get(0);

        ChangeEvent event = ChangeEvent.of(record);
        assertThat(event.op()).isEqualTo(Operation.READ);
        assertThat(event.snapshot()).isEqualTo("first");
        assertThat(event.before()).isNull();
    }
}
