package io.hermesconnect.sink.ldap.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicodePwdTest {

    @Test
    void quotesThePasswordAndEncodesItAsUtf16LittleEndian() {
        assertThat(UnicodePwd.encode("Aé!")).containsExactly('"', 0, 'A', 0, 0xE9, 0, '!', 0, '"', 0);
    }

    @Test
    void groupTypesAreSignedAsADWritesThem() {
        assertThat(GroupScope.GLOBAL.groupType(true)).isEqualTo("-2147483646");
        assertThat(GroupScope.UNIVERSAL.groupType(false)).isEqualTo("8");
        assertThat(GroupScope.DOMAIN_LOCAL.groupType(true)).isEqualTo("-2147483644");
    }
}
