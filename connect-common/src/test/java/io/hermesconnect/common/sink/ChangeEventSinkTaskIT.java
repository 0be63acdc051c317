package io.hermesconnect.common.sink;

import static io.hermesconnect.common.sink.ChangeRecords.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.connect.ConnectCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * Sink tasks whose parked events live in a real broker: a task that starts with an empty memory takes over the queue
 * an earlier task left, and the scenario (a schema violation fixed later) ends with the parked events applied
 * in order.
 */
class ChangeEventSinkTaskIT {

    private static final TopicPartition PARTITION = new TopicPartition("app", 0);
    private static final Duration RETRY_INTERVAL = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock();
    private final FakeTarget target = new FakeTarget();
    private final ChangeRecords records = new ChangeRecords(PARTITION);
    private final Map<String, String> props = Map.of(
            SinkCoreConfig.CONNECTOR_NAME, UniqueNames.of("users-sink"),
            SinkCoreConfig.ERRORS_QUEUE_KAFKA_BOOTSTRAP_SERVERS, ConnectCluster.shared().bootstrapServers(),
            SinkCoreConfig.ERRORS_QUEUE_TOPIC_REPLICATION_FACTOR, "1",
            SinkCoreConfig.ERRORS_QUEUE_RETRY_INTERVAL_MS, Long.toString(RETRY_INTERVAL.toMillis()));

    @Test
    void aRestartedTaskTakesOverTheParkedEventsAndAppliesThemInOrderOnceTheSchemaViolationIsFixed() {
        target.refused.add(user("ann"));
        List<SinkRecord> batch = List.of(records.addUser("ann", "Ann"), records.addUser("bob", "Bob"),
                records.modifyUser("ann", "Ann", "Anna"), records.modifyUser("bob", "Bob", "Bobby"),
                records.modifyUser("ann", "Anna", "Annie"));
        ChangeEventSinkTask first = started();
        try {
            first.put(batch);
            assertThat(first.preCommit(offsetAfter(batch))).isEqualTo(offsetAfter(batch));
        } finally {
            first.stop();
        }
        assertThat(target.applied).as("others flow").containsExactly("ADD [bob]", "MODIFY [bob]");

        ChangeEventSinkTask second = started();
        try {
            SinkTaskMXBean status = second.status();
            assertThat(status.getParkedObjects()).as("read back from the topic").isEqualTo(1);
            assertThat(status.getParkedEvents()).isEqualTo(3);

            target.refused.clear();
            clock.advance(RETRY_INTERVAL);
            second.put(List.of());
            second.preCommit(offsetAfter(batch));
        } finally {
            second.stop();
        }
        assertThat(target.applied).containsExactly("ADD [bob]", "MODIFY [bob]", "ADD [ann]", "MODIFY [ann]", "MODIFY [ann]");
        assertThat(target.objects.get(user("ann"))).containsEntry("cn", "Annie");

        ChangeEventSinkTask third = started();
        try {
            assertThat(third.status().getParkedObjects()).as("the applied object left the topic").isZero();
        } finally {
            third.stop();
        }
    }

    @Test
    void eventsParkedAfterTheLastCommitAreParkedAgainExactlyOnceFromTheRecordsConnectDeliversAgain() {
        target.refused.add(user("ann"));
        List<SinkRecord> committed = List.of(records.addUser("ann", "Ann"));
        List<SinkRecord> uncommitted = List.of(records.modifyUser("ann", "Ann", "Anna"));
        ChangeEventSinkTask first = started();
        try {
            first.put(committed);
            first.preCommit(offsetAfter(committed));
            first.put(uncommitted);
        } finally {
            first.stop(); // as a worker lost before the next commit
        }

        ChangeEventSinkTask second = started();
        try {
            assertThat(second.status().getParkedEvents()).as("only what was committed").isEqualTo(1);
            clock.advance(Duration.ofSeconds(1)); // the figures of an unchanged number of objects are taken once a second
            second.put(uncommitted);
            assertThat(second.status().getParkedEvents()).isEqualTo(2);
            target.refused.clear();
            clock.advance(RETRY_INTERVAL);
            second.put(List.of());
        } finally {
            second.stop();
        }
        assertThat(target.applied).containsExactly("ADD [ann]", "MODIFY [ann]");
    }

    private ChangeEventSinkTask started() {
        ChangeEventSinkTask task = new FakeSinkTask(target, clock);
        task.initialize(new RecordingSinkTaskContext(true));
        task.start(props);
        task.open(List.of(PARTITION));
        return task;
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsetAfter(List<SinkRecord> batch) {
        return Map.of(PARTITION, new OffsetAndMetadata(batch.get(batch.size() - 1).kafkaOffset() + 1));
    }
}
