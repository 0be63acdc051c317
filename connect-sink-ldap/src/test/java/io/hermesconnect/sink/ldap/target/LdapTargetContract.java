package io.hermesconnect.sink.ldap.target;

import static io.hermesconnect.sink.ldap.testing.Events.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.common.sink.ErrorQueue;
import io.hermesconnect.common.sink.ForeignKeyPolicy;
import io.hermesconnect.common.sink.InMemoryParkedEventStore;
import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.RemediationMode;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import io.hermesconnect.sink.ldap.testing.DirectoryState;
import io.hermesconnect.sink.ldap.testing.Events;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import io.hermesconnect.testkit.ldap.LdapServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the LDAP target does against a real directory server; each server's test class runs it
 * ({@link InMemoryLdapTargetTest} for speed, {@code OpenLdapTargetIT} against slapd).
 */
abstract class LdapTargetContract {

    static final String PEOPLE = "ou=people,dc=example,dc=org";
    static final String GROUPS = "ou=groups,dc=example,dc=org";

    LdapTarget target;

    abstract LdapServer server();

    @BeforeEach
    void openTarget() throws LDAPException {
        DirectoryState.reset(server());
        target = open(false);
    }

    /** A target with {@link HrKinds}' trash, or without a trash: then a create is one add, with no read first. */
    LdapTarget open(boolean withTrash) {
        Map<String, String> props = HrKinds.config(server().url());
        if (!withTrash) {
            props.remove("ldap.trash.dn");
        }
        LdapSinkConfig config = new LdapSinkConfig(props);
        return LdapTarget.open(config);
    }

    /** Replaces the target with one that has a trash. */
    void useTrash() {
        target.close();
        target = open(true);
    }

    @AfterEach
    void closeTarget() {
        target.close();
    }

    static Map<String, Object> ann(String login, Object emails) {
        return fields("id", "1", "login", login, "first", "Ann", "last", "Lee", "emails", emails, "notes", "likes tea");
    }

    static Map<String, Object> bob() {
        return fields("id", "2", "login", "bob", "first", "Bob", "last", "Ray", "emails", null, "notes", null);
    }

    static Map<String, Object> admins() {
        return fields("id", "10", "name", "admins", "description", "Administrators");
    }

    static Map<String, Object> membership(String userId, String groupId) {
        return fields("id", userId + "-" + groupId, "user_id", userId, "group_id", groupId);
    }

    static Map<String, Object> team(Object memberIds) {
        return fields("id", "20", "name", "ops, \"core\"", "member_ids", memberIds);
    }

    void apply(SinkEvent... events) {
        for (SinkEvent event : events) {
            switch (event.operation()) {
                case ADD -> target.add(event, new StepProgress());
                case MODIFY -> target.modify(event, new StepProgress());
                case REMOVE -> target.remove(event, new StepProgress());
            }
        }
    }

    Entry entry(String dn) throws LDAPException {
        try (LDAPConnection connection = server().connect()) {
            return connection.getEntry(dn, "*", "+");
        }
    }

    List<String> members(String groupDn) throws LDAPException {
        Entry group = entry(groupDn);
        return group == null || !group.hasAttribute("member") ? List.of() : List.of(group.getAttributeValues("member"));
    }

    @Test
    void aUserIsCreatedModifiedAndRemoved() throws LDAPException {
        apply(Events.add("hr.users", ann("ann", List.of("ann@x.org", "a.lee@x.org"))));
        Entry created = entry("uid=ann," + PEOPLE);
        assertThat(created.getAttributeValue("cn")).isEqualTo("Ann Lee");
        assertThat(created.getAttributeValues("mail")).containsExactlyInAnyOrder("ann@x.org", "a.lee@x.org");
        assertThat(created.getAttributeValue("title")).isEqualTo("Staff");
        assertThat(created.getAttributeValue("userPassword")).isEqualTo("initial-1");

        Map<String, Object> changed = fields("id", "1", "login", "ann", "first", "Anne", "last", "Lee", "emails", null,
                "notes", "");
        apply(Events.modify("hr.users", ann("ann", List.of("ann@x.org", "a.lee@x.org")), changed));
        Entry modified = entry("uid=ann," + PEOPLE);
        assertThat(modified.getAttributeValue("cn")).isEqualTo("Anne Lee");
        assertThat(modified.hasAttribute("mail")).as("no e-mail left: attribute removed").isFalse();
        assertThat(modified.hasAttribute("description")).as("empty string: attribute absent").isFalse();
        assertThat(modified.getAttributeValue("userPassword")).as("an ignored attribute keeps its first value").isEqualTo("initial-1");

        apply(Events.remove("hr.users", changed));
        assertThat(entry("uid=ann," + PEOPLE)).isNull();
        apply(Events.remove("hr.users", changed), Events.tombstone("hr.users", "1"));
        assertThat(entry("uid=ann," + PEOPLE)).as("removing what is gone succeeds").isNull();
    }

