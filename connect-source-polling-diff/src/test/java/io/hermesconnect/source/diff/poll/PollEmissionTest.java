package io.hermesconnect.source.diff.poll;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.projection;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.source.diff.diff.Change;
import io.hermesconnect.source.diff.diff.ChangeKind;
import io.hermesconnect.source.diff.event.DiffRecords;
import io.hermesconnect.source.diff.event.TopicRouting;
import io.hermesconnect.source.diff.event.TypeSchema;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.poll.PollEmission.EmitMode;
import io.hermesconnect.source.diff.state.StateProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class PollEmissionTest {

    private static final ObjectType USERS = type("Users", "id");
    private static final StateProjection PROJECTION = projection(USERS);
    private static final DiffRecords RECORDS = new DiffRecords("hr", TopicRouting.SINGLE, true, List.of(
            new TypeSchema("hr", USERS, List.of("db"), Map.of("id", Schema.OPTIONAL_INT64_SCHEMA), Map.of())));

    private static Change added(long id) {
        DataObject after = object(USERS, "id", id);
        return new Change(USERS, ChangeKind.ADDED, after.key(), null, after, PROJECTION.toState(after));
    }

    private static Change stateOnly(long id) {
        DataObject after = object(USERS, "id", id);
        return new Change(USERS, ChangeKind.STATE_ONLY, after.key(), PROJECTION.toState(after), after, PROJECTION.toState(after));
    }

    private static Change removed(long id) {
        DataObject before = PROJECTION.toState(object(USERS, "id", id));
        return new Change(USERS, ChangeKind.REMOVED, before.key(), before, null, null);
    }

    private static List<SourceRecord> drain(PollEmission emission, int batchSize) {
        List<SourceRecord> all = new ArrayList<>();
        for (List<SourceRecord> batch = emission.nextBatch(batchSize); !batch.isEmpty(); batch = emission.nextBatch(batchSize)) {
            assertThat(batch.size()).isLessThanOrEqualTo(batchSize + 1);
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void everyChangeReachesTheStateAndOnlyEventsBecomeRecords() {
        List<Change> seen = new ArrayList<>();
        PollEmission emission = new PollEmission(5, List.of(added(1), stateOnly(2), removed(3)).iterator(), RECORDS,
                seen::add, Instant.now(), EmitMode.CHANGES);

        List<SourceRecord> records = drain(emission, 1);

        assertThat(seen).extracting(Change::kind).containsExactly(ChangeKind.ADDED, ChangeKind.STATE_ONLY, ChangeKind.REMOVED);
        assertThat(records).hasSize(3).extracting(r -> r.value() == null ? "tombstone" : ChangeEvent.of(r).op().code())
                .containsExactly("c", "d", "tombstone");
        assertThat(emission.eventsByOperation()).isEqualTo(Map.of("c", 1L, "d", 1L));
    }

    @Test
    void thePollIsCompleteOnlyOnceEveryRecordWasAcknowledged() {
        PollEmission emission = new PollEmission(5, List.of(added(1), added(2)).iterator(), RECORDS, change -> { },
                Instant.now(), EmitMode.CHANGES);

        List<SourceRecord> first = emission.nextBatch(1);
        emission.acknowledged();
        assertThat(emission.complete()).as("a change not handed over yet").isFalse();
        drain(emission, 10);
        assertThat(emission.drained()).isTrue();
        assertThat(emission.complete()).as("the second record is not acknowledged").isFalse();
        emission.acknowledged();
        assertThat(emission.complete()).isTrue();
        assertThat(first).hasSize(1);
    }

    @Test
    void aSnapshotPollMarksItsFirstAndLastReads() {
        List<SourceRecord> records = drain(new PollEmission(1, List.of(added(1), added(2), added(3)).iterator(), RECORDS,
                change -> { }, Instant.now(), EmitMode.SNAPSHOT), 10);

        assertThat(records).extracting(r -> ChangeEvent.of(r).op().code() + ":" + ChangeEvent.of(r).snapshot())
                .containsExactly("r:first", "r:true", "r:last");
    }

    @Test
    void aStateOnlyPollEmitsNothingButFillsTheState() {
        List<Change> seen = new ArrayList<>();
        PollEmission emission = new PollEmission(1, List.of(added(1), added(2)).iterator(), RECORDS, seen::add,
                Instant.now(), EmitMode.STATE_ONLY);

        assertThat(drain(emission, 10)).isEmpty();
        assertThat(seen).hasSize(2);
        assertThat(emission.complete()).isTrue();
    }
}
