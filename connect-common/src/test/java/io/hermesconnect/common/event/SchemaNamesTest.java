package io.hermesconnect.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaNamesTest {

    @Test
    void keepsValidNames() {
        assertThat(SchemaNames.of("app", "public", "users")).isEqualTo("app.public.users");
    }

    @Test
    void replacesCharactersAvroRejects() {
        assertThat(SchemaNames.of("my-app", "public", "order lines$")).isEqualTo("my_app.public.order_lines_");
    }

    @Test
    void prefixesPartsThatStartWithADigit() {
        assertThat(SchemaNames.of("app", "2024_sales")).isEqualTo("app._2024_sales");
    }

    @Test
    void skipsNullPartsAndFillsEmptyOnes() {
        assertThat(SchemaNames.of("app", null, "Users")).isEqualTo("app.Users");
        assertThat(SchemaNames.sanitize("app..x")).isEqualTo("app._.x");
    }

    @Test
    void replacesNonAsciiLetters() {
        assertThat(SchemaNames.of("app", "élèves")).isEqualTo("app._l_ves");
    }
}
