package io.hermesconnect.source.diff.it;

import static io.hermesconnect.source.diff.it.PollingDiffConnectors.awaitEvents;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.is;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.object;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.op;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users merged from two schemas of one PostgreSQL ({@code hr}, and {@code it} adding a mail to the users {@code hr}
 * knows), their groups and memberships, polled by a connector of a real Connect cluster: what reaches the output topic
 * (issue 15, bullets 3, 4, 5, 7 (secrets), 10 and 11).
 */
class PostgresPollingIT {

    private static final ConnectCluster CONNECT = ConnectCluster.shared();
    private static final PostgresServer PG = PostgresServer.shared(PostgresVersion.V17);

    @TempDir
    static Path stateDir;

    private String database;

    /** A database with the two schemas, three users in {@code hr} (two of them known to {@code it}), two groups. */
    private PollingDiffConnectors directory() {
        database = UniqueNames.of("hrit");
        PG.createDatabase(database);
        PG.executeIn(database,
                "CREATE SCHEMA hr", "CREATE SCHEMA it",
                "CREATE TABLE hr.users (uid int PRIMARY KEY, login text NOT NULL, otp text)",
                "CREATE TABLE it.users (uid int PRIMARY KEY, login text NOT NULL, mail text)",
                "CREATE TABLE hr.groups (gid int PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE hr.members (user_id int, group_id int, PRIMARY KEY (user_id, group_id))",
                "INSERT INTO hr.users VALUES (1, 'alice', NULL), (2, 'bob', NULL), (3, 'carol', NULL)",
                "INSERT INTO it.users VALUES (1, 'alice', 'alice@example.org'), (2, 'bob', 'bob@example.org'),"
                        + " (7, 'ghost', 'ghost@example.org')",
                "INSERT INTO hr.groups VALUES (10, 'staff'), (20, 'admins')",
                "INSERT INTO hr.members VALUES (1, 10), (2, 10), (2, 20), (3, 20), (99, 10)");
        String url = PG.jdbcUrl(database);
        return new PollingDiffConnectors(CONNECT, stateDir)
                .set("sources", "hr,it")
                .jdbcSource("hr", url + "?currentSchema=hr", PG.superuser(), PG.superuserPassword())
                .jdbcSource("it", url + "?currentSchema=it", PG.superuser(), PG.superuserPassword())
                .set("types", "Users,Groups,GroupsMembers")
                .set("types.Users.primary.key", "uid")
                .set("types.Users.to.string", "{{ login }}")
                .set("types.Users.sources", "hr,it")
                .set("types.Users.sources.hr.query", "SELECT uid, login FROM users")
                .set("types.Users.sources.hr.attrs.uid", "uid")
                .set("types.Users.sources.hr.attrs.login", "login")
                .set("types.Users.sources.it.query", "SELECT uid, login, mail FROM users")
                .set("types.Users.sources.it.key.merge.constraint", "must_already_exist")
                .set("types.Users.sources.it.attrs.uid", "uid")
                .set("types.Users.sources.it.attrs.login", "login")
                .set("types.Users.sources.it.attrs.mail", "mail")
                .set("types.Groups.primary.key", "gid")
                .set("types.Groups.sources", "hr")
                .set("types.Groups.sources.hr.query", "SELECT gid, name FROM groups")
                .set("types.Groups.sources.hr.attrs.gid", "gid")
                .set("types.Groups.sources.hr.attrs.name", "name")
                .set("types.GroupsMembers.primary.key", "user_id,group_id")
                .set("types.GroupsMembers.sources", "hr")
                .set("types.GroupsMembers.sources.hr.query", "SELECT user_id, group_id FROM members")
                .set("types.GroupsMembers.sources.hr.attrs.user_id", "user_id")
                .set("types.GroupsMembers.sources.hr.attrs.group_id", "group_id")
                .set("types.GroupsMembers.foreign.keys.user_id", "Users.uid")
                .set("types.GroupsMembers.foreign.keys.group_id", "Groups.gid")
                .set("types.GroupsMembers.integrity.constraint",
                        "{{ _SELF.user_id in Users_pkeys and _SELF.group_id in Groups_pkeys }}");
    }

