package io.hermesconnect.sink.ldap.ad;

import static io.hermesconnect.sink.ldap.ad.TestDirectory.SAMBA;
import static io.hermesconnect.sink.ldap.testing.Events.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.common.sink.TrashedObject;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import io.hermesconnect.sink.ldap.target.LdapTarget;
import io.hermesconnect.sink.ldap.testing.ActiveDirectoryExample;
import io.hermesconnect.sink.ldap.testing.Events;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.UniqueNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LDAP target on a real Samba DC, configured by the Active Directory guide's example (plus a kind of teams whose
 * events carry their whole member list), under an organizational unit of each test's own.
 */
class ActiveDirectoryTargetIT {

    private static final int DONT_EXPIRE_PASSWORD = 0x10000;
    private static final String PASSWORD = "Fírst-Passw0rd";

    private LDAPConnection admin;
    private String baseDn;
    private LdapTarget target;

    @BeforeEach
    void openTargetOnAnOrganizationalUnitOfItsOwn() throws LDAPException {
        admin = SAMBA.connect();
        baseDn = ActiveDirectoryExample.addOrganizationalUnit(admin, SAMBA, "sink");
        target = LdapTarget.open(new LdapSinkConfig(config(SAMBA.url())));
    }

    /** The guide's example on the test DC under {@link #baseDn}, with teams and their member lists. */
    private Map<String, String> config(String url) {
        Map<String, String> config = ActiveDirectoryExample.config(SAMBA, url, baseDn);
        config.put("kinds", config.get("kinds") + ",teams,team_members");
        config.put("kinds.teams.events", "hr.teams");
        config.put("kinds.teams.rdn.attribute", "cn");
        config.put("kinds.teams.rdn.value", "{{ name }}");
        config.put("kinds.teams.container", "OU=Groups");
        config.put("kinds.teams.object.classes", "top,group");
        config.put("kinds.teams.attrs.sAMAccountName", "{{ code }}");
        config.put("kinds.teams.lookup.attribute", "sAMAccountName");
        config.put("kinds.team_members.events", "hr.teams");
        config.put("kinds.team_members.shape", "member_list");
        config.put("kinds.team_members.group.kind", "teams");
        config.put("kinds.team_members.group.value", "{{ code }}");
        config.put("kinds.team_members.member.kind", "users");
        config.put("kinds.team_members.members", "{{ member_logins }}");
        return config;
    }

    @AfterEach
    void close() {
        target.close();
        admin.close();
    }

    @Test
    void aUserWithAPasswordIsCreatedEnabledOverLdapsAndLogsOnWithIt() throws LDAPException {
        String login = TestDirectory.accountName();

        add(Events.add("hr.users", user(login, PASSWORD, true)));

        Entry user = admin.getEntry(userDn(login));
        assertThat(user.getAttributeValueAsInteger(UserAccountControl.ATTRIBUTE)).isEqualTo(UserAccountControl.NEW_USER);
        assertThat(user.getAttributeValue(ActiveDirectoryTrash.MARK_ATTRIBUTE)).as("no mark left").isNull();
        assertThat(user.getAttributeValue(AccountNames.USER_PRINCIPAL_NAME)).isEqualTo(login + "@example.com");
        TestDirectory.startTls(userDn(login), PASSWORD).close();
    }

    @Test
    void aUserWithoutAPasswordGetsARandomOneAndIsEnabled() throws LDAPException {
        String login = TestDirectory.accountName();
        Map<String, Object> fields = user(login, null, true);
        fields.remove("password");

        add(Events.add("hr.users", fields));

        Entry user = admin.getEntry(userDn(login), UserAccountControl.ATTRIBUTE, "pwdLastSet");
        assertThat(user.getAttributeValueAsInteger(UserAccountControl.ATTRIBUTE)).isEqualTo(UserAccountControl.NEW_USER);
        assertThat(user.getAttributeValueAsLong("pwdLastSet")).as("a password was set").isPositive();
    }

    @Test
    void aChangedPasswordIsSetAndLogsOn() throws LDAPException {
        String login = TestDirectory.accountName();
        add(Events.add("hr.users", user(login, PASSWORD, true)));

        target.modify(Events.modify("hr.users", user(login, PASSWORD, true), user(login, "Sécond-Passw0rd", true)),
                new StepProgress());

        TestDirectory.startTls(userDn(login), "Sécond-Passw0rd").close();
    }

