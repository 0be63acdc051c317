package io.hermesconnect.sink.ldap.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import org.junit.jupiter.api.Test;

class EntryLocatorTest {

    private static final EntryKind USERS = (EntryKind) new LdapSinkConfig(HrKinds.config("ldap://127.0.0.1:1")).kinds().get(0);

    @Test
    void filterValuesAreEscapedPerRfc4515() throws Exception {
        Filter filter = EntryLocator.filter(USERS, "a*(b)\\c\u0000é");

        assertThat(filter.toString()).isEqualTo("(employeeNumber=a\\2a\\28b\\29\\5cc\\00\\c3\\a9)");
        assertThat(Filter.create(filter.toString()).getAssertionValue()).isEqualTo("a*(b)\\c\u0000é");
    }
}