    @Test
    void snapshotsThenEmitsEachRealChangeInOrder() throws Exception {
        PollingDiffConnectors connector = directory();
        connector.start();
        try (TopicReader reader = CONNECT.reader(connector.topic())) {
            List<Struct> snapshot = awaitEvents(reader, "the snapshot", events -> events.size() >= 9);
            assertThat(snapshot).extracting(PollingDiffConnectors::op).containsOnly("r");
            assertThat(snapshot).extracting(PollingDiffConnectors::type).containsExactly("Users", "Users", "Users",
                    "Groups", "Groups", "GroupsMembers", "GroupsMembers", "GroupsMembers", "GroupsMembers");
            assertThat(snapshot).extracting(e -> e.getStruct("source").getString("snapshot"))
                    .containsExactly("first", "true", "true", "true", "true", "true", "true", "true", "last");
            Struct alice = object(snapshot.get(0));
            assertThat(alice.getInt32("uid")).isEqualTo(1);
            assertThat(alice.getString("mail")).isEqualTo("alice@example.org");
            assertThat(object(snapshot.get(2)).getString("mail")).as("carol is not in it").isNull();
            assertThat(snapshot).noneMatch(e -> is(e, "Users", "uid", 7)).as("it only completes hr's users")
                    .noneMatch(e -> is(e, "GroupsMembers", "user_id", 99));
            assertKeys(reader, snapshot.size());
            assertOutputTopic(connector.topic());

            PG.executeIn(database, "BEGIN; INSERT INTO hr.users VALUES (4, 'dave', NULL);"
                    + " UPDATE hr.users SET login = 'robert' WHERE uid = 2; UPDATE it.users SET login = 'robert' WHERE uid = 2;"
                    + " DELETE FROM hr.users WHERE uid = 3; DELETE FROM hr.groups WHERE gid = 20; COMMIT");
            List<Struct> changes = awaitEvents(reader, "the changes", events -> events.size() >= 9 + 6)
                    .subList(9, 15);
            assertThat(changes).extracting(e -> op(e) + " " + type(e) + " " + key(e)).containsExactly(
                    "u Users 2", "c Users 4", "d GroupsMembers 2,20", "d GroupsMembers 3,20", "d Groups 20",
                    "d Users 3");
            assertThat(changes.get(0).getStruct("before").getString("login")).isEqualTo("bob");
            assertThat(changes.get(0).getStruct("after").getString("login")).isEqualTo("robert");
            assertThat(changes.get(0).getStruct("after").getString("mail")).isEqualTo("bob@example.org");
            assertThat(changes.get(1).getStruct("before")).isNull();
            assertThat(changes.get(5).getStruct("after")).isNull();
            assertThat(changes.get(5).getStruct("before").getString("login")).isEqualTo("carol");
            assertTombstonesFollowDeletes(reader);

            // hr and it disagree on alice's login: she keeps her last state, nothing is emitted for her
            PG.executeIn(database, "UPDATE hr.users SET login = 'alicia' WHERE uid = 1");
            long before = connector.pollsCompleted();
            connector.awaitPollsAfter(before, 2);
            PG.executeIn(database, "INSERT INTO hr.users VALUES (5, 'erin', NULL)",
                    "INSERT INTO hr.members VALUES (5, 10), (98, 10)");
            List<Struct> later = awaitEvents(reader, "erin and her membership",
                    events -> events.stream().anyMatch(e -> is(e, "GroupsMembers", "user_id", 5))).subList(15, 17);
            assertThat(later).extracting(e -> op(e) + " " + type(e) + " " + key(e))
                    .containsExactly("c Users 5", "c GroupsMembers 5,10");
            assertThat(connector.metric("Conflicts")).isEqualTo(1);

            // fixed on both sides: the change arrives
            PG.executeIn(database, "UPDATE it.users SET login = 'alicia' WHERE uid = 1");
            Struct fixed = awaitEvents(reader, "alice's update", events -> events.size() >= 18).get(17);
            assertThat(op(fixed) + " " + key(fixed)).isEqualTo("u 1");
            assertThat(fixed.getStruct("after").getString("login")).isEqualTo("alicia");
        } finally {
            connector.delete();
        }
    }

    @Test
    void snapshotModeNeverEmitsOnlyTheChangesAfterTheFirstPoll() {
        PollingDiffConnectors connector = directory().set("snapshot.mode", "never");
        connector.start();
        try (TopicReader reader = CONNECT.reader(connector.topic())) {
            connector.awaitPollsAfter(0, 1);
            PG.executeIn(database, "UPDATE hr.groups SET name = 'everyone' WHERE gid = 10");
            connector.awaitPollsAfter(connector.pollsCompleted(), 2);
            List<Struct> events = awaitEvents(reader, "the group's update", all -> !all.isEmpty());
            assertThat(events).extracting(e -> op(e) + " " + type(e) + " " + key(e)).containsExactly("u Groups 10");
        } finally {
            connector.delete();
        }
    }

