package io.hermesconnect.source.diff;

import static io.hermesconnect.source.diff.DiffTestDb.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.DiffTestDb.DiffEvent;
import io.hermesconnect.testkit.TempDirs;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A connector reconfigured through REST follows its new data model from the next poll on: a new attribute updates
 * every object having it, a removed type is deleted (or forgotten, by config), a changed primary key re-keys every
 * object without losing one from the compacted output topic.
 */
class DataModelChangeIT {

    private static Path stateDir;
    private final ConnectCluster connect = ConnectCluster.shared();
    private final PostgresServer pg = PostgresServer.shared(PostgresVersion.V17);

    @BeforeAll
    static void createStateDir() throws Exception {
        stateDir = Files.createTempDirectory("polling-diff-model");
    }

    @AfterAll
    static void deleteStateDir() {
        TempDirs.deleteRecursively(stateDir);
    }

    @Test
    void aNewAttributeUpdatesEveryObjectHavingItOnTheNextPoll() {
        DiffTestDb db = new DiffTestDb(pg, stateDir);
        db.sql("INSERT INTO users VALUES (1, 'ada', 'Ada', 'ada@example.org', NULL), (2, 'bob', 'Bob', 'bob@example.org', NULL),"
                + " (3, 'cy', 'Cy', NULL, NULL)");
        Map<String, String> config = db.config(connect, 300);
        try (TopicReader reader = connect.reader(db.topic())) {
            List<DiffEvent> first = pollOnce(db, reader, config, 3);
            assertThat(first).extracting(DiffEvent::brief).containsExactly("r:1", "r:2", "r:3");

            config.put("types.Users.sources.db.attrs.email", "email");
            List<DiffEvent> changes = pollOnce(db, reader, config, 2);

            assertThat(changes).extracting(DiffEvent::brief).containsExactly("u:1", "u:2");
            assertThat(changes).extracting(event -> event.after().getString("email"))
                    .containsExactly("ada@example.org", "bob@example.org");
        }
        connect.rest().deleteConnector(db.connector);
    }

    /** {@code delete}: a delete of each of the removed type's objects; {@code forget}: nothing. */
    @ParameterizedTest
    @CsvSource({"delete, Groups d:10;Groups d:20", "forget, ''"})
    void aTypeRemovedFromTypesIsDeletedOrForgottenAsRemovedTypesSays(String removedTypes, String expected) {
        DiffTestDb db = new DiffTestDb(pg, stateDir);
        Map<String, String> config = withGroups(db);
        try (TopicReader reader = connect.reader(db.topic())) {
            pollOnce(db, reader, config, 3);

            removeGroups(config, removedTypes);
            List<String> events = expected.isEmpty() ? List.of() : List.of(expected.split(";"));
            List<DiffEvent> changes = pollOnce(db, reader, config, events.size());

            assertThat(changes).extracting(event -> event.type() + " " + event.brief())
                    .containsExactlyInAnyOrderElementsOf(events);
            // a delete's key is its create's key, so compaction removes the object
            assertThat(compacted(db, reader)).hasSize(events.isEmpty() ? 3 : 1);
        }
        connect.rest().deleteConnector(db.connector);
    }

    /**
     * The key changes from {@code id} to {@code number}: every object is deleted under its old key, then created under
     * its new one, in one poll, and the compacted topic keeps each object once, under its new key.
     */
    @Test
    void aChangedPrimaryKeyDeletesEveryObjectUnderItsOldKeyBeforeCreatingItUnderTheNewOneAndLosesNone() {
        DiffTestDb db = new DiffTestDb(pg, stateDir);
        db.sql("ALTER TABLE users ADD COLUMN number int",
                "INSERT INTO users VALUES (1, 'ada', 'Ada', NULL, NULL, 2), (2, 'bob', 'Bob', NULL, NULL, 3), (3, 'cy', 'Cy', NULL, NULL, 4)");
        Map<String, String> config = db.config(connect, 300);
        config.put("types.Users.sources.db.query", "SELECT id, login, name, number FROM users");
        config.remove("types.Users.sources.db.attrs.password");
        config.remove("types.Users.secret.attributes");
        config.put("types.Users.sources.db.attrs.number", "number");
        try (TopicReader reader = connect.reader(db.topic())) {
            pollOnce(db, reader, config, 3);

            config.put("types.Users.primary.key", "number");
            List<DiffEvent> changes = pollOnce(db, reader, config, 6);

            assertThat(changes).extracting(DiffEvent::poll).as("one poll").containsOnly(changes.get(0).poll());
            assertThat(changes.subList(0, 3)).extracting(DiffEvent::brief).containsExactlyInAnyOrder("d:1", "d:2", "d:3");
            assertThat(changes.subList(3, 6)).extracting(DiffEvent::brief).containsExactlyInAnyOrder("c:1", "c:2", "c:3");
            assertThat(compacted(db, reader).values()).as("what the compacted topic keeps")
                    .extracting(value -> value.getStruct("after").getInt32("number")).containsExactlyInAnyOrder(2, 3, 4);
        }
        connect.rest().deleteConnector(db.connector);
    }

    /** Types {@code Users} (user 1) and {@code Groups} (groups 10 and 20), read from the same database. */
    private Map<String, String> withGroups(DiffTestDb db) {
        db.sql("CREATE TABLE groups (id int PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO groups VALUES (10, 'staff'), (20, 'admins')",
                "INSERT INTO users VALUES (1, 'ada', 'Ada', NULL, NULL)");
        Map<String, String> config = db.config(connect, 300);
        config.put("types", "Users,Groups");
        config.put("types.Groups.primary.key", "id");
        config.put("types.Groups.sources", "db");
        config.put("types.Groups.sources.db.query", "SELECT id, name FROM groups");
        config.put("types.Groups.sources.db.attrs.id", "id");
        config.put("types.Groups.sources.db.attrs.name", "name");
        return config;
    }

    /** Takes {@code Groups} out of {@code types}, with its keys, and sets {@code removed.types}. */
    private static void removeGroups(Map<String, String> config, String removedTypes) {
        config.keySet().removeIf(key -> key.startsWith("types.Groups."));
        config.put("types", "Users");
        config.put("removed.types", removedTypes);
    }

    /**
     * Puts {@code config} (creating or reconfiguring the connector), waits for {@code expected} more events and two
     * more completed polls, and returns the events that followed those read before: the next poll's, as the one after
     * it emitted nothing.
     */
    private List<DiffEvent> pollOnce(DiffTestDb db, TopicReader reader, Map<String, String> config, int expected) {
        int before = DiffTestDb.events(reader).size();
        long lastPoll = db.lastCompletedPoll();
        db.put(connect.rest(), config);
        reader.awaitUntil(expected + " more events", records -> DiffTestDb.events(reader).size() >= before + expected, TIMEOUT);
        db.awaitCompletedPoll(Math.max(lastPoll, db.lastCompletedPoll()) + 2);
        List<DiffEvent> events = db.allEvents(connect, reader);
        return events.subList(before, events.size());
    }

    /** What compaction keeps of the output topic: the last value of each key (its raw bytes), unless a delete or tombstone. */
    private Map<String, Struct> compacted(DiffTestDb db, TopicReader reader) {
        Map<String, Struct> live = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : DiffTestDb.readToEnd(connect, reader, db.topic())) {
            String name = new String(record.key(), StandardCharsets.UTF_8);
            Struct value = (Struct) reader.value(record).value();
            if (value == null || value.getString("op").equals("d")) {
                live.remove(name);
            } else {
                live.put(name, value);
            }
        }
        return live;
    }
}
