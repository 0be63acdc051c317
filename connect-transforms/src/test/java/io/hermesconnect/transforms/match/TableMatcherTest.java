package io.hermesconnect.transforms.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.transforms.match.TableMatcher.Syntax;
import org.junit.jupiter.api.Test;

class TableMatcherTest {

    @Test
    void globsQuoteEverythingButTheirWildcards() {
        assertThat(TableMatcher.globToRegex("public.a+b")).isEqualTo("\\Qpublic.a+b\\E");
        assertThat(TableMatcher.of("public.a+b", Syntax.GLOB).matches("public.a+b")).isTrue();
        assertThat(TableMatcher.of("public.a+b", Syntax.GLOB).matches("publicXa+b")).isFalse();
        assertThat(TableMatcher.of("*", Syntax.GLOB).matches("any.thing")).isTrue();
        assertThat(TableMatcher.of("{a,b}.?x*", Syntax.GLOB).matches("b.1xyz")).isTrue();
        assertThat(TableMatcher.of("a,b", Syntax.GLOB).matches("a,b")).isTrue();
    }

    @Test
    void regexMustMatchTheWholeName() {
        assertThat(TableMatcher.of("users", Syntax.REGEX).matches("public.users")).isFalse();
        assertThat(TableMatcher.of(".*users", Syntax.REGEX).matches("public.users")).isTrue();
        assertThat(TableMatcher.of(".*", Syntax.REGEX).matches((String) null)).isFalse();
    }

    @Test
    void badPatternsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> TableMatcher.of("a{b", Syntax.GLOB)).hasMessageContaining("'{' without '}'");
        assertThatThrownBy(() -> TableMatcher.of("a}b", Syntax.GLOB)).hasMessageContaining("'}' without '{'");
        assertThatThrownBy(() -> TableMatcher.of("{a,{b}}", Syntax.GLOB)).hasMessageContaining("nested");
        assertThatThrownBy(() -> TableMatcher.of("a(b", Syntax.REGEX)).hasMessageContaining("not a valid regular expression");
    }
}