    @Test
    void sendsSecretsOnceThenWritesBack() {
        database = UniqueNames.of("otp");
        PG.createDatabase(database);
        PG.executeIn(database,
                "CREATE TABLE users (uid int PRIMARY KEY, login text NOT NULL, otp text)",
                "CREATE TABLE groups (gid int PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO users VALUES (1, 'alice', 'one-time-1'), (2, 'keeper', 'kept-secret')",
                "INSERT INTO groups VALUES (10, 'staff')");
        PollingDiffConnectors connector = new PollingDiffConnectors(CONNECT, stateDir)
                .set("sources", "hr")
                .jdbcSource("hr", PG.jdbcUrl(database), PG.superuser(), PG.superuserPassword())
                .set("state.secret.key", "hmac-key-of-the-test")
                .set("types", "Users,Groups")
                .set("types.Users.primary.key", "uid")
                .set("types.Users.sources", "hr")
                .set("types.Users.secret.attributes", "otp")
                .set("types.Users.sources.hr.query", "SELECT uid, login, otp FROM users")
                .set("types.Users.sources.hr.attrs.uid", "uid")
                .set("types.Users.sources.hr.attrs.login", "login")
                .set("types.Users.sources.hr.attrs.otp", "otp")
                // the keeper's password stays: an unchanged secret is not sent again
                .set("types.Users.sources.hr.commit.one",
                        "UPDATE users SET otp = NULL WHERE uid = {{ uid }} AND login <> 'keeper'")
                .set("types.Groups.primary.key", "gid")
                // a source of its own: a source's write-back is one transaction, which this failure would roll back
                .set("sources", "hr,grp")
                .jdbcSource("grp", PG.jdbcUrl(database), PG.superuser(), PG.superuserPassword())
                .set("types.Groups.sources", "grp")
                .set("types.Groups.sources.grp.query", "SELECT gid, name FROM groups")
                .set("types.Groups.sources.grp.attrs.gid", "gid")
                .set("types.Groups.sources.grp.attrs.name", "name")
                .set("types.Groups.sources.grp.commit.all", "UPDATE no_such_table SET name = 'x'");
        connector.start();
        try (TopicReader reader = CONNECT.reader(connector.topic())) {
            List<Struct> snapshot = awaitEvents(reader, "the snapshot", events -> events.size() >= 3);
            assertThat(snapshot.get(0).getStruct("after").getString("otp")).isEqualTo("one-time-1");
            assertThat(snapshot.get(0).schema().field("after").schema().field("otp").schema().parameters())
                    .containsEntry("hermes.secret", "true");
            assertThat(snapshot.get(1).getStruct("after").getString("otp")).isEqualTo("kept-secret");
            Wait.until("alice's password cleared", PollingDiffConnectors.TIMEOUT,
                    () -> PG.queryString(database, "SELECT otp FROM users WHERE uid = 1") == null);
            Wait.until("the failed write-back reported", PollingDiffConnectors.TIMEOUT,
                    () -> ((Number) connector.metric("WriteBackFailures")).longValue() >= 1);

            // the cleared column is the attribute's removal: an update without the secret
            Struct cleared = awaitEvents(reader, "the removal of alice's password", events -> events.size() >= 4).get(3);
            assertThat(op(cleared) + " " + key(cleared)).isEqualTo("u 1");
            assertThat(cleared.getStruct("after").get("otp")).isNull();

            // that update's own write-back clears the column again: a password set before it ran would be lost
            connector.awaitPollsAfter(connector.pollsCompleted(), 2);
            PG.executeIn(database, "UPDATE users SET otp = 'one-time-2' WHERE uid = 1");
            List<Struct> renewed = awaitEvents(reader, "the new password and its removal", events -> events.size() >= 6)
                    .subList(4, 6);
            assertThat(renewed).extracting(e -> e.getStruct("after").get("otp")).containsExactly("one-time-2", null);
            connector.awaitPollsAfter(connector.pollsCompleted(), 3);
            assertThat(awaitEvents(reader, "no more", events -> true)).as("keeper and the group are never re-sent")
                    .hasSize(6).filteredOn(e -> is(e, "Users", "uid", 2) || type(e).equals("Groups")).hasSize(2);
            assertThat(PG.queryString(database, "SELECT otp FROM users WHERE uid = 2")).isEqualTo("kept-secret");
        } finally {
            connector.delete();
        }
    }

    /** The key of an event's object as its values joined by commas. */
    private static String key(Struct event) {
        Struct object = object(event);
        return switch (type(event)) {
            case "Users" -> String.valueOf(object.get("uid"));
            case "Groups" -> String.valueOf(object.get("gid"));
            default -> object.get("user_id") + "," + object.get("group_id");
        };
    }

    /** Each record's key is its type's key Struct, holding the key attributes of its object. */
    private static void assertKeys(TopicReader reader, int count) {
        for (ConsumerRecord<byte[], byte[]> record : reader.records().subList(0, count)) {
            Struct key = (Struct) reader.key(record).value();
            Struct event = (Struct) reader.value(record).value();
            Set<String> fields = Set.copyOf(key.schema().fields().stream().map(f -> f.name()).toList());
            assertThat(fields).isEqualTo(switch (type(event)) {
                case "Users" -> Set.of("uid");
                case "Groups" -> Set.of("gid");
                default -> Set.of("user_id", "group_id");
            });
            fields.forEach(field -> assertThat(key.get(field)).isEqualTo(object(event).get(field)));
        }
    }

    /** Every delete is followed at once by a tombstone of the same key. */
    private static void assertTombstonesFollowDeletes(TopicReader reader) {
        List<ConsumerRecord<byte[], byte[]>> records = reader.records();
        int deletes = 0;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() != null && "d".equals(op((Struct) reader.value(records.get(i)).value()))) {
                deletes++;
                assertThat(records.get(i + 1).value()).as("tombstone after record %d", i).isNull();
                assertThat(records.get(i + 1).key()).isEqualTo(records.get(i).key());
            }
        }
        assertThat(deletes).isEqualTo(4);
    }

    private static void assertOutputTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, CONNECT.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}