    @Test
    void disablingAndEnablingChangeOnlyTheDisabledFlag() throws LDAPException {
        String login = TestDirectory.accountName();
        add(Events.add("hr.users", user(login, PASSWORD, true)));
        String dn = userDn(login);
        admin.modify(dn, new Modification(ModificationType.REPLACE, UserAccountControl.ATTRIBUTE,
                Integer.toString(UserAccountControl.NEW_USER | DONT_EXPIRE_PASSWORD)));

        target.modify(Events.modify("hr.users", user(login, PASSWORD, true), user(login, PASSWORD, false)), new StepProgress());
        assertThat(flags(dn)).isEqualTo(UserAccountControl.NEW_USER | DONT_EXPIRE_PASSWORD | UserAccountControl.ACCOUNTDISABLE);

        target.modify(Events.modify("hr.users", user(login, PASSWORD, false), user(login, PASSWORD, true)), new StepProgress());
        assertThat(flags(dn)).isEqualTo(UserAccountControl.NEW_USER | DONT_EXPIRE_PASSWORD);
    }

    @Test
    void anAccountLeftDisabledByAnInterruptedCreationIsEnabledByTheRetryOfItsSecondStep() throws LDAPException {
        String login = TestDirectory.accountName();
        SinkEvent add = Events.add("hr.users", user(login, PASSWORD, true));
        String dn = userDn(login);
        admin.add(dn, new Attribute("objectClass", "user"), new Attribute(AccountNames.SAM_ACCOUNT_NAME, login),
                UnicodePwd.attribute(PASSWORD), new Attribute(UserAccountControl.ATTRIBUTE,
                        Integer.toString(UserAccountControl.NEW_USER | UserAccountControl.ACCOUNTDISABLE)),
                new Attribute(ActiveDirectoryTrash.MARK_ATTRIBUTE, "hermes-connect creating"));

        StepProgress progress = new StepProgress(1);
        target.add(add, progress);

        assertThat(progress.stepsDone()).isEqualTo(2);
        assertThat(flags(dn)).isEqualTo(UserAccountControl.NEW_USER);
        assertThat(admin.getEntry(dn).hasAttribute(ActiveDirectoryTrash.MARK_ATTRIBUTE)).isFalse();
    }

    @Test
    void groupsNestedGroupsAndMembershipsOfBothShapes() throws LDAPException {
        String ann = TestDirectory.accountName();
        String bob = TestDirectory.accountName();
        String staff = UniqueNames.of("g");
        String ops = UniqueNames.of("g");
        String team = UniqueNames.of("t");
        add(Events.add("hr.users", user(ann, PASSWORD, true)), Events.add("hr.users", user(bob, PASSWORD, true)),
                Events.add("hr.groups", group(staff)), Events.add("hr.groups", group(ops)));

        SinkEvent membership = Events.add("hr.memberships", fields("id", ann + staff, "user_id", ann, "group_code", staff));
        SinkEvent nesting = Events.add("hr.group_parents", fields("id", ops + staff, "child_code", ops, "parent_code", staff));
        add(membership, membership, nesting, nesting);
        add(Events.add("hr.teams", fields("id", team, "code", team, "name", team, "member_logins", List.of(ann, bob))));

        assertThat(admin.getEntry(groupDn(staff)).getAttributeValueAsInteger(GroupScope.ATTRIBUTE))
                .isEqualTo(Integer.parseInt(GroupScope.UNIVERSAL.groupType(true)));
        assertThat(members(groupDn(staff))).containsExactlyInAnyOrder(userDn(ann), groupDn(ops));
        assertThat(members(groupDn(team))).containsExactlyInAnyOrder(userDn(ann), userDn(bob));

        target.modify(Events.modify("hr.teams", fields("id", team, "code", team, "name", team, "member_logins", List.of(ann, bob)),
                fields("id", team, "code", team, "name", team, "member_logins", List.of(bob))), new StepProgress());
        target.remove(Events.remove("hr.memberships", membership.after()), new StepProgress());
        target.remove(Events.remove("hr.memberships", membership.after()), new StepProgress());

        assertThat(members(groupDn(team))).containsExactly(userDn(bob));
        assertThat(members(groupDn(staff))).containsExactly(groupDn(ops));
    }

