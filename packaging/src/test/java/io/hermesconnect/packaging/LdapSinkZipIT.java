package io.hermesconnect.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.ldap.OpenLdapServer;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LDAP sink loaded from the ZIP, fed by each of our sources, every connector created through the REST API only,
 * asserted on what a real slapd holds (a fresh one per test): rows of PostgreSQL through the WAL source, and the
 * quickstart's polling-diff sample (users merged from two schemas, groups, memberships) through the quickstart's LDAP
 * sink sample, both read from the ZIP's {@code etc/}.
 */
class LdapSinkZipIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String PEOPLE = "ou=people,dc=example,dc=org";
    private static final String GROUPS = "ou=groups,dc=example,dc=org";

    private static PluginZipFixture zip;
    private static PostgresServer pg;
    private OpenLdapServer slapd;

    @BeforeAll
    static void startShared() {
        zip = PluginZipFixture.shared();
        pg = PostgresServer.shared(PostgresVersion.V17);
    }

    @BeforeEach
    void startSlapd() {
        slapd = OpenLdapServer.start();
    }

    @AfterEach
    void stopSlapd() {
        slapd.close();
    }

    @Test
    void walSourceRowsInsertedUpdatedAndDeletedBecomeEntriesCreatedModifiedAndDeleted() {
        String db = UniqueNames.of("hr");
        String prefix = UniqueNames.of("hr");
        pg.createDatabase(db);
        pg.executeIn(db,
                "CREATE TABLE users (id int PRIMARY KEY, login text NOT NULL, first_name text NOT NULL, last_name text NOT NULL)",
                "CREATE TABLE groups (id int PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE memberships (user_id int, group_id int, PRIMARY KEY (user_id, group_id))",
                "INSERT INTO users VALUES (1, 'ann', 'Ann', 'Archer')",
                "INSERT INTO groups VALUES (10, 'staff')");
        List<String> topics = Stream.of("users", "groups", "memberships").map(t -> prefix + ".public." + t).toList();
        // a table empty at the snapshot has no topic yet: made now, so that the sink reads it from the start
        topics.forEach(zip.connect()::createTopic);
        ZipPipelines.createRunning(zip, prefix, ZipPipelines.walSource(pg, db, prefix), TIMEOUT);
        String sink = prefix + "-ldap";
        ZipPipelines.createRunning(zip, sink, walLdapSink(topics), TIMEOUT);

        Wait.untilAsserted("the snapshot's user and group in the directory", TIMEOUT, () -> {
            assertThat(people()).containsOnlyKeys(user("ann"));
            assertThat(groups()).containsOnlyKeys(group("staff"));
        });
        ZipPipelines.awaitStreaming(pg, prefix, TIMEOUT);

        pg.executeIn(db, "INSERT INTO users VALUES (2, 'bob', 'Bob', 'Baker')",
                "INSERT INTO memberships VALUES (1, 10), (2, 10)");
        Wait.untilAsserted("bob created and both users members of staff", TIMEOUT, () -> {
            assertThat(people()).containsOnlyKeys(user("ann"), user("bob"));
            assertThat(groups().get(group("staff")).get("member")).contains(user("ann"), user("bob"));
        });

        pg.executeIn(db, "UPDATE users SET last_name = 'Adams' WHERE id = 1",
                "UPDATE users SET login = 'robert' WHERE id = 2",
                "DELETE FROM memberships WHERE user_id = 1");
        Wait.untilAsserted("ann modified, bob renamed, the group's members following", TIMEOUT, () -> {
            Map<String, Map<String, Set<String>>> people = people();
            assertThat(people).containsOnlyKeys(user("ann"), user("robert"));
            assertThat(people.get(user("ann"))).containsEntry("cn", Set.of("Ann Adams")).containsEntry("sn", Set.of("Adams"));
            assertThat(people.get(user("robert"))).containsEntry("cn", Set.of("Bob Baker"))
                    .containsEntry("employeenumber", Set.of("2"));
            assertThat(groups().get(group("staff")).get("member")).contains(user("robert"))
                    .doesNotContain(user("ann"), user("bob"));
        });

        pg.executeIn(db, "DELETE FROM users WHERE id = 1");
        Wait.untilAsserted("ann deleted", TIMEOUT, () -> assertThat(people()).containsOnlyKeys(user("robert")));

        zip.rest().deleteConnector(sink);
        zip.rest().deleteConnector(prefix);
    }

    @Test
    void pollingDiffSampleUsersGroupsAndMembershipsMergedFromTwoSchemasArriveInTheDirectory() {
        String db = UniqueNames.of("inventory");
        String prefix = UniqueNames.of("directory");
        ZipPipelines.createSampleDatabase(pg, db);
        ZipPipelines.createRunning(zip, prefix, diffSample(db, prefix), TIMEOUT);
        String sink = prefix + "-ldap";
        ZipPipelines.createRunning(zip, sink, ldapSinkSample(prefix), TIMEOUT);

        Wait.untilAsserted("the sample's users, groups and memberships in the directory", TIMEOUT, () -> {
            Map<String, Map<String, Set<String>>> people = people();
            assertThat(people).containsOnlyKeys(user("ann"), user("bob"), user("cid"));
            assertThat(people.get(user("ann")))
                    .containsEntry("cn", Set.of("Ann Archer"))
                    .containsEntry("sn", Set.of("Archer"))
                    .containsEntry("mail", Set.of("ann@example.org")) // from the it schema
                    .containsEntry("employeenumber", Set.of("1"));
            Map<String, Map<String, Set<String>>> groups = groups();
            assertThat(groups).containsOnlyKeys(group("staff"), group("admins"));
            assertThat(groups.get(group("staff")).get("member")).contains(user("ann"), user("bob"), user("cid"));
            assertThat(groups.get(group("admins")).get("member")).contains(user("ann")).doesNotContain(user("bob"));
        });

        pg.executeIn(db, "INSERT INTO hr.users VALUES (4, 'dan', 'Dan', 'Drake', '2024-05-02')",
                "INSERT INTO it.accounts VALUES (4, 'dan@example.org')",
                "INSERT INTO hr.memberships VALUES (4, 20)",
                "UPDATE it.accounts SET mail = 'bob.baker@example.org' WHERE user_id = 2",
                "DELETE FROM hr.memberships WHERE user_id = 1 AND group_id = 20",
                "DELETE FROM hr.memberships WHERE user_id = 3",
                "DELETE FROM it.accounts WHERE user_id = 3",
                "DELETE FROM hr.users WHERE id = 3");
        Wait.untilAsserted("dan added to admins, bob's mail changed, ann out of admins, cid gone", TIMEOUT, () -> {
            Map<String, Map<String, Set<String>>> people = people();
            assertThat(people).containsOnlyKeys(user("ann"), user("bob"), user("dan"));
            assertThat(people.get(user("dan"))).containsEntry("mail", Set.of("dan@example.org"));
            assertThat(people.get(user("bob"))).containsEntry("mail", Set.of("bob.baker@example.org"));
            Map<String, Map<String, Set<String>>> groups = groups();
            assertThat(groups.get(group("admins")).get("member")).contains(user("dan")).doesNotContain(user("ann"));
            assertThat(groups.get(group("staff")).get("member")).contains(user("ann"), user("bob"))
                    .doesNotContain(user("cid"));
        });

        zip.rest().deleteConnector(sink);
        zip.rest().deleteConnector(prefix);
    }

    private Map<String, Map<String, Set<String>>> people() {
        return DirectoryEntries.below(slapd, PEOPLE);
    }

    private Map<String, Map<String, Set<String>>> groups() {
        return DirectoryEntries.below(slapd, GROUPS);
    }

    private static String user(String uid) {
        return DirectoryEntries.normalize("uid=" + uid + "," + PEOPLE);
    }

    private static String group(String cn) {
        return DirectoryEntries.normalize("cn=" + cn + "," + GROUPS);
    }

    /** The quickstart's polling-diff sample, polling the test's database every second. */
    private static Map<String, String> diffSample(String db, String prefix) {
        Map<String, String> config = SampleConnectorConfig.read(zip, "20-directory-diff.json");
        for (String source : new String[] {"hr", "it"}) {
            config.put("sources." + source + ".jdbc.url", pg.jdbcUrl(db));
            config.put("sources." + source + ".jdbc.user", pg.superuser());
            config.put("sources." + source + ".jdbc.password", pg.superuserPassword());
        }
        config.put("topic.prefix", prefix);
        config.put("poll.interval.ms", "1000");
        config.put("state.kafka.bootstrap.servers", zip.connect().bootstrapServers());
        return config;
    }

    /** The quickstart's LDAP sink sample, on the test's topic, broker and slapd. */
    private Map<String, String> ldapSinkSample(String topic) {
        Map<String, String> config = SampleConnectorConfig.read(zip, "30-directory-ldap-sink.json");
        config.putAll(sinkConnections());
        config.put("topics", topic);
        return config;
    }

    /** The same kinds as the sample, fed by the WAL source's tables instead of the polling-diff types. */
    private Map<String, String> walLdapSink(List<String> topics) {
        Map<String, String> config = new HashMap<>();
        config.putAll(sinkConnections());
        config.put("connector.class", "io.hermesconnect.sink.ldap.LdapSinkConnector");
        config.put("topics", String.join(",", topics));
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("ldap.bind.dn", slapd.bindDn());
        config.put("ldap.bind.password", slapd.bindPassword());
        config.put("ldap.base.dn", slapd.baseDn());
        config.put("kinds", "users,groups,memberships");

        config.put("kinds.users.events", "public.users");
        config.put("kinds.users.rdn.attribute", "uid");
        config.put("kinds.users.rdn.value", "{{ login }}");
        config.put("kinds.users.container", "ou=people");
        config.put("kinds.users.object.classes", "top,person,organizationalPerson,inetOrgPerson");
        config.put("kinds.users.attrs.cn", "{{ first_name }} {{ last_name }}");
        config.put("kinds.users.attrs.sn", "{{ last_name }}");
        config.put("kinds.users.attrs.employeeNumber", "{{ id }}");
        config.put("kinds.users.lookup.attribute", "employeeNumber");

        config.put("kinds.groups.events", "public.groups");
        config.put("kinds.groups.rdn.attribute", "cn");
        config.put("kinds.groups.rdn.value", "{{ name }}");
        config.put("kinds.groups.container", "ou=groups");
        config.put("kinds.groups.object.classes", "top,groupOfNames");
        config.put("kinds.groups.attrs.businessCategory", "{{ id }}");
        config.put("kinds.groups.lookup.attribute", "businessCategory");
        config.put("kinds.groups.member.placeholder", "cn=nobody");

        config.put("kinds.memberships.events", "public.memberships");
        config.put("kinds.memberships.shape", "membership");
        config.put("kinds.memberships.group.kind", "groups");
        config.put("kinds.memberships.group.value", "{{ group_id }}");
        config.put("kinds.memberships.member.kind", "users");
        config.put("kinds.memberships.member.value", "{{ user_id }}");
        return config;
    }

    /** This test's slapd and broker; parked events retried every second. */
    private Map<String, String> sinkConnections() {
        return Map.of("ldap.url", slapd.url(),
                "errors.queue.kafka.bootstrap.servers", zip.connect().bootstrapServers(),
                "errors.queue.retry.interval.ms", "1000");
    }
}
