package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegexSearchFilterTest {

    @Test
    void returnsTheFirstMatch() {
        assertThat(Render.withValue("{{ value | regex_search('[0-9]+') }}", "room 42, floor 3")).isEqualTo("42");
    }

    @Test
    void returnsAGroup() {
        assertThat(Render.withValue("{{ value | regex_search('(\\\\w+)@(\\\\w+)', 2) }}", "ada@example")).isEqualTo("example");
        assertThat(Render.withValue("{{ value | regex_search('^cn=([^,]+)', '1') }}", "cn=ada,ou=people")).isEqualTo("ada");
    }

    @Test
    void returnsNoneWhenNothingMatches() {
        assertThat(Render.withValue("{{ value | regex_search('x') }}", "abc")).isNull();
        assertThat(Render.withValue("{{ value | regex_search('x') | default('no match') }}", "abc")).isEqualTo("no match");
        assertThat(Render.withValue("{{ value | regex_search('x') }}", null)).isNull();
    }

    @Test
    void searchesTheTextOfNonStrings() {
        assertThat(Render.withValue("{{ value | regex_search('[0-9]{2}') }}", 2024)).isEqualTo("20");
    }

    @Test
    void runsCatastrophicPatternsInLinearTime() {
        assertThat(Render.withValue("{{ value | regex_search('(a+)+b') }}", "a".repeat(5000) + "c")).isNull();
    }

    @Test
    void reportsBadPatternsAndGroups() {
        assertThatThrownBy(() -> Render.withValue("{{ value | regex_search('(') }}", "x"))
                .hasMessageContaining("regex_search: invalid pattern");
        assertThatThrownBy(() -> Render.withValue("{{ value | regex_search('x', 3) }}", "x"))
                .hasMessageContaining("regex_search: the group must be the number of a group of the pattern");
        assertThatThrownBy(() -> Render.withValue("{{ value | regex_search }}", "x"))
                .hasMessageContaining("regex_search: argument 'pattern' is required");
    }
}
