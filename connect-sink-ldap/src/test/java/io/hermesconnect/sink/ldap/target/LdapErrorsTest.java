package io.hermesconnect.sink.ldap.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.common.sink.TargetUnavailableException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LdapErrorsTest {

    @ParameterizedTest
    @ValueSource(ints = {81, 91, 85, 51, 52, 3, 11, 54, 80, 82, 84, 90})
    void theServerOrTheConnectionFailingIsUnavailable(int code) {
        RuntimeException failure = LdapErrors.of("adding an entry", "users",
                new LDAPException(ResultCode.valueOf(code), "uid=secret-name,ou=people"));

        assertThat(failure).isInstanceOf(TargetUnavailableException.class).hasMessageNotContaining("secret-name");
    }

    @ParameterizedTest
    @ValueSource(ints = {49, 48})
    void theSinksOwnBindRefusedFailsTheTaskNamingTheBindKeys(int code) {
        RuntimeException failure = LdapErrors.of("adding an entry", "users",
                new LDAPException(ResultCode.valueOf(code), "uid=secret-name,ou=people"));

        assertThat(LdapErrors.classify(ResultCode.valueOf(code))).isEqualTo(ErrorClass.CONFIGURATION);
        assertThat(failure).isExactlyInstanceOf(ConnectException.class)
                .hasMessageContaining("check ldap.bind.dn and ldap.bind.password")
                .hasMessageNotContaining("secret-name");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 13, 7})
    void aServerThatWantsProtectionFailsTheTaskNamingTheSecurityKey(int code) {
        assertThat(LdapErrors.of("adding an entry", "users", new LDAPException(ResultCode.valueOf(code))))
                .isExactlyInstanceOf(ConnectException.class).hasMessageContaining("check ldap.security");
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 17, 21, 19, 32, 68, 50, 64, 20, 16, 69, 67, 53, 89})
    void aRefusalOfTheEventsDataParksItAndQuotesNothingOfIt(int code) {
        RuntimeException failure = LdapErrors.of("adding an entry", "users",
                new LDAPException(ResultCode.valueOf(code), "uid=secret-name,ou=people: value 'secret-value' invalid"));

        assertThat(failure).isInstanceOf(TargetDataException.class)
                .hasMessageStartingWith("LDAP adding an entry of kind 'users' failed: ")
                .hasMessageNotContaining("secret")
                .hasNoCause();
    }
}
