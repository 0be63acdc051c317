package io.hermesconnect.sink.ldap.ad;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import io.hermesconnect.sink.ldap.target.ErrorClass;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * The parts the domain controller cannot be made to produce on demand (busy, unavailable) and the parsing of
 * sub-codes; {@code ActiveDirectoryErrorsIT} provokes every other class on a real Samba DC.
 */
class ActiveDirectoryErrorsTest {

    /** An exception as the SDK makes it from a server's answer, with a diagnostic message. */
    private static LDAPException answer(ResultCode code, String diagnosticMessage) {
        return new LDAPException(new LDAPResult(1, code, diagnosticMessage, null, (String[]) null, (Control[]) null));
    }

    @Test
    void busyAndUnavailableServersAreRetried() {
        assertThat(ActiveDirectoryErrors.classify(answer(ResultCode.BUSY, "00002024: busy")))
                .isEqualTo(ErrorClass.UNAVAILABLE);
        assertThat(ActiveDirectoryErrors.classify(answer(ResultCode.UNAVAILABLE, "")))
                .isEqualTo(ErrorClass.UNAVAILABLE);
        assertThat(ActiveDirectoryErrors.classify(answer(ResultCode.ADMIN_LIMIT_EXCEEDED, "")))
                .isEqualTo(ErrorClass.UNAVAILABLE);
    }

    @Test
    void findsTheSubCodeAfterDataOrAtTheStart() {
        assertThat(ActiveDirectoryErrors.subCode(answer(ResultCode.CONSTRAINT_VIOLATION, "0000052D: Constraint violation - check_password_restrictions: too short"))).contains(0x52D);
        assertThat(ActiveDirectoryErrors.subCode(answer(ResultCode.INVALID_CREDENTIALS, "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1")))
                .contains(0x52E);
        assertThat(ActiveDirectoryErrors.subCode(answer(ResultCode.UNWILLING_TO_PERFORM, "00000005: SvcErr: DSID-03152E29, problem 5003 (WILL_NOT_PERFORM), data 0"))).contains(0x5);
        assertThat(ActiveDirectoryErrors.subCode(answer(ResultCode.INVALID_CREDENTIALS, "LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 775, v1db1"))).contains(0x775);
        assertThat(ActiveDirectoryErrors.subCode(answer(ResultCode.ENTRY_ALREADY_EXISTS, "Entry CN=x already exists"))).isEmpty();
        assertThat(ActiveDirectoryErrors.subCode(new LDAPException(ResultCode.SERVER_DOWN))).isEmpty();
    }

    @Test
    void describesWithoutTheDiagnosticMessagesValues() {
        LDAPException e = answer(ResultCode.ENTRY_ALREADY_EXISTS, "00002071: samldb: samAccountName 'secret-name' already in use!");

        assertThat(ActiveDirectoryErrors.describe(e)).isEqualTo("entry already exists (68), sub-code 00002071: the name"
                + " is already in use (sAMAccountName, userPrincipalName or DN)").doesNotContain("secret-name");
        assertThat(ActiveDirectoryErrors.describe(answer(ResultCode.OTHER, "0000ABCD: x 'v'")))
                .isEqualTo("other (80), sub-code 0000ABCD");
    }

    @Test
    void becomesTheSinkCoresExceptionOfItsClass() {
        assertThat(ActiveDirectoryErrors.toSinkException(answer(ResultCode.CONSTRAINT_VIOLATION, "0000052D: Constraint violation"), "adding a user of kind users"))
                .isInstanceOf(TargetDataException.class)
                .hasMessage("Active Directory refused adding a user of kind users: constraint violation (19),"
                        + " sub-code 0000052D: the password does not meet the domain's password policy");
        assertThat(ActiveDirectoryErrors.toSinkException(new LDAPException(ResultCode.CONNECT_ERROR), "reading an entry"))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("Active Directory is unavailable for reading an entry: connect error (91) (retrying)");
        assertThat(ActiveDirectoryErrors.toSinkException(new LDAPException(ResultCode.INVALID_CREDENTIALS), "x"))
                .isExactlyInstanceOf(ConnectException.class);
    }
}
