package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JinjaEngineTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    @Test
    void cachesCompiledTemplatesBySource() {
        Template first = ENGINE.compile("Hello {{ name }}");

        assertThat(ENGINE.compile("Hello {{ name }}")).isSameAs(first);
        assertThat(ENGINE.compile("Hello {{ name }}!")).isNotSameAs(first);
    }

    @Test
    void keepsTheSource() {
        assertThat(ENGINE.compile("a {{ b }}").source()).isEqualTo("a {{ b }}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", textBlock = """
            {{ name | nosuch }} ==> unknown filter 'nosuch'
            {{ name | upper | nosuch('x') }} ==> unknown filter 'nosuch'
            {% if name | nosuch %}x{% endif %} ==> unknown filter 'nosuch'
            {% for x in items | nosuch %}{% endfor %} ==> unknown filter 'nosuch'
            {% set y = name | nosuch %} ==> unknown filter 'nosuch'
            {{ name is nosuch }} ==> unknown test 'nosuch'
            {{ nosuch(1) }} ==> unknown function 'nosuch'
            {{ today() }} ==> unknown function 'today'
            {{ fn:list(1) }} ==> unknown function 'fn:list'
            {% nosuch %} ==> Unknown tag: nosuch
            {{ 1 + }} ==> syntax error in '1 +': found '}'
            {% if %}x{% endif %} ==> syntax error
            {% set a.b = 1 %} ==> 'set' assigns plain variable names only
            {% for x items %}{% endfor %} ==> Tag 'for' expects valid 'in' clause
            """)
    void rejectsBadTemplatesAtCompileTime(String source, String problem) {
        assertThatThrownBy(() -> ENGINE.compile(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Invalid template '")
                .hasMessageContaining(problem);
    }

    @Test
    void tellsWhereTheProblemIs() {
        assertThatThrownBy(() -> ENGINE.compile("line one\nline two {{ x | nosuch }}"))
                .hasMessageEndingWith("(line 2, column 10)");
    }

    @Test
    void reportsAnUnclosedTag() {
        assertThatThrownBy(() -> ENGINE.compile("{% if x %}never closed"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("if");
    }

    @Test
    void checksEveryBranchNotOnlyTheOneRendered() {
        assertThatThrownBy(() -> ENGINE.compile("{% if true %}ok{% else %}{{ x | nosuch }}{% endif %}"))
                .hasMessageContaining("unknown filter 'nosuch'");
    }

    @Test
    void shortensLongTemplatesInMessages() {
        String longSource = "{{ x | nosuch }}" + " padding".repeat(20);

        assertThatThrownBy(() -> ENGINE.compile(longSource))
                .hasMessageContaining("…'")
                .message().asString().hasSizeLessThan(200);
    }

    @Test
    void offersOurFiltersAndTheUsualJinjaOnes() {
        for (String filter : new String[] {"regex_search('a')", "ldap_password_hash('SSHA')", "crypto_rsa_oaep('encrypt', 'k')",
                "normalize", "unique", "date_format('yyyy')", "default('x')", "d('x')", "lower", "upper", "replace('a', 'b')",
                "join(',')", "split(',')", "length", "first", "last", "trim", "title", "tojson", "b64encode", "regex_replace('a', 'b')"}) {
            ENGINE.compile("{{ x | " + filter + " }}");
        }
    }
}
