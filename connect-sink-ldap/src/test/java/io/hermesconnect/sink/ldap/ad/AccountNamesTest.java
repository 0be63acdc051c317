package io.hermesconnect.sink.ldap.ad;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import io.hermesconnect.common.sink.TargetDataException;
import org.junit.jupiter.api.Test;

class AccountNamesTest {

    @Test
    void acceptsAUserWithAValidNameAndPrincipalOrNoPrincipal() {
        assertThatCode(() -> AccountNames.check(user("jdoe", "jdoe@example.test"), "users")).doesNotThrowAnyException();
        assertThatCode(() -> AccountNames.check(user("jdoe", null), "users")).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatADWouldBreakNamingTheAttributeButNotTheValue() {
        assertThatThrownBy(() -> AccountNames.check(user(null, "jdoe@example.test"), "users"))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("sAMAccountName is missing")
                .hasMessageContaining("kind users");
        assertThatThrownBy(() -> AccountNames.check(user("a-name-of-twenty-one!", null), "users"))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("longer than 20")
                .message().doesNotContain("twenty");
        assertThatThrownBy(() -> AccountNames.check(user("j,doe", null), "users"))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("sAMAccountName contains");
        assertThatThrownBy(() -> AccountNames.check(user("jdoe", "jdoe"), "users"))
                .isInstanceOf(TargetDataException.class).hasMessageContaining("userPrincipalName is not");
    }

    private static Entry user(String samAccountName, String principal) {
        Entry entry = new Entry("CN=John Doe,CN=Users,DC=example,DC=test", new Attribute("objectClass", "user"));
        if (samAccountName != null) {
            entry.addAttribute(AccountNames.SAM_ACCOUNT_NAME, samAccountName);
        }
        if (principal != null) {
            entry.addAttribute(AccountNames.USER_PRINCIPAL_NAME, principal);
        }
        return entry;
    }
}
