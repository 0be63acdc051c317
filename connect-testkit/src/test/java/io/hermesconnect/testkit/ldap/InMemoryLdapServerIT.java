package io.hermesconnect.testkit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InMemoryLdapServerIT {

    private static InMemoryLdapServer ldap;

    @BeforeAll
    static void start() {
        ldap = InMemoryLdapServer.startWithLdaps();
    }

    @AfterAll
    static void stop() {
        ldap.close();
    }

    @Test
    void servesTheSuffixWithPeopleAndGroups() throws LDAPException {
        try (LDAPConnection connection = ldap.connect()) {
            SearchResult result = connection.search(ldap.baseDn(), SearchScope.ONE, "(objectClass=organizationalUnit)");

            assertThat(result.getSearchEntries()).extracting(e -> e.getDN())
                    .containsExactlyInAnyOrder(ldap.peopleDn(), ldap.groupsDn());
        }
        assertThat(ldap.url()).isEqualTo("ldap://127.0.0.1:" + ldap.port());
    }

    @Test
    void storesAndFindsAPersonOverLdaps() throws LDAPException {
        try (LDAPConnection connection = ldap.connectLdaps()) {
            connection.add("uid=jdoe," + ldap.peopleDn(), new Attribute("objectClass", "inetOrgPerson"),
                    new Attribute("uid", "jdoe"), new Attribute("cn", "John Doe"),
                    new Attribute("sn", "Doe"));

            assertThat(connection.searchForEntry(ldap.baseDn(), SearchScope.SUB, "(uid=jdoe)").getAttributeValue("cn"))
                    .isEqualTo("John Doe");
        }
        assertThat(ldap.directory().entryExists("uid=jdoe," + ldap.peopleDn())).isTrue();
        assertThat(ldap.ldapsUrl()).startsWith("ldaps://127.0.0.1:");
    }

    @Test
    void rejectsAWrongAdminPassword() {
        assertThatThrownBy(() -> new LDAPConnection(ldap.host(), ldap.port(), ldap.bindDn(), "wrong").close())
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
    }

    @Test
    void hasNoLdapsUnlessAskedFor() {
        try (InMemoryLdapServer plain = InMemoryLdapServer.start()) {
            assertThatThrownBy(plain::trustStore).isInstanceOf(IllegalStateException.class);
        }
    }
}
