package io.hermesconnect.sink.ldap.ad;

import static io.hermesconnect.sink.ldap.ad.TestDirectory.SAMBA;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.sink.ldap.ad.ActiveDirectoryTrash.TrashedEntry;
import io.hermesconnect.testkit.UniqueNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trashbin in place on a real Samba DC: disabled and marked, recycled, listed for the purge. */
class ActiveDirectoryTrashIT {

    private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant TUESDAY = MONDAY.plus(1, ChronoUnit.DAYS);

    private String ou;
    private LDAPConnection admin;

    @BeforeEach
    void addAnOrganizationalUnitOfItsOwn() throws LDAPException {
        admin = SAMBA.connect();
        ou = "OU=" + UniqueNames.of("trash") + "," + SAMBA.baseDn();
        admin.add(ou, new Attribute("objectClass", "organizationalUnit"));
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aTrashedUserIsDisabledAndMarkedOnceAndARecycledOneEnabledAndUnmarked() throws LDAPException {
        String user = addUser();

        ActiveDirectoryTrash.trash(admin, user, MONDAY, "users users/Long:1");
        ActiveDirectoryTrash.trash(admin, user, TUESDAY, "users users/Long:1");

        assertThat(UserAccountControl.isDisabled(admin, user)).isTrue();
        assertThat(ActiveDirectoryTrash.trashedAt(admin, user)).isEqualTo(MONDAY);

        ActiveDirectoryTrash.recycle(admin, user);
        ActiveDirectoryTrash.recycle(admin, user);

        assertThat(UserAccountControl.isDisabled(admin, user)).isFalse();
        assertThat(ActiveDirectoryTrash.trashedAt(admin, user)).isNull();
        assertThat(admin.getEntry(user).hasAttribute(ActiveDirectoryTrash.MARK_ATTRIBUTE)).isFalse();
    }

    @Test
    void thePurgeListsAndDeletesTrashedUsersAndGroupsBeforeTheCutoffOldestFirstButNeverAccountsAnAdministratorDisabled()
            throws LDAPException {
        String early = addUser();
        String group = "CN=" + UniqueNames.of("g") + "," + ou;
        admin.add(group, new Attribute("objectClass", "group"));
        String late = addUser();
        String disabledByAnAdministrator = addUser();
        UserAccountControl.disable(admin, disabledByAnAdministrator);

        ActiveDirectoryTrash.trash(admin, late, TUESDAY, "late");
        ActiveDirectoryTrash.trash(admin, group, MONDAY.plusSeconds(60), "group");
        ActiveDirectoryTrash.trash(admin, early, MONDAY, "early");

        assertThat(ActiveDirectoryTrash.trashedBefore(admin, ou, TUESDAY.plusSeconds(1), 2)).containsExactly(
                new TrashedEntry(early, MONDAY, "early"), new TrashedEntry(group, MONDAY.plusSeconds(60), "group"),
                new TrashedEntry(late, TUESDAY, "late"));
        assertThat(ActiveDirectoryTrash.trashedBefore(admin, ou, TUESDAY, 2)).extracting(TrashedEntry::dn)
                .containsExactly(early, group);
        assertThat(UserAccountControl.isAccount(admin, group)).isFalse();

        assertThat(ActiveDirectoryTrash.purge(admin, disabledByAnAdministrator)).isFalse();
        assertThat(ActiveDirectoryTrash.purge(admin, early)).isTrue();
        assertThat(ActiveDirectoryTrash.purge(admin, early)).isFalse();
        assertThat(admin.getEntry(early)).isNull();
        assertThat(admin.getEntry(disabledByAnAdministrator)).isNotNull();
    }

    private String addUser() throws LDAPException {
        String name = TestDirectory.accountName();
        String dn = "CN=" + name + "," + ou;
        admin.add(dn, new Attribute("objectClass", "user"), new Attribute(AccountNames.SAM_ACCOUNT_NAME, name),
                UnicodePwd.attribute("Fírst-Passw0rd"),
                new Attribute(UserAccountControl.ATTRIBUTE, Integer.toString(UserAccountControl.NEW_USER)));
        return dn;
    }
}
