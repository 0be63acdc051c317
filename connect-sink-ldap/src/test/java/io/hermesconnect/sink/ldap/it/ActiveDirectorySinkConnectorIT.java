package io.hermesconnect.sink.ldap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.sink.SinkCoreConfig;
import io.hermesconnect.common.sink.SinkTaskMXBean;
import io.hermesconnect.sink.ldap.LdapSinkConnector;
import io.hermesconnect.sink.ldap.testing.ActiveDirectoryExample;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicWriter;
import io.hermesconnect.testkit.ldap.SambaAdServer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector in a Connect worker against a real Samba DC, configured by the Active Directory guide's example: WAL
 * change events of {@code hr.users} (with a secret password column), {@code hr.groups}, {@code hr.memberships} and
 * {@code hr.group_parents} become accounts, groups and memberships; each test under an organizational unit of its own.
 */
class ActiveDirectorySinkConnectorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String PASSWORD = "Fírst-Passw0rd";
    private static final int DISABLED = 0x2;

    private static final ChangeEventSchemas USERS = ChangeEventSchemas.builder("hr-app", "hr", "users")
            .column("id", Schema.STRING_SCHEMA)
            .column("login", Schema.STRING_SCHEMA)
            .column("first_name", Schema.STRING_SCHEMA)
            .column("last_name", Schema.STRING_SCHEMA)
            .column("email", Schema.OPTIONAL_STRING_SCHEMA)
            .secretColumn("password", Schema.OPTIONAL_STRING_SCHEMA)
            .column("active", Schema.BOOLEAN_SCHEMA)
            .primaryKey(List.of("id"))
            .build();
    private static final ChangeEventSchemas GROUPS = ChangeEventSchemas.builder("hr-app", "hr", "groups")
            .column("code", Schema.STRING_SCHEMA)
            .column("name", Schema.STRING_SCHEMA)
            .column("description", Schema.OPTIONAL_STRING_SCHEMA)
            .primaryKey(List.of("code"))
            .build();
    private static final ChangeEventSchemas MEMBERSHIPS = ChangeEventSchemas.builder("hr-app", "hr", "memberships")
            .column("id", Schema.STRING_SCHEMA)
            .column("user_id", Schema.STRING_SCHEMA)
            .column("group_code", Schema.STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();
    private static final ChangeEventSchemas GROUP_PARENTS = ChangeEventSchemas.builder("hr-app", "hr", "group_parents")
            .column("id", Schema.STRING_SCHEMA)
            .column("child_code", Schema.STRING_SCHEMA)
            .column("parent_code", Schema.STRING_SCHEMA)
            .primaryKey(List.of("id"))
            .build();

    private static SambaAdServer samba;
    private static ConnectCluster connect;

    private LDAPConnection admin;
    private String baseDn;
    private String topic;
    private final List<String> connectors = new ArrayList<>();

    @BeforeAll
    static void start() {
        samba = SambaAdServer.shared();
        connect = ConnectCluster.shared();
    }

    @BeforeEach
    void anOrganizationalUnitAndATopicOfItsOwn() throws LDAPException {
        admin = samba.connect();
        baseDn = ActiveDirectoryExample.addOrganizationalUnit(admin, samba, "connector");
        topic = UniqueNames.of("hr");
        connect.createTopic(topic, 1);
    }

    @AfterEach
    void deleteConnectors() {
        connectors.forEach(name -> connect.rest().deleteConnector(name));
        admin.close();
    }

    /** The guide's example as a connector of one task on the test DC, its OU and its topic. */
    private Map<String, String> config(String name, String url) {
        return SinkFixtures.connectorConfig(ActiveDirectoryExample.config(samba, url, baseDn), name, connect, topic);
    }

    private String run(Map<String, String> config) {
        String name = config.get("name");
        connect.rest().createConnector(name, config);
        connectors.add(name);
        connect.rest().awaitRunning(name, 1, TIMEOUT);
        return name;
    }

    @Test
    void usersGroupsNestedGroupsAndMembershipsReachTheDomainController() throws Exception {
        String ann = UniqueNames.of("u");
        String bob = UniqueNames.of("u");
        String staff = UniqueNames.of("g");
        String ops = UniqueNames.of("g");
        Events events = new Events()
                .user(Operation.CREATE, ann, "Lee", PASSWORD, true)
                .user(Operation.CREATE, bob, "Ray", null, false)
                .group(Operation.CREATE, staff)
                .group(Operation.CREATE, ops)
                .membership(ann, staff)
                .nesting(ops, staff)
                .userUpdate(ann, "Lee", "Married", PASSWORD);
        run(config(UniqueNames.of("ad-sink"), samba.url()));

        events.write();

        String annDn = userDn(ann, "Married");
        Wait.untilAsserted("the users, groups and memberships in the directory", TIMEOUT, () -> {
            assertThat(members(groupDn(staff))).containsExactlyInAnyOrder(annDn, groupDn(ops));
            assertThat(flags(userDn(bob, "Ray")) & DISABLED).as("bob is not active").isEqualTo(DISABLED);
        });
        assertThat(entry(userDn(ann, "Lee"))).as("renamed").isNull();
        assertThat(flags(annDn) & DISABLED).isZero();
        assertThat(entry(userDn(bob, "Ray")).getAttributeValueAsLong("pwdLastSet")).as("a random password").isPositive();
        assertThat(entry(groupDn(staff)).getAttributeValue("groupType")).isEqualTo("-2147483640");
        bindOverLdaps(annDn, PASSWORD).close();
    }

    @Test
    void aPasswordThePolicyRefusesParksItsUserWhileTheOthersFlow() throws LDAPException {
        String eve = UniqueNames.of("u");
        String frank = UniqueNames.of("u");
        String name = run(config(UniqueNames.of("ad-sink"), samba.url()));

        new Events().user(Operation.CREATE, eve, "Weak", "short", true)
                .user(Operation.CREATE, frank, "Strong", PASSWORD, true).write();

        SinkTaskMXBean status = SinkFixtures.taskStatus(name, TIMEOUT);
        Wait.until("frank applied and eve parked", TIMEOUT,
                () -> entry(userDn(frank, "Strong")) != null && status.getParkedObjects() == 1);
        assertThat(status.getParkedObjectReasons()).singleElement().asString()
                .contains("kind 'users'", "0000052D").doesNotContain("short", eve);
        assertThat(entry(userDn(eve, "Weak"))).isNull();
    }

    @Test
    void aRemovedUserIsTrashedInPlaceRecycledByAnAddAndPurgedAfterTheRetention() throws LDAPException {
        String cy = UniqueNames.of("u");
        String dan = UniqueNames.of("u");
        Map<String, String> config = config(UniqueNames.of("ad-sink"), samba.url());
        config.put(SinkCoreConfig.TRASHBIN_RETENTION_MS, "20000");
        config.put(SinkCoreConfig.TRASHBIN_PURGE_INTERVAL_MS, "1000");
        String name = run(config);

        new Events().user(Operation.CREATE, cy, "Gone", PASSWORD, true).user(Operation.CREATE, dan, "Back", PASSWORD, true)
                .user(Operation.DELETE, cy, "Gone", PASSWORD, true).write();
        Wait.until("cy disabled and marked in the trash", TIMEOUT, () -> entry(userDn(cy, "Gone")) != null
                && String.valueOf(entry(userDn(cy, "Gone")).getAttributeValue("adminDescription")).startsWith("hermes-connect trashed ")
                && (flags(userDn(cy, "Gone")) & DISABLED) == DISABLED);
        new Events().user(Operation.DELETE, dan, "Back", PASSWORD, true).user(Operation.CREATE, dan, "Back", PASSWORD, true).write();

        Wait.until("cy purged after the retention", TIMEOUT, () -> entry(userDn(cy, "Gone")) == null);
        Entry back = entry(userDn(dan, "Back"));
        assertThat(back.hasAttribute("adminDescription")).as("dan recycled").isFalse();
        assertThat(flags(userDn(dan, "Back")) & DISABLED).isZero();
        assertThat(SinkFixtures.taskStatus(name, TIMEOUT).getPurgedObjects()).isEqualTo(1);
    }

    @Test
    void aDomainControllerOutOfReachParksNothingAndTheEventsApplyOnceItAnswersAgain() throws LDAPException {
        String gus = UniqueNames.of("u");
        String name = UniqueNames.of("ad-sink");
        try (TcpForwarder link = new TcpForwarder(samba.host(), samba.port())) {
            run(config(name, "ldaps://127.0.0.1:" + link.port()));
            link.stop();

            new Events().user(Operation.CREATE, gus, "Late", PASSWORD, true).write();

            SinkTaskMXBean status = SinkFixtures.taskStatus(name, TIMEOUT);
            Wait.until("the task waiting for the directory", TIMEOUT, () -> status.getWaitingForTargetSinceMs() > 0);
            assertThat(status.getWaitingForTargetReason()).contains("unavailable");
            assertThat(status.getParkedObjects()).isZero();
            link.start();
            Wait.until("the user applied once the directory answers", TIMEOUT, () -> entry(userDn(gus, "Late")) != null);
            Wait.until("the status to say the directory answers again", TIMEOUT, () -> status.getWaitingForTargetSinceMs() == 0);
            assertThat(status.getParkedObjects()).isZero();
        }
    }

    @Test
    void validationRefusesAKindMappingPasswordsOverPlainLdap() {
        Map<String, String> plain = config(UniqueNames.of("ad-sink"), "ldap://127.0.0.1:389");
        plain.put("ldap.security", "none");

        JsonNode result = connect.rest().validate(LdapSinkConnector.class.getName(), plain);

        List<String> keysWithErrors = new ArrayList<>();
        result.path("configs").forEach(config -> {
            if (!config.path("value").path("errors").isEmpty()) {
                keysWithErrors.add(config.path("value").path("name").asText());
            }
        });
        assertThat(keysWithErrors).contains("ldap.security");
    }

    private String userDn(String login, String lastName) {
        return normalized(new DN(new RDN("cn", login + " " + lastName), dn("OU=Staff," + baseDn)).toString());
    }

    private String groupDn(String code) {
        return normalized("CN=" + code + ",OU=Groups," + baseDn);
    }

    private Entry entry(String dn) {
        try {
            return admin.getEntry(dn, "*", "pwdLastSet");
        } catch (LDAPException e) {
            throw new IllegalStateException("could not read the directory", e);
        }
    }

    private int flags(String dn) {
        return entry(dn).getAttributeValueAsInteger("userAccountControl");
    }

    private List<String> members(String groupDn) {
        Entry group = entry(groupDn);
        return group == null || !group.hasAttribute("member") ? List.of()
                : List.of(group.getAttributeValues("member")).stream().map(SinkFixtures::normalized).toList();
    }

    private static LDAPConnection bindOverLdaps(String dn, String password) throws LDAPException, GeneralSecurityException {
        SSLUtil ssl = new SSLUtil(new TrustStoreTrustManager(samba.trustStore().toFile(),
                samba.trustStorePassword().toCharArray(), "PKCS12", true));
        return new LDAPConnection(ssl.createSSLSocketFactory(), samba.host(), samba.port(), dn, password);
    }

    private static String normalized(String dn) {
        return SinkFixtures.normalized(dn);
    }

    private static DN dn(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Change events of the guide's tables, written to the test's topic. */
    private final class Events {

        private final HrChangeEvents changes = new HrChangeEvents();

        Events user(Operation op, String login, String lastName, String password, boolean active) {
            Struct row = userRow(login, lastName, password, active);
            changes.change(USERS, "users", op, op == Operation.CREATE ? null : row, op == Operation.DELETE ? null : row);
            return this;
        }

        Events userUpdate(String login, String lastNameBefore, String lastNameAfter, String password) {
            changes.change(USERS, "users", Operation.UPDATE, userRow(login, lastNameBefore, password, true),
                    userRow(login, lastNameAfter, password, true));
            return this;
        }

        private Struct userRow(String login, String lastName, String password, boolean active) {
            return new Struct(USERS.rowSchema()).put("id", login).put("login", login).put("first_name", login)
                    .put("last_name", lastName).put("email", login + "@example.com").put("password", password)
                    .put("active", active);
        }

        Events group(Operation op, String code) {
            Struct row = new Struct(GROUPS.rowSchema()).put("code", code).put("name", code);
            changes.change(GROUPS, "groups", op, op == Operation.CREATE ? null : row, op == Operation.DELETE ? null : row);
            return this;
        }

        Events membership(String login, String group) {
            changes.change(MEMBERSHIPS, "memberships", Operation.CREATE, null, new Struct(MEMBERSHIPS.rowSchema())
                    .put("id", login + "-" + group).put("user_id", login).put("group_code", group));
            return this;
        }

        Events nesting(String child, String parent) {
            changes.change(GROUP_PARENTS, "group_parents", Operation.CREATE, null, new Struct(GROUP_PARENTS.rowSchema())
                    .put("id", child + "-" + parent).put("child_code", child).put("parent_code", parent));
            return this;
        }

        void write() {
            try (TopicWriter writer = connect.writer()) {
                changes.events().forEach(event -> writer.sendJson(topic, event.key(), event.value()));
            }
        }
    }
}