    @Test
    void namesWithSpecialCharactersAndNonAsciiAreEscaped() throws LDAPException {
        String login = " a,b+c\"d\\e<f>g;h=i#j Zoë ";
        apply(Events.add("hr.users", ann(login, null)));

        List<String> uids = new ArrayList<>();
        try (LDAPConnection connection = server().connect()) {
            connection.search(PEOPLE, SearchScope.ONE, "(objectClass=inetOrgPerson)", "uid")
                    .getSearchEntries().forEach(found -> uids.add(found.getAttributeValue("uid")));
        }
        assertThat(uids).containsExactly(login);

        apply(Events.tombstone("hr.users", "1"));
        assertThat(uids(PEOPLE)).isEmpty();
    }

    List<String> uids(String container) throws LDAPException {
        List<String> uids = new ArrayList<>();
        try (LDAPConnection connection = server().connect()) {
            connection.search(container, SearchScope.ONE, "(objectClass=*)", "uid")
                    .getSearchEntries().forEach(found -> uids.add(found.getAttributeValue("uid")));
        }
        return uids;
    }

    @Test
    void aMembershipReplacesTheGroupsPlaceholderWhichComesBackWithTheLastMemberGone() throws LDAPException {
        String group = "cn=admins," + GROUPS;
        apply(Events.add("hr.users", ann("ann", null)), Events.add("hr.users", bob()), Events.add("hr.groups", admins()));
        assertThat(members(group)).containsExactly(HrKinds.PLACEHOLDER);

        apply(Events.add("hr.memberships", membership("1", "10")), Events.add("hr.memberships", membership("2", "10")));
        assertThat(members(group)).containsExactlyInAnyOrder("uid=ann," + PEOPLE, "uid=bob," + PEOPLE);

        apply(Events.add("hr.memberships", membership("1", "10")));
        assertThat(members(group)).as("adding a member twice changes nothing").hasSize(2);

        apply(Events.remove("hr.memberships", membership("1", "10")), Events.remove("hr.memberships", membership("2", "10")));
        assertThat(members(group)).containsExactly(HrKinds.PLACEHOLDER);
        apply(Events.remove("hr.memberships", membership("2", "10")));
        assertThat(members(group)).containsExactly(HrKinds.PLACEHOLDER);
    }

    @Test
    void aMembershipWhoseGroupIsMissingIsADataError() {
        apply(Events.add("hr.users", ann("ann", null)));

        assertThatThrownBy(() -> apply(Events.add("hr.memberships", membership("1", "99"))))
                .isInstanceOf(TargetDataException.class)
                .hasMessageContaining("group")
                .hasMessageContaining("'groups'");
    }

    @Test
    void oneEventFeedsATeamAndItsWholeMemberList() throws LDAPException {
        String team = "cn=team ops\\, \\\"core\\\"," + GROUPS;
        apply(Events.add("hr.users", ann("ann", null)), Events.add("hr.users", bob()));

        apply(Events.add("hr.teams", team(List.of("1", "2"))));
        assertThat(members(team)).containsExactlyInAnyOrder("uid=ann," + PEOPLE, "uid=bob," + PEOPLE);

        apply(Events.modify("hr.teams", team(List.of("1", "2")), team(List.of("2"))));
        assertThat(members(team)).containsExactly("uid=bob," + PEOPLE);

        apply(Events.modify("hr.teams", team(List.of("2")), team(List.of())));
        assertThat(members(team)).containsExactly(HrKinds.PLACEHOLDER);

        apply(Events.remove("hr.teams", team(List.of())));
        assertThat(entry(team)).isNull();
    }

