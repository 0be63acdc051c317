package io.hermesconnect.sink.ldap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.sink.ldap.testing.DirectoryState;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicWriter;
import io.hermesconnect.testkit.ldap.OpenLdapServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector in a Connect worker: change events on a topic reach slapd; replaying the topic, and bootstrapping an
 * empty directory from what a compacted topic keeps, give the same directory.
 */
class LdapSinkConnectorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PEOPLE = "ou=people,dc=example,dc=org";
    private static final DN PEOPLE_DN = new DN(new RDN("ou", "people"), new RDN("dc", "example"), new RDN("dc", "org"));

    private static OpenLdapServer slapd;
    private static ConnectCluster connect;

    @BeforeAll
    static void start() throws LDAPException {
        slapd = OpenLdapServer.start();
        DirectoryState.reset(slapd);
        connect = ConnectCluster.shared();
    }

    @AfterAll
    static void stop() {
        slapd.close();
    }

    private static HrChangeEvents stream() {
        return new HrChangeEvents()
                .user(Operation.CREATE, "1", "ann", "Lee", List.of("ann@x.org", "a.lee@x.org"))
                .user(Operation.CREATE, "2", "bob, jr.", "Ray", null)
                .user(Operation.CREATE, "3", "cy", "Zed", null)
                .group(Operation.CREATE, "10", "admins")
                .group(Operation.CREATE, "11", "staff+ops")
                .membership(Operation.CREATE, "1", "10")
                .membership(Operation.CREATE, "2", "10")
                .membership(Operation.CREATE, "3", "11")
                .userUpdate("1", "ann", "anne", "Lim")
                .membership(Operation.DELETE, "3", "11")
                .user(Operation.DELETE, "3", "cy", "Zed", null);
    }

    private static void write(String topic, List<HrChangeEvents.Event> events) {
        try (TopicWriter writer = connect.writer()) {
            events.forEach(event -> writer.sendJson(topic, event.key(), event.value()));
        }
    }

    /**
     * Runs a connector over {@code topic} until a sentinel user written after it starts is in the directory and
     * {@code done} holds (parked events are retried every second), then deletes it and its sentinel.
     */
    private static void sinkUntil(String topic, Runnable done) {
        String name = UniqueNames.of("ldap-sink");
        connect.rest().createConnector(name, SinkFixtures.sinkConfig(name, slapd, connect, topic));
        connect.rest().awaitRunning(name, 1, TIMEOUT);
        String sentinel = "sentinel-" + name;
        write(topic, new HrChangeEvents().user(Operation.CREATE, sentinel, sentinel, "S", null).events());
        String sentinelDn = new DN(new RDN("uid", sentinel), PEOPLE_DN).toNormalizedString();
        Wait.until("the sink to apply the sentinel written after the stream", TIMEOUT, () -> snapshot().containsKey(sentinelDn));
        Wait.untilAsserted("the directory the test expects", TIMEOUT, done);
        connect.rest().deleteConnector(name);
        write(topic, new HrChangeEvents().user(Operation.DELETE, sentinel, sentinel, "S", null).events());
    }

    private static Map<String, Map<String, TreeSet<String>>> snapshot() {
        return SinkFixtures.snapshot(slapd);
    }

    private static Map<String, Map<String, TreeSet<String>>> directoryWithoutSentinels() {
        Map<String, Map<String, TreeSet<String>>> entries = snapshot();
        entries.keySet().removeIf(dn -> dn.startsWith("uid=sentinel-"));
        return entries;
    }

    @Test
    void eventsReachTheDirectoryAndAReplayOrACompactedBootstrapGivesTheSameDirectory() throws LDAPException {
        HrChangeEvents stream = stream();
        String topic = UniqueNames.of("hr");
        connect.createTopic(topic, 1);
        write(topic, stream.events());

        sinkUntil(topic, () -> { });
        Map<String, Map<String, TreeSet<String>>> applied = directoryWithoutSentinels();
        assertThat(applied).containsKeys(DN.normalize("uid=anne," + PEOPLE), DN.normalize("uid=bob\\, jr.," + PEOPLE),
                DN.normalize("cn=staff\\+ops,ou=groups,dc=example,dc=org"));
        assertThat(applied).doesNotContainKeys(DN.normalize("uid=cy," + PEOPLE), DN.normalize("uid=ann," + PEOPLE));
        assertThat(applied.get(DN.normalize("cn=admins,ou=groups,dc=example,dc=org")).get("member"))
                .extracting(SinkFixtures::normalized)
                .containsExactlyInAnyOrder(DN.normalize("uid=anne," + PEOPLE), DN.normalize("uid=bob\\, jr.," + PEOPLE));
        assertThat(applied.get(DN.normalize("cn=staff\\+ops,ou=groups,dc=example,dc=org")).get("member"))
                .containsExactly(HrKinds.PLACEHOLDER);

        sinkUntil(topic, () -> { });
        assertThat(directoryWithoutSentinels()).as("the topic replayed").isEqualTo(applied);

        DirectoryState.reset(slapd);
        String compacted = UniqueNames.of("hr-compacted");
        connect.createTopic(compacted, 1);
        write(compacted, stream.compacted());
        // compaction moves a user's last update after its memberships: they park until the user exists
        sinkUntil(compacted, () -> assertThat(directoryWithoutSentinels()).as("bootstrapped from what compaction keeps")
                .isEqualTo(applied));
    }
}
