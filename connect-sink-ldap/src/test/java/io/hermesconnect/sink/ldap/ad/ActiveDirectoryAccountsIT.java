package io.hermesconnect.sink.ldap.ad;

import static io.hermesconnect.sink.ldap.ad.TestDirectory.SAMBA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.GSSAPIBindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequestProperties;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SASLQualityOfProtection;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.ldap.target.ErrorClass;
import io.hermesconnect.testkit.ldap.SambaAdServer;
import java.util.EnumSet;
import java.util.Locale;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/** Users on a real Samba DC: names, passwords over LDAPS and StartTLS, enabling and disabling. */
class ActiveDirectoryAccountsIT {

    private static final int DONT_EXPIRE_PASSWORD = 0x10000;

    @Test
    void aUserAddedWithAPasswordOverLdapsIsEnabledAndLogsOnWithIt() throws LDAPException {
        String name = TestDirectory.accountName();
        try (LDAPConnection admin = SAMBA.connect()) {
            String dn = TestDirectory.addUser(admin, name, "Fírst-Passw0rd");

            assertThat(admin.getEntry(dn).getAttributeValueAsInteger(UserAccountControl.ATTRIBUTE))
                    .isEqualTo(UserAccountControl.NORMAL_ACCOUNT);
            assertThat(UserAccountControl.isDisabled(admin, dn)).isFalse();
        }
        try (LDAPConnection user = TestDirectory.startTls(name + "@example.test", "Fírst-Passw0rd")) {
            assertThat(user.getSSLSession()).isNotNull();
        }
    }

    @Test
    void everyRandomPasswordOfTheDefaultAndTheSmallestPolicyMeetsSambasComplexityRule() throws LDAPException {
        PasswordPolicy[] policies = {new PasswordPolicy(16, EnumSet.allOf(CharacterClass.class)),
                new PasswordPolicy(8, EnumSet.of(CharacterClass.LOWERCASE, CharacterClass.DIGIT, CharacterClass.SYMBOL))};
        try (LDAPConnection admin = SAMBA.connect()) {
            for (PasswordPolicy policy : policies) {
                for (int i = 0; i < 10; i++) {
                    String name = TestDirectory.accountName();
                    String password = policy.newPassword();
                    TestDirectory.addUser(admin, name, password);

                    TestDirectory.startTls(name + "@example.test", password).close();
                }
            }
        }
    }

    @Test
    void anAdministratorResetsAPasswordOverStartTls() throws LDAPException {
        String name = TestDirectory.accountName();
        try (LDAPConnection admin = TestDirectory.startTls(SAMBA.bindDn(), SAMBA.bindPassword())) {
            String dn = TestDirectory.addUser(admin, name, "Fírst-Passw0rd");
            UnicodePwd.requireProtected(admin, "ldap.security");

            admin.modify(dn, UnicodePwd.replace("Sécond-Passw0rd"));
        }
        // (Samba still accepts the old password for a while after a reset, as AD does for NTLM)
        TestDirectory.startTls(name + "@example.test", "Sécond-Passw0rd").close();
    }

    @Test
    void refusesToSendAPasswordOverPlainLdap() throws LDAPException {
        try (LDAPConnection plain = new LDAPConnection("127.0.0.1", 389)) {
            assertThatThrownBy(() -> UnicodePwd.requireProtected(plain, "ldap.security"))
                    .isExactlyInstanceOf(ConnectException.class)
                    .hasMessageContaining("ldap.security").hasMessageContaining("ldaps or starttls");
        }
    }

