package io.hermesconnect.common.sink;

import static io.hermesconnect.common.sink.ChangeRecords.membership;
import static io.hermesconnect.common.sink.ChangeRecords.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMX;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeEventSinkTaskTest {

    private static final TopicPartition PARTITION = new TopicPartition("app", 0);
    private static final Duration RETRY_INTERVAL = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock();
    private final FakeTarget target = new FakeTarget();
    private final InMemoryParkedEventStore store = new InMemoryParkedEventStore();
    private final ChangeRecords records = new ChangeRecords(PARTITION);
    private final RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    private final Map<String, String> props = new HashMap<>(Map.of(
            SinkCoreConfig.CONNECTOR_NAME, "users-sink",
            SinkCoreConfig.ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS, "localhost:9092",
            SinkCoreConfig.ERRORS_QUEUE_RETRY_INTERVAL_MS, Long.toString(RETRY_INTERVAL.toMillis())));
    private ChangeEventSinkTask task;

    @AfterEach
    void stopTask() {
        if (task != null) {
            task.stop();
        }
    }

    @Test
    void appliesEventsSkipsRecordsThatChangeNoObjectAndReportsUnreadableOnes() {
        start();
        SinkRecord begin = records.transactionBegin();
        SinkRecord added = records.addUser("ann", "Ann");
        SinkRecord unreadable = records.unreadable();
        task.put(List.of(begin, added, unreadable, records.modifyUser("ann", "Ann", "Anna"), records.removeUser("ann", "Anna")));

        assertThat(target.applied).containsExactly("ADD [ann]", "MODIFY [ann]", "REMOVE [ann]");
        assertThat(context.reported).singleElement().asString().startsWith("app-0@" + unreadable.kafkaOffset() + ": Record")
                .doesNotContain("secret-key", "secret-value");
        assertThat(status().getUnreadableRecords()).isEqualTo(1);
        assertThat(status().getAppliedEvents()).containsEntry("add", 1L).containsEntry("modify", 1L).containsEntry("remove", 1L);
        clock.advance(Duration.ofSeconds(2));
        task.put(List.of());
        assertThat(status().getOperationsPerSecond()).isEqualTo(1.5);
    }

    @Test
    void anUnreadableRecordFailsTheTaskWhenConnectGivesNoErrantRecordReporter() {
        start(new RecordingSinkTaskContext(false));
        SinkRecord unreadable = records.unreadable();

        assertThatThrownBy(() -> task.put(List.of(unreadable)))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("app-0@" + unreadable.kafkaOffset()).hasMessageContaining("errors.deadletterqueue.topic.name")
                .hasMessageNotContaining("secret-key").hasMessageNotContaining("secret-value");
    }

    @Test
    void aBatchDeliveredAgainAfterTheTargetWentDownAppliesNothingTwiceAndParksNothingTwice() {
        start();
        target.refused.add(user("ann"));
        target.unreachable.add(user("carl"));
        List<SinkRecord> batch = List.of(records.addUser("ann", "Ann"), records.addUser("bob", "Bob"),
                records.addUser("carl", "Carl"), records.addUser("dan", "Dan"));

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(context.timeouts).containsExactly(TargetBackoff.INITIAL.toMillis());
        assertThat(status().getWaitingForTargetSinceMs()).isEqualTo(clock.millis());
        assertThat(status().getWaitingForTargetReason()).isEqualTo("connection refused");

        assertThatThrownBy(() -> task.put(batch)).as("still down").isInstanceOf(RetriableException.class);
        assertThat(context.timeouts).as("the backoff doubles").containsExactly(500L, 1000L);

        target.unreachable.clear();
        task.put(batch);

        assertThat(target.applied).containsExactly("ADD [bob]", "ADD [carl]", "ADD [dan]");
        assertThat(store.load(List.of(PARTITION)).get(user("ann"))).as("parked once").hasSize(1);
        assertThat(status().getWaitingForTargetSinceMs()).isZero();
        assertThat(status().getWaitingForTargetReason()).isEmpty();

        target.unreachable.add(user("eve"));
        assertThatThrownBy(() -> task.put(List.of(records.addUser("eve", "Eve")))).isInstanceOf(RetriableException.class);
        assertThat(context.timeouts).as("back to the start once the target answered; between, ann's retry is due")
                .containsExactly(500L, 1000L, RETRY_INTERVAL.toMillis(), 500L);
    }

    @Test
    void withObjectsParkedAnIdleTaskAsksConnectForABatchWhenTheRetryIsDue() {
        start();
        task.put(List.of(records.addUser("bob", "Bob")));
        assertThat(context.timeouts).as("nothing parked: Connect's own pace").isEmpty();

        target.refused.add(user("ann"));
        task.put(List.of(records.addUser("ann", "Ann")));
        clock.advance(Duration.ofMinutes(2));
        task.put(List.of());

        assertThat(context.timeouts).containsExactly(RETRY_INTERVAL.toMillis(), RETRY_INTERVAL.minusMinutes(2).toMillis());
    }

    @Test
    void aBatchDeliveredAgainAfterATargetWentDownWithRequestsInFlightSkipsOnlyTheRecordsItHandled() {
        ConcurrentFakeTarget concurrent = new ConcurrentFakeTarget();
        start(context, store, concurrent);
        concurrent.refused.add(user("ann"));
        concurrent.lostAnswers.add(user("bob"));
        List<SinkRecord> batch = List.of(records.addUser("ann", "Ann"), records.addUser("bob", "Bob"),
                records.modifyUser("ann", "Ann", "Anna"), records.transactionBegin(), records.addUser("carl", "Carl"),
                records.modifyUser("bob", "Bob", "Bobby"));

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(concurrent.applied).as("carl's request finished while bob's got no answer").containsExactly("ADD [carl]");

        concurrent.lostAnswers.clear();
        task.put(batch);
        task.put(batch);

        assertThat(concurrent.runs.get(1)).as("delivered again: only bob's events, which were neither applied nor parked")
                .containsExactly("ADD [bob]", "MODIFY [bob]");
        assertThat(concurrent.runs).as("the third delivery had nothing new").hasSize(2);
        assertThat(concurrent.applied).containsExactly("ADD [carl]", "ADD [bob]", "MODIFY [bob]");
        assertThat(store.load(List.of(PARTITION)).get(user("ann"))).as("parked once, with the modify behind").hasSize(2);
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        TargetBackoff backoff = new TargetBackoff();
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waits.add(backoff.failed().toMillis());
        }
        assertThat(waits).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L, 30000L);
    }

    @Test
    void preCommitReturnsTheOffsetsOnlyOnceTheParkedEventsAreDurable() {
        FlushCountingStore counting = new FlushCountingStore();
        start(context, counting, target);
        target.refused.add(user("ann"));
        task.put(List.of(records.addUser("ann", "Ann")));
        assertThat(counting.savesSinceFlush).isEqualTo(1);

        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(PARTITION, new OffsetAndMetadata(1));
        assertThat(task.preCommit(offsets)).isEqualTo(offsets);
        assertThat(counting.savesSinceFlush).isZero();

        counting.failFlush = true;
        task.put(List.of(records.modifyUser("ann", "Ann", "Anna")));
        assertThatThrownBy(() -> task.preCommit(offsets)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> task.put(List.of())).as("the task fails, so that a restart reads the store again")
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("could not make parked events durable");
    }

    @Test
    void aFixedSchemaViolationLetsTheParkedEventsApplyInOrderAtTheNextRetryWhileOthersFlow() {
        start();
        target.refused.add(user("ann"));
        task.put(List.of(records.addUser("ann", "Ann"), records.addUser("bob", "Bob"),
                records.modifyUser("ann", "Ann", "Anna"), records.modifyUser("bob", "Bob", "Bobby"),
                records.modifyUser("ann", "Anna", "Annie")));
        assertThat(target.applied).containsExactly("ADD [bob]", "MODIFY [bob]");
        assertThat(status().getParkedObjects()).isEqualTo(1);
        assertThat(status().getParkedEvents()).isEqualTo(3);

        target.refused.clear();
        clock.advance(RETRY_INTERVAL.minusMillis(1));
        task.put(List.of());
        assertThat(target.applied).as("not before the retry interval").hasSize(2);

        clock.advance(Duration.ofMillis(1));
        task.put(List.of());
        assertThat(target.applied).containsExactly("ADD [bob]", "MODIFY [bob]", "ADD [ann]", "MODIFY [ann]", "MODIFY [ann]");
        assertThat(target.objects.get(user("ann"))).containsEntry("cn", "Annie");
        assertThat(status().getParkedObjects()).isZero();
        assertThat(status().getRetries()).isEqualTo(1);
        assertThat(store.load(List.of(PARTITION))).isEmpty();
    }

    @Test
    void theStatusListsEachParkedObjectWithItsPositionAndReasonButNoValue() {
        start();
        target.refused.add(user("ann"));
        SinkRecord parking = records.addUser("ann", "Ann");
        task.put(List.of(parking, records.modifyUser("ann", "Ann", "Anna")));
        clock.advance(Duration.ofMinutes(3));

        assertThat(status().getParkedObjectReasons()).containsExactly("app-0@" + parking.kafkaOffset()
                + ": 2 event(s) of kind 'public.users' parked since 2026-01-01T00:00:00Z: "
                + "object class violation: attribute 'cn' not allowed");
        assertThat(status().getParkedObjectReasons().get(0)).doesNotContain("ann", "Ann");
        assertThat(status().getOldestParkedAgeMs()).isEqualTo(Duration.ofMinutes(3).toMillis());
    }

    @Test
    void eventsParkedLongerThanTheMaximumAgeGoToTheErrantRecordReporterWithTheReason() {
        props.put(SinkCoreConfig.ERRORS_QUEUE_MAX_AGE_MS, Long.toString(Duration.ofHours(1).toMillis()));
        start();
        target.refused.add(user("ann"));
        SinkRecord parking = records.addUser("ann", "Ann");
        task.put(List.of(parking));

        clock.advance(Duration.ofMinutes(65));
        task.put(List.of());

        assertThat(context.reported).containsExactly("app-0@" + parking.kafkaOffset() + ": parked longer than "
                + "errors.queue.max.age.ms (3600000 ms); last error: object class violation: attribute 'cn' not allowed");
        assertThat(status().getParkedObjects()).isZero();
        assertThat(status().getExpiredEvents()).isEqualTo(1);
        assertThat(store.load(List.of(PARTITION))).isEmpty();
    }

    @Test
    void withoutAnErrantRecordReporterExpiredEventsStayParked() {
        props.put(SinkCoreConfig.ERRORS_QUEUE_MAX_AGE_MS, Long.toString(Duration.ofHours(1).toMillis()));
        start(new RecordingSinkTaskContext(false));
        target.refused.add(user("ann"));
        task.put(List.of(records.addUser("ann", "Ann")));

        clock.advance(Duration.ofDays(2));
        task.put(List.of());

        assertThat(status().getParkedObjects()).isEqualTo(1);
        assertThat(status().getExpiredEvents()).isZero();
    }

    @Test
    void anOperatorRetriesEveryParkedObjectNowThroughJmx() throws Exception {
        start();
        target.refused.add(user("ann"));
        task.put(List.of(records.addUser("ann", "Ann")));
        target.refused.clear();

        String answer = new OperatorCall(() -> mxBean().retryParkedObjectsNow()).answerWhile(() -> task.put(List.of()));

        assertThat(answer).isEqualTo("Retried the parked objects: 1 event(s) applied, 0 object(s) still parked");
        assertThat(target.applied).containsExactly("ADD [ann]");
    }

    @Test
    void anOperatorDropsAParkedObjectWhoseEventsGoToTheErrantRecordReporter() throws Exception {
        start();
        target.refused.add(user("ann"));
        SinkRecord added = records.addUser("ann", "Ann");
        SinkRecord modified = records.modifyUser("ann", "Ann", "Anna");
        task.put(List.of(added, modified));
        String position = "app-0@" + added.kafkaOffset();

        assertThat(new OperatorCall(() -> mxBean().dropParkedObject("app-0@999")).answerWhile(() -> task.put(List.of())))
                .isEqualTo("No parked object of this task was parked by the record at app-0@999");
        String answer = new OperatorCall(() -> mxBean().dropParkedObject(position)).answerWhile(() -> task.put(List.of()));

        assertThat(answer).isEqualTo("Dropped 2 parked event(s) of an object of kind 'public.users'");
        assertThat(context.reported).containsExactly(position + ": dropped by an operator",
                "app-0@" + modified.kafkaOffset() + ": dropped by an operator");
        assertThat(status().getDroppedEvents()).isEqualTo(2);
        assertThat(store.load(List.of(PARTITION))).isEmpty();
        target.refused.clear();
        task.put(List.of(records.modifyUser("ann", "Anna", "Annie")));
        assertThat(target.applied).as("later events of the object apply again").containsExactly("MODIFY [ann]");
    }

    @Test
    void aRemovalTrashesAndThePurgeRemovesChildrenFirstSkippingWhatAParkedObjectNeeds() {
        props.put(SinkCoreConfig.TRASHBIN_RETENTION_MS, Long.toString(Duration.ofHours(1).toMillis()));
        props.put(SinkCoreConfig.TRASHBIN_PURGE_INTERVAL_MS, Long.toString(Duration.ofMinutes(10).toMillis()));
        FakeTrashbinTarget trashbin = new FakeTrashbinTarget(clock);
        start(context, store, trashbin);
        task.put(List.of(records.addUser("ann", "Ann"), records.addUser("bob", "Bob"), records.addMembership("m1", "ann"),
                records.removeUser("bob", "Bob")));
        task.put(List.of(records.addMembership("m2", "bob")));
        assertThat(status().getParkedObjects()).as("m2's user is in the trash").isEqualTo(1);
        task.put(List.of(records.removeMembership("m1", "ann"), records.removeUser("ann", "Ann")));
        assertThat(trashbin.trash).containsOnlyKeys(user("bob"), membership("m1"), user("ann"));

        clock.advance(Duration.ofMinutes(30));
        task.put(List.of());
        assertThat(trashbin.applied).as("nothing older than the retention yet").noneMatch(line -> line.startsWith("PURGE"));

        clock.advance(Duration.ofMinutes(40));
        task.put(List.of());

        assertThat(trashbin.applied).filteredOn(line -> line.startsWith("PURGE"))
                .as("the membership before its user; bob waits for the parked membership m2")
                .containsExactly("PURGE [m1]", "PURGE [ann]");
        assertThat(trashbin.trash).containsOnlyKeys(user("bob"));
        assertThat(status().getTrashedObjects()).isEqualTo(3);
        assertThat(status().getPurgedObjects()).isEqualTo(2);
    }

    @Test
    void anAddWithinTheRetentionRecyclesTheTrashedObject() {
        props.put(SinkCoreConfig.TRASHBIN_RETENTION_MS, Long.toString(Duration.ofHours(1).toMillis()));
        FakeTrashbinTarget trashbin = new FakeTrashbinTarget(clock);
        start(context, store, trashbin);
        task.put(List.of(records.addUser("ann", "Ann"), records.removeUser("ann", "Ann"), records.addUser("ann", "Anna")));

        assertThat(trashbin.applied).containsExactly("ADD [ann]", "TRASH [ann]", "RECYCLE [ann]", "ADD [ann]");
        assertThat(trashbin.objects.get(user("ann"))).containsEntry("cn", "Anna");
    }

    @Test
    void aTrashbinRetentionNeedsATargetWithATrash() {
        props.put(SinkCoreConfig.TRASHBIN_RETENTION_MS, "1000");
        task = new FakeSinkTask(target, store, clock);
        task.initialize(context);

        assertThatThrownBy(() -> task.start(props)).isInstanceOf(ConnectException.class)
                .hasMessageContaining(SinkCoreConfig.TRASHBIN_RETENTION_MS);
    }

    @Test
    void aTaskKeepsOnlyTheParkedObjectsOfItsPartitionsAndAnotherTaskTakesThemOver() {
        TopicPartition other = new TopicPartition("app", 1);
        ChangeRecords otherRecords = new ChangeRecords(other);
        start();
        task.open(List.of(other));
        target.refused.addAll(Set.of(user("ann"), user("bob")));
        task.put(List.of(records.addUser("ann", "Ann"), otherRecords.addUser("bob", "Bob")));
        assertThat(status().getParkedObjects()).isEqualTo(2);

        task.close(List.of(other));
        assertThat(status().getParkedObjects()).isEqualTo(1);

        ChangeEventSinkTask second = new FakeSinkTask(target, store, clock);
        second.initialize(new RecordingSinkTaskContext(true));
        Map<String, String> secondProps = new HashMap<>(props);
        secondProps.put(SinkCoreConfig.TASK_ID, "1");
        second.start(secondProps);
        try {
            second.open(List.of(other));
            target.refused.clear();
            second.put(List.of(otherRecords.modifyUser("bob", "Bob", "Bobby")));
            assertThat(target.applied).as("bob's modify waits behind its parked add").isEmpty();
            clock.advance(RETRY_INTERVAL);
            second.put(List.of());
            assertThat(target.applied).containsExactly("ADD [bob]", "MODIFY [bob]");
        } finally {
            second.stop();
        }
    }

    private void start() {
        start(context);
    }

    private void start(RecordingSinkTaskContext taskContext) {
        start(taskContext, store, target);
    }

    private void start(RecordingSinkTaskContext taskContext, ParkedEventStore taskStore, SinkTarget taskTarget) {
        task = new FakeSinkTask(taskTarget, taskStore, clock);
        task.initialize(taskContext);
        task.start(props);
        task.open(List.of(PARTITION));
    }

    private SinkTaskMXBean status() {
        return mxBean();
    }

    private SinkTaskMXBean mxBean() {
        try {
            return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                    ObjectName.getInstance("io.hermesconnect:type=sink-task,connector=\"users-sink\",task=0"), SinkTaskMXBean.class);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
