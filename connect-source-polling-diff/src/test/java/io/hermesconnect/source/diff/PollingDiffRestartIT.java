package io.hermesconnect.source.diff;

import static io.hermesconnect.source.diff.DiffTestDb.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.DiffTestDb.DiffEvent;
import io.hermesconnect.testkit.TempDirs;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The state survives the task: stopped between polls or mid-poll, the task resumes on the other worker of a 2-worker
 * cluster and emits exactly the changes since the last completed poll (a poll cut short may repeat, never lose, its
 * events); a task restart polls at once. No secret reaches the state topic or the workers' log.
 */
class PollingDiffRestartIT {

    private static ConnectCluster connect;
    private static Path stateDir;
    private final PostgresServer pg = PostgresServer.shared(PostgresVersion.V17);

    @BeforeAll
    static void startCluster() throws Exception {
        stateDir = Files.createTempDirectory("polling-diff-restart");
        connect = ConnectCluster.builder().name("polling-diff-restart").workers(2)
                // a stopped worker's task moves after 3 s rather than Connect's 5 minutes; the test deletes the
                // task's local state directory meanwhile
                .workerProp("scheduled.rebalance.max.delay.ms", "3000")
                .start();
    }

    @AfterAll
    static void stopCluster() {
        connect.close();
        TempDirs.deleteRecursively(stateDir);
    }

    /** Each test stops a worker: start a new one so that two run again. */
    @BeforeEach
    void twoWorkers() {
        while (connect.embedded().workers().size() < 2) {
            connect.embedded().addWorker();
        }
        Wait.until("two workers healthy", TIMEOUT, () -> connect.embedded().healthyWorkers().size() == 2);
    }

    @Test
    void resumesOnTheOtherWorkerFromTheStateTopicWithExactlyTheChangesMadeWhileItWasDown() {
        DiffTestDb db = new DiffTestDb(pg, stateDir);
        db.sql("INSERT INTO users SELECT i, 'user' || i, 'Name ' || i, NULL, 'pw-' || i || '-Secret' FROM generate_series(1, 10) i");
        try (WorkerLogCapture log = WorkerLogCapture.capture(); TopicReader reader = connect.reader(db.topic())) {
            db.put(rest(), db.config(connect, 300));
            reader.awaitUntil("10 creates", records -> DiffTestDb.events(reader).size() >= 10, TIMEOUT);
            long before = db.awaitCompletedPoll(1);

            String stopped = stopWorkerRunningTheTask(db);
            // the task's local copy is gone: its next start must rebuild it from the state topic
            TempDirs.deleteRecursively(db.taskStateDir());
            db.sql("UPDATE users SET name = 'Renamed ' || id WHERE id IN (1, 2)",
                    "UPDATE users SET password = 'pw-5-Changed-Secret' WHERE id = 5",
                    "INSERT INTO users VALUES (11, 'user11', 'Name 11', NULL, 'pw-11-Secret'), (12, 'user12', 'Name 12', NULL, NULL)",
                    "DELETE FROM users WHERE id IN (3, 4)");
            awaitTaskRunningElsewhere(db, stopped);
            // the poll after the move, then one more that must emit nothing
            db.awaitCompletedPoll(before + 3);

            List<DiffEvent> events = db.allEvents(connect, reader);
            assertThat(events.subList(0, 10)).extracting(DiffEvent::op).containsOnly("r");
            List<DiffEvent> changes = events.subList(10, events.size());
            assertThat(changes).extracting(DiffEvent::brief)
                    .containsExactlyInAnyOrder("c:11", "c:12", "u:1", "u:2", "u:5", "d:3", "d:4");
            assertThat(changes).filteredOn(event -> event.id() == 5).singleElement()
                    .satisfies(event -> assertThat(event.after().getString("password")).isEqualTo("pw-5-Changed-Secret"));
            assertThat(log.lines()).anyMatch(line -> line.contains("local copy rebuilt from the topic"));

            List<String> secrets = List.of(DiffTestDb.DB_PASSWORD, DiffTestDb.HMAC_KEY, "pw-5-Changed-Secret",
                    "pw-1-Secret", "pw-11-Secret");
            assertNoSecretInStateTopic(db, secrets);
            assertThat(log.lines()).as("worker log").noneMatch(line -> secrets.stream().anyMatch(line::contains));
        }
        rest().deleteConnector(db.connector);
    }