    @Test
    void aRenamedUserStaysAMemberUnderItsNewName() throws LDAPException {
        String login = TestDirectory.accountName();
        String staff = UniqueNames.of("g");
        add(Events.add("hr.users", user(login, PASSWORD, true)), Events.add("hr.groups", group(staff)),
                Events.add("hr.memberships", fields("id", login, "user_id", login, "group_code", staff)));
        Map<String, Object> renamed = user(login, PASSWORD, true);
        renamed.put("last_name", "Married");

        target.modify(Events.modify("hr.users", user(login, PASSWORD, true), renamed), new StepProgress());

        String newDn = new DN(new RDN("cn", login + " Married"), new DN("OU=Staff," + baseDn)).toString();
        assertThat(admin.getEntry(userDn(login))).isNull();
        assertThat(admin.getEntry(newDn)).isNotNull();
        assertThat(members(groupDn(staff))).containsExactly(normalized(newDn));
    }

    @Test
    void aTrashedUserIsDisabledAndMarkedRecycledByAnAddAndPurgedUnderTheEventsKey() throws LDAPException {
        String login = TestDirectory.accountName();
        SinkEvent add = Events.add("hr.users", user(login, PASSWORD, true));
        add(add);
        String dn = userDn(login);

        target.trash(Events.remove("hr.users", add.after()), new StepProgress());
        target.trash(Events.remove("hr.users", add.after()), new StepProgress());

        assertThat(flags(dn)).isEqualTo(UserAccountControl.NEW_USER | UserAccountControl.ACCOUNTDISABLE);
        List<TrashedObject> trashed = target.trashedBefore(Instant.now().plusSeconds(60));
        assertThat(trashed).extracting(TrashedObject::object).containsExactly(add.object());
        assertThat(trashed.get(0).object()).isEqualTo(new ObjectKey("hr.users", List.of(login)));
        assertThat(target.trashedBefore(Instant.now().minusSeconds(60))).isEmpty();

        target.modify(Events.modify("hr.users", add.after(), user(login, PASSWORD, true)), new StepProgress());
        assertThat(flags(dn)).as("a modification leaves a trashed user disabled")
                .isEqualTo(UserAccountControl.NEW_USER | UserAccountControl.ACCOUNTDISABLE);

        add(add);
        assertThat(flags(dn)).isEqualTo(UserAccountControl.NEW_USER);
        assertThat(target.trashedBefore(Instant.now().plusSeconds(60))).isEmpty();

        target.trash(Events.remove("hr.users", add.after()), new StepProgress());
        target.purge(target.trashedBefore(Instant.now().plusSeconds(60)).get(0));
        assertThat(admin.getEntry(dn)).isNull();
    }

    @Test
    void aPasswordThePolicyRefusesAndAMissingLogonNameAreDataErrorsThatQuoteNoValue() throws LDAPException {
        String login = TestDirectory.accountName();

        assertThatThrownBy(() -> add(Events.add("hr.users", user(login, "short", true))))
                .isInstanceOf(TargetDataException.class)
                .hasMessageContaining("kind 'users'").hasMessageContaining("0000052D")
                .hasMessageNotContaining("short").hasMessageNotContaining(login);
        assertThat(admin.getEntry(userDn(login))).isNull();
        assertThatThrownBy(() -> add(Events.add("hr.users", user("", PASSWORD, true))))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("sAMAccountName is missing");
    }

    @Test
    void anUnreachableDomainControllerIsUnavailable() {
        try (LdapTarget unreachable = LdapTarget.open(new LdapSinkConfig(config("ldaps://127.0.0.1:" + FreePort.find())))) {
            assertThatThrownBy(() -> unreachable.add(Events.add("hr.users", user(TestDirectory.accountName(), PASSWORD, true)),
                    new StepProgress())).isInstanceOf(TargetUnavailableException.class);
        }
    }

    private void add(SinkEvent... events) {
        Stream.of(events).forEach(event -> target.add(event, new StepProgress()));
    }

    private static Map<String, Object> user(String login, String password, boolean active) {
        return fields("id", login, "login", login, "first_name", login, "last_name", "Tester",
                "email", login + "@example.com", "password", password, "active", active);
    }

    private static Map<String, Object> group(String code) {
        return fields("id", code, "code", code, "name", code, "description", null);
    }

    private String userDn(String login) {
        return normalized("CN=" + login + " Tester,OU=Staff," + baseDn);
    }

    private String groupDn(String code) {
        return normalized("CN=" + code + ",OU=Groups," + baseDn);
    }

    private int flags(String dn) throws LDAPException {
        return admin.getEntry(dn, UserAccountControl.ATTRIBUTE).getAttributeValueAsInteger(UserAccountControl.ATTRIBUTE);
    }

    private List<String> members(String groupDn) throws LDAPException {
        return GroupMembers.read(admin, groupDn).stream().map(ActiveDirectoryTargetIT::normalized).toList();
    }

    private static String normalized(String dn) {
        try {
            return DN.normalize(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
