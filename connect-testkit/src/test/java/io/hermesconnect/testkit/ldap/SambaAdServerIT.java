package io.hermesconnect.testkit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Test;

/** Runs only where Samba is installed: the {@code samba-it} profile adds it to the build. */
class SambaAdServerIT {

    private final SambaAdServer samba = SambaAdServer.shared();

    @Test
    void bindsOverLdapsTrustingOnlyItsCertificateAndCheckingTheHostName() throws LDAPException {
        try (LDAPConnection connection = samba.connect()) {
            SearchResultEntry admin = connection.searchForEntry(samba.baseDn(), SearchScope.SUB,
                    "(sAMAccountName=Administrator)");

            assertThat(admin.getDN()).isEqualToIgnoringCase(samba.bindDn());
        }
        assertThat(samba.url()).isEqualTo("ldaps://127.0.0.1:636");
    }

    @Test
    void refusesPlainSimpleBinds() {
        assertThatThrownBy(() -> new LDAPConnection(samba.host(), 389, samba.bindDn(), samba.bindPassword()).close())
                .isInstanceOf(LDAPException.class).hasMessageContaining("ncryption");
    }
}
