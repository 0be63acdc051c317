package io.hermesconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void givesDistinctIdentifierSafeNamesWithThePrefix() {
        String first = UniqueNames.of("orders");
        String second = UniqueNames.of("orders");

        assertThat(first).isNotEqualTo(second).startsWith("orders_").matches("[a-z0-9_]+");
    }
}