    @Test
    void sambaAnswersAPlainPasswordWriteAsAConfigurationError() throws LDAPException {
        String name = TestDirectory.accountName();
        String dn;
        try (LDAPConnection admin = SAMBA.connect()) {
            dn = TestDirectory.addUser(admin, name, "Fírst-Passw0rd");
        }
        // Samba refuses simple binds without TLS, so a plain connection stays anonymous
        try (LDAPConnection plain = new LDAPConnection("127.0.0.1", 389)) {
            assertThatThrownBy(() -> plain.bind(SAMBA.bindDn(), SAMBA.bindPassword()))
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(ActiveDirectoryErrors.classify(e))
                            .isEqualTo(ErrorClass.CONFIGURATION));
            assertThatThrownBy(() -> plain.modify(dn, UnicodePwd.replace("Sécond-Passw0rd")))
                    .isInstanceOfSatisfying(LDAPException.class, e -> {
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.OPERATIONS_ERROR);
                        assertThat(ActiveDirectoryErrors.subCode(e)).contains(0x2020);
                        assertThat(ActiveDirectoryErrors.classify(e)).isEqualTo(ErrorClass.CONFIGURATION);
                    });
        }
    }

    @Test
    void sambaTakesAPasswordOverAPlainConnectionThatIsOnlySignedSoTheSinkMustCheckItself() throws LDAPException {
        String dn;
        try (LDAPConnection admin = SAMBA.connect()) {
            dn = TestDirectory.addUser(admin, TestDirectory.accountName(), "Fírst-Passw0rd");
        }
        try (LDAPConnection plain = new LDAPConnection("127.0.0.1", 389)) {
            assertThatThrownBy(() -> plain.bind(kerberosBind(SASLQualityOfProtection.AUTH)))
                    .isInstanceOfSatisfying(LDAPException.class, e -> {
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.STRONG_AUTH_REQUIRED);
                        assertThat(ActiveDirectoryErrors.classify(e)).isEqualTo(ErrorClass.CONFIGURATION);
                    });
        }
        // Kerberos with integrity only: every message is signed, none is encrypted, and Samba accepts a password
        try (LDAPConnection signed = new LDAPConnection("127.0.0.1", 389)) {
            signed.bind(kerberosBind(SASLQualityOfProtection.AUTH_INT));

            signed.modify(dn, UnicodePwd.replace("Sécond-Passw0rd"));
            assertThatThrownBy(() -> UnicodePwd.requireProtected(signed, "ldap.security"))
                    .isExactlyInstanceOf(ConnectException.class);
        }
    }

    /** A Kerberos (SASL GSSAPI) bind as the administrator; Samba's DC has {@code host/} service names only. */
    private static GSSAPIBindRequest kerberosBind(SASLQualityOfProtection protection) throws LDAPException {
        GSSAPIBindRequestProperties properties =
                new GSSAPIBindRequestProperties("Administrator@" + SambaAdServer.REALM, SAMBA.bindPassword());
        properties.setRealm(SambaAdServer.REALM);
        properties.setKDCAddress("127.0.0.1");
        properties.setSASLClientServerName("dc1." + SambaAdServer.REALM.toLowerCase(Locale.ROOT));
        properties.setServicePrincipalProtocol("host");
        properties.setUseTicketCache(false);
        properties.setAllowedQoP(protection);
        return new GSSAPIBindRequest(properties);
    }

    @Test
    void disablingAndEnablingKeepTheOtherFlagsAndADisabledUserCannotLogOn() throws LDAPException {
        String name = TestDirectory.accountName();
        try (LDAPConnection admin = SAMBA.connect()) {
            String dn = TestDirectory.addUser(admin, name, "Fírst-Passw0rd");
            admin.modify(dn, new Modification(ModificationType.REPLACE, UserAccountControl.ATTRIBUTE,
                    Integer.toString(UserAccountControl.NORMAL_ACCOUNT | DONT_EXPIRE_PASSWORD)));

            assertThat(UserAccountControl.disable(admin, dn)).isTrue();
            assertThat(UserAccountControl.disable(admin, dn)).isFalse();
            assertThat(admin.getEntry(dn).getAttributeValueAsInteger(UserAccountControl.ATTRIBUTE)).isEqualTo(
                    UserAccountControl.NORMAL_ACCOUNT | DONT_EXPIRE_PASSWORD | UserAccountControl.ACCOUNTDISABLE);
            assertThatThrownBy(() -> TestDirectory.startTls(name + "@example.test", "Fírst-Passw0rd"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(ActiveDirectoryErrors.subCode(e)).contains(0x533));

            assertThat(UserAccountControl.enable(admin, dn)).isTrue();
            assertThat(UserAccountControl.enable(admin, dn)).isFalse();
            assertThat(admin.getEntry(dn).getAttributeValueAsInteger(UserAccountControl.ATTRIBUTE))
                    .isEqualTo(UserAccountControl.NORMAL_ACCOUNT | DONT_EXPIRE_PASSWORD);
        }
        TestDirectory.startTls(name + "@example.test", "Fírst-Passw0rd").close();
    }

    @Test
    void withoutSamAccountNameSambaInventsOneWhichIsWhyTheSinkRefusesSuchAUser() throws LDAPException {
        String dn = TestDirectory.dnOf(TestDirectory.accountName());
        try (LDAPConnection admin = SAMBA.connect()) {
            admin.add(dn, new Attribute("objectClass", "user"));

            assertThat(admin.getEntry(dn).getAttributeValue(AccountNames.SAM_ACCOUNT_NAME)).startsWith("$");
        }
    }

    @Test
    void enablingSomethingThatIsNotAnAccountIsADataError() throws LDAPException {
        try (LDAPConnection admin = SAMBA.connect()) {
            assertThatThrownBy(() -> UserAccountControl.enable(admin, TestDirectory.dnOf("nobody-here")))
                    .isInstanceOf(TargetDataException.class).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> UserAccountControl.disable(admin, SAMBA.usersDn()))
                    .isInstanceOf(TargetDataException.class).hasMessageContaining("not an account");
        }
    }
}
