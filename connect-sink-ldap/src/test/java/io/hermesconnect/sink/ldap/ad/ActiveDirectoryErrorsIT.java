package io.hermesconnect.sink.ldap.ad;

import static io.hermesconnect.sink.ldap.ad.TestDirectory.SAMBA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import io.hermesconnect.sink.ldap.target.ErrorClass;
import io.hermesconnect.testkit.FreePort;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each class of {@link ActiveDirectoryErrors#classify}, provoked on a real Samba DC. */
class ActiveDirectoryErrorsIT {

    /** The domain's number of wrong passwords that locks an account; 0 (Samba's default) never locks. */
    private static final String LOCKOUT_THRESHOLD = "lockoutThreshold";

    @Test
    void aPasswordThePolicyRefusesIsADataError() throws LDAPException {
        try (LDAPConnection admin = SAMBA.connect()) {
            assertClass(() -> TestDirectory.addUser(admin, TestDirectory.accountName(), "short"),
                    ResultCode.CONSTRAINT_VIOLATION, 0x52D, ErrorClass.DATA);
        }
    }

    @Test
    void aNameInUseIsADataError() throws LDAPException {
        try (LDAPConnection admin = SAMBA.connect()) {
            String name = TestDirectory.accountName();
            TestDirectory.addUser(admin, name, "Fírst-Passw0rd");
            String otherDn = TestDirectory.dnOf(TestDirectory.accountName());

            assertClass(() -> admin.add(otherDn, new Attribute("objectClass", "user"),
                            new Attribute(AccountNames.SAM_ACCOUNT_NAME, name)),
                    ResultCode.ENTRY_ALREADY_EXISTS, 0x2071, ErrorClass.DATA);
            assertClass(() -> TestDirectory.addUser(admin, name, "Fírst-Passw0rd"),
                    ResultCode.ENTRY_ALREADY_EXISTS, null, ErrorClass.DATA);
        }
    }

    @Test
    void aMissingParentAnUnknownAttributeAndARefusedDeleteAreDataErrors() throws LDAPException {
        try (LDAPConnection admin = SAMBA.connect()) {
            assertClass(() -> admin.add("CN=x,OU=missing," + SAMBA.baseDn(), new Attribute("objectClass", "user"),
                    new Attribute(AccountNames.SAM_ACCOUNT_NAME, TestDirectory.accountName())),
                    ResultCode.NO_SUCH_OBJECT, 0x2030, ErrorClass.DATA);
            assertClass(() -> admin.add(TestDirectory.dnOf(TestDirectory.accountName()),
                            new Attribute("objectClass", "user"), new Attribute("noSuchAttribute", "x")),
                    ResultCode.NO_SUCH_ATTRIBUTE, 0x200A, ErrorClass.DATA);
            assertClass(() -> admin.delete(SAMBA.usersDn()), ResultCode.UNWILLING_TO_PERFORM, 0x2035, ErrorClass.DATA);
        }
    }

    @Test
    void aRightTheBindUserLacksIsADataErrorOfTheObject() throws LDAPException {
        String name = TestDirectory.accountName();
        String other;
        try (LDAPConnection admin = SAMBA.connect()) {
            TestDirectory.addUser(admin, name, "Fírst-Passw0rd");
            other = TestDirectory.addUser(admin, TestDirectory.accountName(), "Fírst-Passw0rd");
        }
        try (LDAPConnection user = TestDirectory.startTls(name + "@example.test", "Fírst-Passw0rd")) {
            assertClass(() -> user.modify(other, new Modification(ModificationType.REPLACE, "description", "x")),
                    ResultCode.INSUFFICIENT_ACCESS_RIGHTS, null, ErrorClass.DATA);
        }
    }

    @Test
    void aWrongBindPasswordIsAConfigurationError() {
        assertClass(() -> TestDirectory.startTls(SAMBA.bindDn(), "wrong"),
                ResultCode.INVALID_CREDENTIALS, 0x52E, ErrorClass.CONFIGURATION);
    }

    @Test
    void aLockedOutBindAccountIsUnavailableUntilItUnlocks() throws LDAPException {
        String name = TestDirectory.accountName();
        try (LDAPConnection admin = SAMBA.connect()) {
            TestDirectory.addUser(admin, name, "Fírst-Passw0rd");
            admin.modify(SAMBA.baseDn(), new Modification(ModificationType.REPLACE, LOCKOUT_THRESHOLD, "2"));
            try {
                for (int attempt = 0; attempt < 2; attempt++) {
                    assertClass(() -> TestDirectory.startTls(name + "@example.test", "wrong"),
                            ResultCode.INVALID_CREDENTIALS, 0x52E, ErrorClass.CONFIGURATION);
                }

                assertClass(() -> TestDirectory.startTls(name + "@example.test", "Fírst-Passw0rd"),
                        ResultCode.INVALID_CREDENTIALS, 0x775, ErrorClass.UNAVAILABLE);
            } finally {
                admin.modify(SAMBA.baseDn(), new Modification(ModificationType.REPLACE, LOCKOUT_THRESHOLD, "0"));
            }
        }
    }

    @Test
    void aClosedPortATimeoutAndAClosedConnectionMeanUnavailable() throws LDAPException {
        int closedPort = FreePort.find();
        assertClass(() -> new LDAPConnection("127.0.0.1", closedPort).close(),
                ResultCode.CONNECT_ERROR, null, ErrorClass.UNAVAILABLE);
        try (LDAPConnection admin = SAMBA.connect()) {
            admin.getConnectionOptions().setResponseTimeoutMillis(1);
            assertClass(() -> admin.search(SAMBA.baseDn(), SearchScope.SUB, "(objectClass=*)"),
                    ResultCode.TIMEOUT, null, ErrorClass.UNAVAILABLE);
        }
        LDAPConnection closed = SAMBA.connect();
        closed.close();
        assertClass(() -> closed.getEntry(SAMBA.baseDn()), ResultCode.SERVER_DOWN, null, ErrorClass.UNAVAILABLE);
    }

    private static void assertClass(ThrowingCallable operation, ResultCode code, Integer subCode, ErrorClass expected) {
        assertThatThrownBy(operation).isInstanceOfSatisfying(LDAPException.class, e -> {
            assertThat(e.getResultCode()).isEqualTo(code);
            if (subCode != null) {
                assertThat(ActiveDirectoryErrors.subCode(e)).contains(subCode);
            }
            assertThat(ActiveDirectoryErrors.classify(e)).isEqualTo(expected);
        });
    }
}