    @Test
    void aRenameMovesTheEntryAndRewritesTheGroupsThatPointedAtIt() throws LDAPException {
        apply(Events.add("hr.users", ann("ann", null)), Events.add("hr.groups", admins()),
                Events.add("hr.memberships", membership("1", "10")), Events.add("hr.teams", team(List.of("1"))));

        SinkEvent rename = Events.modify("hr.users", ann("ann", null), ann("anne", null));
        apply(rename);

        assertThat(entry("uid=ann," + PEOPLE)).isNull();
        Entry renamed = entry("uid=anne," + PEOPLE);
        assertThat(renamed.getAttributeValues("uid")).containsExactly("anne");
        assertThat(members("cn=admins," + GROUPS)).containsExactly("uid=anne," + PEOPLE);
        assertThat(members("cn=team ops\\, \\\"core\\\"," + GROUPS)).containsExactly("uid=anne," + PEOPLE);

        Map<String, Map<String, TreeSet<String>>> once = DirectoryState.snapshot(server());
        apply(rename);
        assertThat(DirectoryState.snapshot(server())).as("the rename replayed").isEqualTo(once);
    }

    @Test
    void aRenameRewritesTheMembersOfGroupsFoundOverSeveralPages() throws LDAPException {
        Map<String, String> props = HrKinds.config(server().url());
        props.put("ldap.search.page.size", "2");
        LdapSinkConfig config = new LdapSinkConfig(props);
        apply(Events.add("hr.users", ann("ann", null)));
        try (LdapTarget paging = LdapTarget.open(config)) {
            for (int group = 0; group < 5; group++) {
                String id = Integer.toString(100 + group);
                paging.add(Events.add("hr.groups", fields("id", id, "name", "group " + id, "description", null)), new StepProgress());
                paging.add(Events.add("hr.memberships", membership("1", id)), new StepProgress());
            }

            paging.modify(Events.modify("hr.users", ann("ann", null), ann("anne", null)), new StepProgress());
        }

        for (int group = 0; group < 5; group++) {
            assertThat(members("cn=group " + (100 + group) + "," + GROUPS)).containsExactly("uid=anne," + PEOPLE);
        }
    }

    @Test
    void aCreateOfAnEntryAnotherWriterMadeChangesThatEntry() throws LDAPException {
        try (LDAPConnection connection = server().connect()) {
            connection.add("uid=ann," + PEOPLE, new Attribute("objectClass", "top", "person", "organizationalPerson",
                    "inetOrgPerson"), new Attribute("uid", "ann"), new Attribute("cn", "Someone"), new Attribute("sn", "Else"));
        }

        apply(Events.add("hr.users", ann("ann", null)));

        Entry changed = entry("uid=ann," + PEOPLE);
        assertThat(changed.getAttributeValue("cn")).isEqualTo("Ann Lee");
        assertThat(changed.getAttributeValue("employeeNumber")).isEqualTo("1");
    }

    @Test
    void membershipsFollowTheRenamesAndRemovalsOfTheTaskItselfAndFindAGroupAnotherWriterRenamed() throws LDAPException {
        apply(Events.add("hr.users", ann("ann", null)), Events.add("hr.users", bob()), Events.add("hr.groups", admins()),
                Events.add("hr.memberships", membership("2", "10")));

        apply(Events.modify("hr.users", ann("ann", null), ann("anne", null)));
        apply(Events.add("hr.memberships", membership("1", "10")));
        assertThat(members("cn=admins," + GROUPS)).containsExactlyInAnyOrder("uid=anne," + PEOPLE, "uid=bob," + PEOPLE);

        try (LDAPConnection connection = server().connect()) {
            connection.modifyDN("cn=admins," + GROUPS, "cn=root", true);
        }
        apply(Events.remove("hr.memberships", membership("2", "10")));
        assertThat(members("cn=root," + GROUPS)).containsExactly("uid=anne," + PEOPLE);

        apply(Events.remove("hr.users", bob()));
        assertThatThrownBy(() -> apply(Events.add("hr.memberships", membership("2", "10"))))
                .as("a removed member is not remembered").isInstanceOf(TargetDataException.class)
                .hasMessageContaining("member");
        assertThat(members("cn=root," + GROUPS)).containsExactly("uid=anne," + PEOPLE);
    }