    @Test
    void aPollCutShortByAStoppedWorkerIsRepeatedWholeAndLosesNothing() {
        int rows = 20_000;
        DiffTestDb db = new DiffTestDb(pg, stateDir);
        db.sql("INSERT INTO users SELECT i, 'user' || i, 'Name ' || i, NULL, NULL FROM generate_series(1, " + rows + ") i");
        Map<String, String> config = db.config(connect, 300);
        config.put("snapshot.mode", "never");
        try (WorkerLogCapture log = WorkerLogCapture.capture(); TopicReader reader = connect.reader(db.topic())) {
            db.put(rest(), config);
            db.awaitCompletedPoll(1);
            db.sql("UPDATE users SET name = name || ' v2'");
            // handing over 20k updates and writing their state takes seconds: the worker stops in the middle of it
            reader.awaitUntil("the first updates", records -> !records.isEmpty(), TIMEOUT);
            long poll = DiffTestDb.events(reader).get(0).poll();

            String stopped = stopWorkerRunningTheTask(db);
            awaitTaskRunningElsewhere(db, stopped);
            // the poll repeated whole, then one more that emits nothing; the log tells (the JMX bean is the stopped
            // task's until that one's thread ends, in this JVM that runs both workers)
            Wait.until("poll " + (poll + 1) + " done", Duration.ofMinutes(2), () -> log.lines().stream()
                    .anyMatch(line -> line.startsWith("Poll " + (poll + 1) + " done")));
            List<DiffEvent> all = db.allEvents(connect, reader);
            assertThat(all).allSatisfy(event -> {
                assertThat(event.op()).isEqualTo("u");
                assertThat(event.poll()).as("the poll cut short, repeated").isEqualTo(poll);
                assertThat(event.after().getString("name")).endsWith(" v2");
            });
            assertThat(all.size()).as("the poll was cut short: the events handed over before the stop are repeated")
                    .isGreaterThan(rows);
            assertThat(updatedIds(all)).hasSize(rows);
        }
        rest().deleteConnector(db.connector);
    }

    @Test
    void restartingTheTaskPollsAtOnce() {
        DiffTestDb db = new DiffTestDb(pg, stateDir);
        db.sql("INSERT INTO users VALUES (1, 'ada', 'Ada', NULL, NULL)");
        try (TopicReader reader = connect.reader(db.topic())) {
            db.put(rest(), db.config(connect, 3_600_000));
            db.awaitCompletedPoll(1);
            db.sql("INSERT INTO users VALUES (2, 'bob', 'Bob', NULL, NULL)");

            rest().request("POST", "connectors/" + db.connector + "/tasks/0/restart", null).requireSuccess();

            // the next poll is an hour away: the create arrives because the restarted task polled at once
            reader.awaitUntil("the create of user 2", records -> DiffTestDb.events(reader).size() >= 2, TIMEOUT);
            assertThat(DiffTestDb.events(reader)).extracting(DiffEvent::brief).containsExactly("r:1", "c:2");
        }
        rest().deleteConnector(db.connector);
    }

    /** A REST client of a running worker (the cluster's own one may point at a stopped worker). */
    private static ConnectRestClient rest() {
        return new ConnectRestClient(URI.create(connect.embedded().endpointForResource("")));
    }

    /** Stops the worker that runs the connector's task, found by the {@code worker_id} of the REST status; returns that id. */
    private static String stopWorkerRunningTheTask(DiffTestDb db) {
        String workerId = rest().status(db.connector).path("tasks").path(0).path("worker_id").asText();
        WorkerHandle worker = connect.embedded().workers().stream()
                .filter(handle -> workerId.endsWith(":" + handle.url().getPort())).findFirst().orElseThrow();
        connect.embedded().removeWorker(worker);
        return workerId;
    }

    private static void awaitTaskRunningElsewhere(DiffTestDb db, String stoppedWorkerId) {
        Wait.until("the task RUNNING on the other worker", TIMEOUT, () -> rest().status(db.connector).path("tasks").path(0),
                task -> task.path("state").asText().equals("RUNNING")
                        && !task.path("worker_id").asText().equals(stoppedWorkerId));
    }

    private static Set<Integer> updatedIds(List<DiffEvent> events) {
        return events.stream().filter(event -> event.op().equals("u")).map(DiffEvent::id).collect(Collectors.toSet());
    }

    /** Reads the state topic's raw keys and values: none holds a secret, in UTF-8 (what a string is stored as). */
    private static void assertNoSecretInStateTopic(DiffTestDb db, List<String> secrets) {
        try (TopicReader state = connect.reader(db.stateTopic())) {
            assertThat(DiffTestDb.readToEnd(connect, state, db.stateTopic())).isNotEmpty().allSatisfy(record -> {
                for (String secret : secrets) {
                    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
                    assertThat(contains(record.key(), bytes) || contains(record.value(), bytes))
                            .as("a secret in the state topic").isFalse();
                }
            });
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return haystack != null && IntStream.rangeClosed(0, haystack.length - needle.length).anyMatch(i ->
                IntStream.range(0, needle.length).allMatch(j -> haystack[i + j] == needle[j]));
    }
}
