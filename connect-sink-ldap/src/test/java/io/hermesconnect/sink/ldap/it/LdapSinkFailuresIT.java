package io.hermesconnect.sink.ldap.it;

import static io.hermesconnect.sink.ldap.it.SinkFixtures.normalized;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.sink.SinkTaskMXBean;
import io.hermesconnect.sink.ldap.testing.DirectoryState;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import io.hermesconnect.testkit.LogCapture;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.connect.TopicWriter;
import io.hermesconnect.testkit.ldap.OpenLdapServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's failure scenarios in a 2-worker Connect cluster against a real slapd: events that slapd refuses
 * until an operator fixes the directory park and apply in order once it is fixed, survive the loss of the worker
 * that parked them, expire to the dead-letter queue, and can be retried or dropped through JMX; a directory that is
 * down parks nothing and loses nothing.
 */
class LdapSinkFailuresIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String BASE = "dc=example,dc=org";
    private static final String SINK_LOGGER = "io.hermesconnect.common.sink";

    private static OpenLdapServer slapd;
    private static ConnectCluster connect;

    @BeforeAll
    static void start() throws LDAPException {
        slapd = OpenLdapServer.start();
        DirectoryState.reset(slapd);
        connect = ConnectCluster.builder().name("ldap-sink-failures").workers(2)
                // Connect calls put() (and so the periodic retry) at least every offset flush: every second here
                .workerProp("offset.flush.interval.ms", "1000")
                // a stopped worker's task moves after 3 s rather than Connect's 5 minutes
                .workerProp("scheduled.rebalance.max.delay.ms", "3000")
                .start();
    }

    @AfterAll
    static void stop() {
        connect.close();
        slapd.close();
    }

    /** The durability test stops a worker: start a new one so that two run again. */
    @BeforeEach
    void twoWorkers() {
        while (connect.embedded().workers().size() < 2) {
            connect.embedded().addWorker();
        }
        Wait.until("two workers healthy", TIMEOUT, () -> connect.embedded().healthyWorkers().size() == 2);
    }

    @Test
    void anObjectRefusedUntilItsContainerExistsParksWithWhatNeedsItAndAppliesInOrderOnceFixed() {
        ParkedGroup scenario = new ParkedGroup("fix");
        String name = scenario.startSink(Map.of());
        try (LogCapture log = LogCapture.of(SINK_LOGGER, Level.INFO)) {
            SinkTaskMXBean status = scenario.awaitParked(name);
            assertThat(status.getParkedObjectReasons()).anyMatch(line -> line.contains("event(s) of kind 'hr.groups'")
                    && line.contains("of kind 'groups' failed: no such object"));
            assertThat(log.text()).contains("4 parked object(s)");

            assertThat(awaitParkedObjectsInTopic(name, 4)).containsExactlyInAnyOrder(1, 3, 1, 2);

            scenario.createGroupsContainer();
            scenario.awaitFixed(status, Set.of(scenario.userDn("robert")));
            assertThat(awaitParkedObjectsInTopic(name, 0)).isEmpty();
            Wait.until("the log to say nothing is parked any more", TIMEOUT,
                    () -> log.text().contains("no parked object any more"));
        }
        rest().deleteConnector(name);
    }

    @Test
    void parkedEventsSurviveTheLossOfTheWorkerAndTheSourceOffsetsMovePastThem() throws Exception {
        ParkedGroup scenario = new ParkedGroup("move");
        String name = scenario.startSink(Map.of());
        List<String> parkedBefore = scenario.awaitParked(name).getParkedObjectReasons();
        awaitCommittedOffset(name, scenario.topic, scenario.recordsWritten);

        try (LogCapture log = LogCapture.of(SINK_LOGGER, Level.INFO)) {
            String stopped = stopWorkerRunningTheTask(name);
            Wait.until("the task RUNNING on the other worker", TIMEOUT, () -> rest().status(name).path("tasks").path(0),
                    task -> task.path("state").asText().equals("RUNNING")
                            && !task.path("worker_id").asText().equals(stopped));
            Wait.until("the task on the other worker to take over the parked objects", TIMEOUT,
                    () -> log.text().contains("took over 4 parked object(s)"));
        }
        SinkTaskMXBean status = Wait.until("the new task's status", TIMEOUT, () -> SinkFixtures.taskStatus(name, TIMEOUT),
                bean -> bean.getParkedObjects() == 4);
        assertThat(status.getParkedObjectReasons()).as("the same parked events, since the same time, for the same reasons")
                .isEqualTo(parkedBefore);
        assertThat(awaitParkedObjectsInTopic(name, 4)).as("parked events per object in the parked-event topic")
                .containsExactlyInAnyOrder(1, 3, 1, 2);
        // a later event of a parked object parks behind it on the new worker, other objects flow there
        scenario.write(new HrChangeEvents().membership(Operation.DELETE, scenario.id(2), scenario.id(10))
                .user(Operation.CREATE, scenario.id(3), scenario.login("cy"), "Zed", null));
        Wait.until("the user written after the move", TIMEOUT, () -> scenario.exists(scenario.userDn("cy")));
        assertThat(status.getParkedObjects()).isEqualTo(4);
        assertThat(status.getAppliedEvents().values().stream().mapToLong(Long::longValue).sum())
                .as("events the new task applied: the user written after the move, no record before the committed offset")
                .isEqualTo(1);

        scenario.createGroupsContainer();
        // the membership removed after the move applied after its add
        scenario.awaitFixed(status, Set.of(HrKinds.PLACEHOLDER));
        rest().deleteConnector(name);
    }

    @Test
    void anEventParkedLongerThanTheMaximumAgeGoesToTheDeadLetterQueueWithItsReason() {
        ParkedGroup scenario = new ParkedGroup("expire");
        String name = scenario.startSinkWithDeadLetterQueue("errors.queue.max.age.ms", "3000");
        assertThat(scenario.awaitDeadLetterOfTheGroupAdd())
                .startsWith("parked longer than errors.queue.max.age.ms (3000 ms); last error: LDAP ")
                .contains("of kind 'groups' failed: no such object");
        SinkTaskMXBean status = SinkFixtures.taskStatus(name, TIMEOUT);
        Wait.until("the expiries counted", TIMEOUT, () -> status.getExpiredEvents() >= 1);
        rest().deleteConnector(name);
    }

    @Test
    void anOperatorDropsOneParkedObjectAndRetriesTheOthersNow() {
        ParkedGroup scenario = new ParkedGroup("operator");
        // no periodic retry during the test: only the operator's retry can apply the parked events
        String name = scenario.startSinkWithDeadLetterQueue("errors.queue.retry.interval.ms", "3600000");
        SinkTaskMXBean status = scenario.awaitParked(name);
        String groupPosition = scenario.topic + "-0@" + scenario.groupAddOffset;
        assertThat(status.getParkedObjectReasons()).anyMatch(line -> line.startsWith(groupPosition + ": "));

        scenario.createGroupsContainer();
        assertThat(status.dropParkedObject(groupPosition)).isEqualTo("Dropped 1 parked event(s) of an object of kind 'hr.groups'");
        assertThat(scenario.awaitDeadLetterOfTheGroupAdd()).isEqualTo("dropped by an operator");
        assertThat(status.getDroppedEvents()).isEqualTo(1);

        // the memberships now find no group and stay parked; the user's removal waits for them
        assertThat(status.retryParkedObjectsNow())
                .isEqualTo("Retried the parked objects: 0 event(s) applied, 3 object(s) still parked");
        // the group's next event applies again, and a retry now applies what waited for it
        scenario.write(new HrChangeEvents().group(Operation.CREATE, scenario.id(10), scenario.groupName()));
        Wait.until("the group's later event applied", TIMEOUT, () -> scenario.exists(scenario.groupDn()));
        assertThat(status.getParkedObjects()).isEqualTo(3);
        assertThat(status.retryParkedObjectsNow()).startsWith("Retried the parked objects: ")
                .endsWith(", 0 object(s) still parked");
        scenario.awaitFixed(status, Set.of(scenario.userDn("robert")));
        rest().deleteConnector(name);
    }

    @Test
    void aDirectoryDownForAMinuteParksNothingLosesNothingAndTheTaskSaysWhyItWaits() {
        ParkedGroup scenario = new ParkedGroup("down");
        scenario.createGroupsContainer();
        String name = scenario.startSink(Map.of());
        SinkTaskMXBean status = SinkFixtures.taskStatus(name, TIMEOUT);
        scenario.awaitFixed(status, Set.of(scenario.userDn("robert")));

        try (LogCapture log = LogCapture.of(SINK_LOGGER, Level.INFO)) {
            slapd.stop();
            long stoppedAt = System.nanoTime();
            Set<String> taskStates = new HashSet<>();
            Set<Long> parkedEvents = new HashSet<>();
            // a user and its membership every 10 s of the outage, the task's state and parked events watched meanwhile
            for (int i = 0; i < 6; i++) {
                scenario.write(new HrChangeEvents()
                        .user(Operation.CREATE, scenario.id(100 + i), scenario.login("late" + i), "Late", null)
                        .membership(Operation.CREATE, scenario.id(100 + i), scenario.id(10)));
                long until = stoppedAt + Duration.ofSeconds(10L * (i + 1)).toNanos();
                Wait.until("10 s more of the outage", Duration.ofSeconds(30), () -> {
                    taskStates.add(rest().status(name).path("tasks").path(0).path("state").asText());
                    parkedEvents.add(status.getParkedEvents());
                    return System.nanoTime() - until >= 0;
                });
            }
            assertThat(taskStates).as("the task's states during the outage").containsExactly("RUNNING");
            assertThat(parkedEvents).as("parked events during the outage").containsExactly(0L);
            assertThat(System.currentTimeMillis() - status.getWaitingForTargetSinceMs())
                    .as("milliseconds the task has waited for the directory").isGreaterThan(50_000);
            assertThat(status.getWaitingForTargetReason()).contains("the directory is unavailable");
            assertThat(log.text()).contains("waits for its target, which is unavailable");

            slapd.restart();
            Wait.until("every event of the outage applied", TIMEOUT, () -> IntStream.range(0, 6)
                    .allMatch(i -> scenario.members().contains(scenario.userDn("late" + i))));
            Wait.until("the task to say the directory is back", TIMEOUT, () -> status.getWaitingForTargetSinceMs() == 0
                    && log.text().contains("the target is back after"));
        }
        assertThat(status.getParkedObjects()).isZero();
        assertThat(status.getExpiredEvents() + status.getDroppedEvents()).isZero();
        rest().deleteConnector(name);
    }

    /** A REST client of a running worker (the cluster's own one may point at a stopped worker). */
    private static ConnectRestClient rest() {
        return new ConnectRestClient(URI.create(connect.embedded().endpointForResource("")));
    }

    /** Stops the worker that runs the connector's task, found by the {@code worker_id} of the REST status; returns that id. */
    private static String stopWorkerRunningTheTask(String connector) {
        String workerId = rest().status(connector).path("tasks").path(0).path("worker_id").asText();
        WorkerHandle worker = connect.embedded().workers().stream()
                .filter(handle -> workerId.endsWith(":" + handle.url().getPort())).findFirst().orElseThrow();
        connect.embedded().removeWorker(worker);
        return workerId;
    }

    /** Waits until the connector's consumer group committed {@code offset} on partition 0 of {@code topic}. */
    private static void awaitCommittedOffset(String connector, String topic, long offset) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connect.bootstrapServers()))) {
            Wait.until("the committed offset of " + partition, TIMEOUT, () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("connect-" + connector)
                            .partitionsToOffsetAndMetadata().get();
                    OffsetAndMetadata committed = offsets.get(partition);
                    return committed == null ? -1L : committed.offset();
                } catch (Exception e) {
                    throw new IllegalStateException("could not read the committed offsets", e);
                }
            }, committed -> committed == offset);
        }
    }

    /**
     * Waits until the connector's parked-event topic holds {@code count} parked objects; returns their numbers of
     * parked events.
     */
    private static List<Integer> awaitParkedObjectsInTopic(String connector, int count) {
        try (TopicReader reader = connect.reader(connector + ".parked")) {
            reader.awaitUntil(count + " parked object(s)", records -> parkedObjects(reader, records).size() == count, TIMEOUT);
            return List.copyOf(parkedObjects(reader, reader.records()).values());
        }
    }

    /** Per parked object, its number of parked events: the last record of each key, as compaction keeps them. */
    private static Map<String, Integer> parkedObjects(TopicReader reader, List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Integer> objects = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                objects.remove(key);
            } else {
                objects.put(key, ((Struct) reader.value(record).value()).getArray("events").size());
            }
        }
        return objects;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A group whose container does not exist until the test creates it, with what depends on it: the group's add is
     * refused (no such object), the memberships of two users in it then find no group and park, and the removal of
     * one of those users parks behind them (foreign-key policy {@code on_remove}). The other user's rename applies
     * meanwhile. Once the container exists, the parked events apply in order: the group ends with the
     * placeholder and the renamed user, the removed user is gone.
     */
    private static final class ParkedGroup {

        private final String tag;
        private final String topic;
        private final String container;
        private long recordsWritten;
        private long groupAddOffset = -1;

        ParkedGroup(String tag) {
            this.tag = UniqueNames.of(tag);
            this.topic = UniqueNames.of("hr-" + tag);
            this.container = "ou=late-" + this.tag;
            connect.createTopic(topic, 1);
        }

        String id(int n) {
            return tag + "-" + n;
        }

        String login(String name) {
            return name + "-" + tag;
        }

        String groupName() {
            return "admins-" + tag;
        }

        String groupDn() {
            return "cn=" + groupName() + "," + container + "," + BASE;
        }

        String userDn(String name) {
            return normalized("uid=" + login(name) + ",ou=people," + BASE);
        }

        String startSink(Map<String, String> overrides) {
            HrChangeEvents stream = new HrChangeEvents()
                    .user(Operation.CREATE, id(1), login("ann"), "Lee", null)
                    .user(Operation.CREATE, id(2), login("bob"), "Ray", null);
            write(stream);
            groupAddOffset = recordsWritten;
            write(new HrChangeEvents()
                    .group(Operation.CREATE, id(10), groupName())
                    .membership(Operation.CREATE, id(1), id(10))
                    .membership(Operation.CREATE, id(2), id(10))
                    .userUpdate(id(2), login("bob"), login("robert"), "Ray")
                    .membership(Operation.DELETE, id(1), id(10))
                    .user(Operation.DELETE, id(1), login("ann"), "Lee", null));

            String name = UniqueNames.of("ldap-sink-" + tag);
            Map<String, String> config = SinkFixtures.sinkConfig(name, slapd, connect, topic);
            config.put("kinds.groups.container", container);
            config.put("errors.queue.topic.replication.factor", "1");
            config.putAll(overrides);
            rest().createConnector(name, config);
            rest().awaitRunning(name, 1, TIMEOUT);
            return name;
        }

        /** Starts the sink with a dead-letter queue that has the reasons in its headers, and {@code key} = {@code value}. */
        String startSinkWithDeadLetterQueue(String key, String value) {
            return startSink(Map.of("errors.tolerance", "all",
                    "errors.deadletterqueue.topic.name", deadLetterTopic(),
                    "errors.deadletterqueue.topic.replication.factor", "1",
                    "errors.deadletterqueue.context.headers.enable", "true",
                    key, value));
        }

        private String deadLetterTopic() {
            return topic + "-dlq";
        }

        /** Waits for the group's add in the dead-letter queue; returns the reason Connect's header gives. */
        String awaitDeadLetterOfTheGroupAdd() {
            try (TopicReader reader = connect.reader(deadLetterTopic())) {
                ConsumerRecord<byte[], byte[]> groupAdd = reader.awaitRecord("the add of the group", record ->
                        header(record, "__connect.errors.offset").equals(Long.toString(groupAddOffset)), TIMEOUT);
                return header(groupAdd, "__connect.errors.exception.message");
            }
        }

        void write(HrChangeEvents events) {
            try (TopicWriter writer = connect.writer()) {
                events.events().forEach(event -> writer.sendJson(topic, event.key(), event.value()));
            }
            recordsWritten += events.events().size();
        }

        /**
         * Waits until the group, both memberships and the user's removal are parked while the other objects applied;
         * returns the task's status bean.
         */
        SinkTaskMXBean awaitParked(String connector) {
            SinkTaskMXBean status = SinkFixtures.taskStatus(connector, TIMEOUT);
            Wait.until("the other user's rename applied and four objects parked", TIMEOUT, () ->
                    exists(userDn("robert")) && status.getParkedObjects() == 4);
            assertThat(exists(userDn("ann"))).as("the user whose removal waits for its parked membership").isTrue();
            assertThat(exists(userDn("bob"))).as("the renamed user's old name").isFalse();
            assertThat(exists(groupDn())).isFalse();
            assertThat(status.getParkedObjectReasons()).hasSize(4)
                    .anyMatch(line -> line.contains("event(s) of kind 'hr.memberships'"))
                    .anyMatch(line -> line.contains("2 event(s) of kind 'hr.users'")
                            && line.contains("waits for a parked object that refers to it (foreign.keys.policy=on_remove)"));
            return status;
        }

        void createGroupsContainer() {
            try (LDAPConnection connection = slapd.connect()) {
                connection.add(container + "," + BASE, new Attribute("objectClass", "organizationalUnit"),
                        new Attribute("ou", container.substring(3)));
            } catch (LDAPException e) {
                throw new IllegalStateException("could not create the groups' container", e);
            }
        }

        /**
         * Waits until the parked events applied in order: nothing parked, the user removed after its membership was
         * added and removed, and the group with {@code members}.
         */
        void awaitFixed(SinkTaskMXBean status, Set<String> members) {
            Wait.untilAsserted("the parked events applied in order", TIMEOUT, () -> {
                assertThat(status.getParkedObjects()).isZero();
                assertThat(exists(userDn("ann"))).as("the user removed after its membership").isFalse();
                assertThat(members()).as("members of the group").isEqualTo(members);
            });
        }

        /** The group's member values, normalized; empty when it does not exist. */
        Set<String> members() {
            Map<String, TreeSet<String>> group = SinkFixtures.snapshot(slapd).get(normalized(groupDn()));
            if (group == null) {
                return Set.of();
            }
            return group.getOrDefault("member", new TreeSet<>()).stream()
                    .map(member -> member.equals(HrKinds.PLACEHOLDER) ? member : normalized(member))
                    .collect(Collectors.toSet());
        }

        boolean exists(String dn) {
            return SinkFixtures.snapshot(slapd).containsKey(normalized(dn));
        }
    }

}