    @Test
    void aLookUpFindsOnlyEntriesOfItsKindsObjectClasses() throws LDAPException {
        try (LDAPConnection connection = server().connect()) {
            connection.add("ou=decoy,dc=example,dc=org", new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", "decoy"), new Attribute("businessCategory", "10"));
        }
        apply(Events.add("hr.users", ann("ann", null)), Events.add("hr.groups", admins()));

        apply(Events.add("hr.memberships", membership("1", "10")));

        assertThat(members("cn=admins," + GROUPS)).containsExactly("uid=ann," + PEOPLE);
    }

    @Test
    void aRetryResumesAtTheStepThatFailed() throws LDAPException {
        apply(Events.add("hr.users", ann("ann", null)));
        StepProgress progress = new StepProgress();
        SinkEvent team = Events.add("hr.teams", team(List.of("1", "404")));

        assertThatThrownBy(() -> target.add(team, progress)).isInstanceOf(TargetDataException.class)
                .hasMessageContaining("member");
        assertThat(progress.stepsDone()).as("the team entry is done; its member list failed").isEqualTo(1);
        assertThat(members("cn=team ops\\, \\\"core\\\"," + GROUPS)).containsExactly(HrKinds.PLACEHOLDER);

        apply(Events.add("hr.users", fields("id", "404", "login", "zed", "first", "Zed", "last", "Z", "emails", null, "notes", null)));
        target.add(team, progress);
        assertThat(progress.stepsDone()).isEqualTo(2);
        assertThat(members("cn=team ops\\, \\\"core\\\"," + GROUPS)).hasSize(2);
    }

    @ParameterizedTest(name = "with a trash: {0}")
    @ValueSource(booleans = {false, true})
    void replayingTheSameEventsLeavesTheDirectoryIdentical(boolean withTrash) throws LDAPException {
        if (withTrash) {
            useTrash();
        }
        List<SinkEvent> stream = List.of(
                Events.add("hr.users", ann("ann", List.of("b@x.org", "a@x.org"))),
                Events.add("hr.users", bob()),
                Events.add("hr.groups", admins()),
                Events.add("hr.memberships", membership("1", "10")),
                Events.add("hr.memberships", membership("2", "10")),
                Events.add("hr.teams", team(List.of("1", "2"))),
                Events.modify("hr.users", ann("ann", List.of("b@x.org", "a@x.org")), ann("anne", List.of("a@x.org", "b@x.org"))),
                Events.remove("hr.memberships", membership("2", "10")),
                Events.remove("hr.users", bob()),
                Events.tombstone("hr.users", "2"));
        stream.forEach(this::apply);
        Map<String, Map<String, TreeSet<String>>> once = DirectoryState.snapshot(server());

        stream.forEach(this::apply);

        assertThat(DirectoryState.snapshot(server())).isEqualTo(once);
        assertThat(once).containsKey(DN.normalize("uid=anne," + PEOPLE));
    }

    @Test
    void unchangedToastFieldsLeaveTheirAttributes() throws LDAPException {
        apply(Events.add("hr.users", ann("ann", null)));

        apply(Events.modifyWithUnchanged("hr.users", fields("id", "1", "login", "ann", "first", "Ann", "last", "Lim", "emails",
                null), Set.of("notes")));

        Entry entry = entry("uid=ann," + PEOPLE);
        assertThat(entry.getAttributeValue("sn")).isEqualTo("Lim");
        assertThat(entry.getAttributeValue("description")).isEqualTo("likes tea");
    }

    @Test
    void aSchemaViolationIsADataErrorThatQuotesNoValue() {
        SinkEvent noLastName = Events.add("hr.users", fields("id", "3", "login", "cy", "first", "Cy", "last", "", "emails",
                null, "notes", null));

        assertThatThrownBy(() -> apply(noLastName))
                .isInstanceOf(TargetDataException.class)
                .hasMessageContaining("kind 'users'")
                .hasMessageContaining("object class violation")
                .hasMessageNotContaining("cy");
    }

    @Test
    void trashRecycleAndPurgeKeepTheTrashInTheDirectory() throws LDAPException {
        useTrash();
        Map<String, Object> bob = bob();
        apply(Events.add("hr.users", bob), Events.add("hr.groups", admins()), Events.add("hr.memberships", membership("2", "10")));
        Instant beforeTrash = Instant.now().minusSeconds(2);

        target.trash(Events.remove("hr.users", bob), new StepProgress());
        target.trash(Events.remove("hr.users", bob), new StepProgress());
        assertThat(entry("uid=bob," + PEOPLE)).isNull();
        assertThat(entry("uid=bob,ou=users," + HrKinds.TRASH_DN)).isNotNull();
        assertThat(members("cn=admins," + GROUPS)).as("members keep pointing at the trashed entry's DN")
                .containsExactly("uid=bob," + PEOPLE);
        assertThat(target.trashedBefore(beforeTrash)).isEmpty();
        List<TrashedObject> trashed = target.trashedBefore(Instant.now().plusSeconds(2));
        assertThat(trashed).hasSize(1);
        assertThat(DN.normalize(trashed.get(0).location())).isEqualTo(DN.normalize("uid=bob,ou=users," + HrKinds.TRASH_DN));

        Map<String, Object> bobChanged = fields("id", "2", "login", "bob", "first", "Bob", "last", "Roy", "emails", null,
                "notes", null);
        apply(Events.modify("hr.users", bob, bobChanged));
        assertThat(entry("uid=bob," + PEOPLE)).as("a modification applies in the trash").isNull();
        assertThat(entry("uid=bob,ou=users," + HrKinds.TRASH_DN).getAttributeValue("sn")).isEqualTo("Roy");

        apply(Events.add("hr.users", bobChanged));
        assertThat(entry("uid=bob,ou=users," + HrKinds.TRASH_DN)).isNull();
        assertThat(entry("uid=bob," + PEOPLE).getAttributeValue("sn")).isEqualTo("Roy");
        assertThat(members("cn=admins," + GROUPS)).containsExactly("uid=bob," + PEOPLE);

        target.trash(Events.remove("hr.users", bobChanged), new StepProgress());
        List<TrashedObject> toPurge = target.trashedBefore(Instant.now().plusSeconds(2));
        assertThat(toPurge).hasSize(1);
        target.purge(toPurge.get(0));
        target.purge(toPurge.get(0));
        assertThat(entry("uid=bob,ou=users," + HrKinds.TRASH_DN)).isNull();
        assertThat(target.trashedBefore(Instant.now().plusSeconds(2))).isEmpty();
    }

    @Test
    void trashedEntriesArePurgedGroupsBeforeUsers() {
        useTrash();
        apply(Events.add("hr.users", bob()), Events.add("hr.groups", admins()));
        target.trash(Events.remove("hr.users", bob()), new StepProgress());
        target.trash(Events.remove("hr.groups", admins()), new StepProgress());

        assertThat(target.trashedBefore(Instant.now().plusSeconds(2)))
                .extracting(TrashedObject::object)
                .as("the keys of the events' objects, the groups' kind first")
                .containsExactly(new ObjectKey("hr.groups", List.of("10")), new ObjectKey("hr.users", List.of("2")));
    }

    @Test
    void aTrashedEntryThatAParkedChildNeedsIsKeptFromThePurgeUntilTheChildIsNoLongerParked() throws LDAPException {
        useTrash();
        apply(Events.add("hr.users", bob()), Events.add("hr.groups", admins()));
        target.trash(Events.remove("hr.users", bob()), new StepProgress());
        ErrorQueue queue = new ErrorQueue(target, new InMemoryParkedEventStore(), ForeignKeyPolicy.ON_REMOVE,
                RemediationMode.CONSERVATIVE, Duration.ZERO, (event, reason) -> { }, Clock.systemUTC());
        SinkEvent membership = Events.withForeignKeys(Events.add("hr.memberships", membership("2", "10")),
                Map.of("user_id", "hr.users", "group_id", "hr.groups"));

        queue.apply(membership);

        assertThat(queue.parkedObjects()).as("its member is in the trash").containsExactly(membership.object());
        List<TrashedObject> trashed = target.trashedBefore(Instant.now().plusSeconds(2));
        assertThat(trashed).extracting(TrashedObject::object).containsExactly(new ObjectKey("hr.users", List.of("2")));
        assertThat(queue.mayRemove(trashed.get(0).object())).as("the parked membership needs it").isFalse();

        queue.drop(membership.object());

        assertThat(queue.mayRemove(trashed.get(0).object())).isTrue();
        target.purge(trashed.get(0));
        assertThat(entry("uid=bob,ou=users," + HrKinds.TRASH_DN)).isNull();
    }

    @Test
    void aRecycledEntryLosesWhatTheTrashAddedToKeepItsKey() throws LDAPException {
        useTrash();
        apply(Events.add("hr.users", ann("ann", null)));
        target.trash(Events.remove("hr.users", ann("ann", null)), new StepProgress());
        apply(Events.modify("hr.users", ann("ann", null), fields("id", "1", "login", "ann", "first", "Ann", "last", "Lee",
                "emails", null, "notes", "likes coffee")));
        assertThat(target.trashedBefore(Instant.now().plusSeconds(2))).extracting(TrashedObject::object)
                .as("a modification in the trash keeps the key").containsExactly(new ObjectKey("hr.users", List.of("1")));

        apply(Events.add("hr.users", ann("ann", null)));

        Entry recycled = entry("uid=ann," + PEOPLE);
        assertThat(recycled.getAttributeValues("description")).containsExactly("likes tea");
        assertThat(recycled.getObjectClassValues()).doesNotContain("extensibleObject");
    }
}
