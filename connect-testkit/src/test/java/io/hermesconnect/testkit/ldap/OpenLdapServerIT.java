package io.hermesconnect.testkit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Test;

/** Runs only where slapd is installed: the {@code slapd-it} profile adds it to the build. */
class OpenLdapServerIT {

    @Test
    void bindsSearchesAndWritesThenStopsOnClose() throws LDAPException {
        int port;
        try (OpenLdapServer slapd = OpenLdapServer.start(); LDAPConnection connection = slapd.connect()) {
            port = slapd.port();
            connection.add("uid=jdoe," + slapd.peopleDn(), new Attribute("objectClass", "inetOrgPerson", "posixAccount"),
                    new Attribute("uid", "jdoe"), new Attribute("cn", "John Doe"), new Attribute("sn", "Doe"),
                    new Attribute("uidNumber", "1000"), new Attribute("gidNumber", "1000"),
                    new Attribute("homeDirectory", "/home/jdoe"));

            assertThat(connection.search(slapd.baseDn(), SearchScope.ONE, "(objectClass=organizationalUnit)")
                    .getEntryCount()).isEqualTo(2);
            assertThat(connection.searchForEntry(slapd.baseDn(), SearchScope.SUB, "(uid=jdoe)").getAttributeValue("cn"))
                    .isEqualTo("John Doe");
            assertThatThrownBy(() -> new LDAPConnection(slapd.host(), slapd.port(), slapd.bindDn(), "wrong").close())
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
        }
        assertThatThrownBy(() -> new LDAPConnection("127.0.0.1", port).close()).isInstanceOf(LDAPException.class);
    }

    @Test
    void restartsAfterAStopWithTheDataItHad() throws LDAPException {
        try (OpenLdapServer slapd = OpenLdapServer.start()) {
            slapd.stop();
            assertThatThrownBy(() -> slapd.connect().close()).isInstanceOf(LDAPException.class);

            slapd.restart();
            try (LDAPConnection connection = slapd.connect()) {
                assertThat(connection.getEntry(slapd.peopleDn())).isNotNull();
            }
        }
    }
}
