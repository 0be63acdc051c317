package io.hermesconnect.source.diff.it;

import static io.hermesconnect.source.diff.it.PollingDiffConnectors.awaitEvents;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.object;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.op;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.ldap.InMemoryLdapServer;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users read from an LDAP directory by paged searches (pages of 2 from a server that answers at most 3 entries per
 * search), completed by a PostgreSQL table of phone numbers: a removed entry gives a delete (issue 15, bullets 2 and
 * 3), and a directory that goes away emits nothing until it is back (bullet 6).
 */
class LdapPollingIT {

    private static final ConnectCluster CONNECT = ConnectCluster.shared();
    private static final PostgresServer PG = PostgresServer.shared(PostgresVersion.V17);
    private static final int ENTRIES = 5;

    @TempDir
    static Path stateDir;

    private InMemoryLdapServer ldap;
    private String database;
    private PollingDiffConnectors connector;

    @BeforeEach
    void startDirectory() throws LDAPException, LDIFException, UnknownHostException {
        int port = FreePort.find();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ldap = InMemoryLdapServer.startWith(config -> {
            config.setMaxSizeLimit(3);
            try {
                // a fixed port, so that the directory comes back where the connector looks for it
                config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", loopback, port, null));
            } catch (LDAPException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int n = 1; n <= ENTRIES; n++) {
            ldap.directory().add("dn: uid=u" + n + "," + ldap.peopleDn(), "objectClass: inetOrgPerson", "uid: u" + n,
                    "cn: User " + n, "sn: " + n, "employeeNumber: " + n);
        }
        database = UniqueNames.of("phones");
        PG.createDatabase(database);
        PG.executeIn(database, "CREATE TABLE phones (uid bigint PRIMARY KEY, phone text NOT NULL)",
                "INSERT INTO phones VALUES (1, '+33 1 00 00 00 01'), (3, '+33 1 00 00 00 03'), (9, '+33 1 00 00 00 09')");
        connector = new PollingDiffConnectors(CONNECT, stateDir)
                .set("sources", "dir,hr")
                .set("sources.dir.kind", "ldap")
                .set("sources.dir.ldap.url", ldap.url())
                .set("sources.dir.ldap.bind.dn", ldap.bindDn())
                .set("sources.dir.ldap.bind.password", ldap.bindPassword())
                .set("sources.dir.ldap.page.size", "2")
                .jdbcSource("hr", PG.jdbcUrl(database), PG.superuser(), PG.superuserPassword())
                .set("types", "Users")
                .set("types.Users.primary.key", "uid")
                .set("types.Users.sources", "dir,hr")
                .set("types.Users.attribute.types", "uid:int64")
                .set("types.Users.sources.dir.ldap.base", ldap.peopleDn())
                .set("types.Users.sources.dir.ldap.filter", "(objectClass=inetOrgPerson)")
                .set("types.Users.sources.dir.ldap.scope", "one")
                .set("types.Users.sources.dir.attrs.uid", "{{ employeeNumber | int }}")
                .set("types.Users.sources.dir.attrs.name", "cn")
                .set("types.Users.sources.hr.query", "SELECT uid, phone FROM phones")
                .set("types.Users.sources.hr.key.merge.constraint", "must_already_exist")
                .set("types.Users.sources.hr.attrs.uid", "uid")
                .set("types.Users.sources.hr.attrs.phone", "phone");
    }

    @AfterEach
    void stopDirectory() {
        ldap.close();
    }

    @Test
    void readsEveryPageMergesAndDeletesARemovedEntry() throws LDAPException {
        connector.start();
        try (TopicReader reader = CONNECT.reader(connector.topic())) {
            List<Struct> snapshot = awaitEvents(reader, "the snapshot", events -> events.size() >= ENTRIES);
            assertThat(snapshot).extracting(e -> op(e) + " " + object(e).get("uid") + " " + object(e).get("phone"))
                    .containsExactly("r 1 +33 1 00 00 00 01", "r 2 null", "r 3 +33 1 00 00 00 03", "r 4 null",
                            "r 5 null");
            assertThat(object(snapshot.get(1)).getArray("name")).containsExactly("User 2");

            ldap.directory().delete("uid=u3," + ldap.peopleDn());
            Struct deleted = awaitEvents(reader, "the delete", events -> events.size() > ENTRIES).get(ENTRIES);
            assertThat(op(deleted) + " " + deleted.getStruct("before").get("uid")).isEqualTo("d 3");
            assertThat(deleted.getStruct("before").get("phone")).isEqualTo("+33 1 00 00 00 03");
            connector.awaitPollsAfter(connector.pollsCompleted(), 2);
            assertThat(awaitEvents(reader, "no more", events -> true)).hasSize(ENTRIES + 1);
        } finally {
            connector.delete();
        }
    }

    @Test
    void aDirectoryThatGoesAwayEmitsNothingUntilItIsBack() throws LDAPException, LDIFException {
        connector.start();
        try (TopicReader reader = CONNECT.reader(connector.topic())) {
            awaitEvents(reader, "the snapshot", events -> events.size() >= ENTRIES);

            String url = ldap.url();
            ldap.directory().shutDown(true);
            // an LDAP source's errors name its servers (a JDBC source's name the source)
            assertThat(connector.awaitFailedPolls(2)).contains(url, "connecting and binding failed");
            assertThat(connector.taskState()).isEqualTo("RUNNING");

            // changed while no one can read it
            ldap.directory().delete("uid=u5," + ldap.peopleDn());
            ldap.directory().modify("dn: uid=u1," + ldap.peopleDn(), "changetype: modify", "replace: cn", "cn: First");
            ldap.directory().startListening();
            List<Struct> changes = awaitEvents(reader, "the changes", events -> events.size() >= ENTRIES + 2)
                    .subList(ENTRIES, ENTRIES + 2);
            assertThat(changes).extracting(e -> op(e) + " " + object(e).get("uid")).containsExactly("u 1", "d 5");
            connector.awaitPollsAfter(connector.pollsCompleted(), 2);
            assertThat(awaitEvents(reader, "no more", events -> true)).as("nothing but the real changes")
                    .hasSize(ENTRIES + 2);
            assertThat((String) connector.metric("LastError")).isEmpty();
        } finally {
            connector.delete();
        }
    }
}
