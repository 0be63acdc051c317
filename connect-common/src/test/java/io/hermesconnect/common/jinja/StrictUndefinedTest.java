package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictUndefinedTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    private static final Map<String, Object> VARIABLES = variables();

    private static Map<String, Object> variables() {
        Map<String, Object> row = new HashMap<>();
        row.put("cn", "ada");
        row.put("mail", null);
        Map<String, Object> variables = new HashMap<>();
        variables.put("after", row);
        variables.put("before", null);
        variables.put("items", List.of(1, 2));
        return variables;
    }

    private static Object render(String source) {
        return ENGINE.compile(source).render(VARIABLES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {{ missing }}                             ==> 'missing' is undefined
            {{ missing.attr }}                        ==> 'missing' is undefined
            {{ after.missing }}                       ==> 'after.missing' is undefined
            {{ after['missing'] }}                    ==> 'after['missing']' is undefined
            {{ items[5] }}                            ==> 'items[5]' is undefined
            {{ after.cn.length }}                     ==> 'after.cn.length' is undefined
            {{ before.cn }}                           ==> 'before.cn' is undefined: its parent is none
            {{ missing ~ 'x' }}                       ==> 'missing' is undefined
            {{ missing | upper }}                     ==> 'missing' is undefined
            {% if missing %}x{% endif %}              ==> 'missing' is undefined
            {% if after.missing == 1 %}x{% endif %}   ==> 'after.missing' is undefined
            {% for x in missing %}{% endfor %}        ==> 'missing' is undefined
            {% set y = missing %}                     ==> 'missing' is undefined
            text {{ missing }} text                   ==> 'missing' is undefined
            """)
    void failsOnUndefinedVariablesAndAttributes(String source, String problem) {
        assertThatThrownBy(() -> render(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Cannot render template '")
                .hasMessageContaining(problem)
                .hasMessageEndingWith("(line 1)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {{ missing | default('x') }}                      ==> x
            {{ missing | d('x') }}                            ==> x
            {{ missing.attr | default('x') }}                 ==> x
            {{ after.missing | default('x') }}                ==> x
            {{ after.mail | default('x') }}                   ==> x
            {{ after.cn | default('x') }}                     ==> ada
            {{ items[9] | default('x') }}                     ==> x
            {{ before.cn | default('x') }}                    ==> x
            {{ missing is defined }}                          ==> false
            {{ missing is undefined }}                        ==> true
            {{ after.missing is defined }}                    ==> false
            {{ after.cn is defined }}                         ==> true
            {{ missing is not defined }}                      ==> true
            {% if missing is defined and missing %}y{% else %}n{% endif %} ==> n
            {{ missing | default(after.cn) | upper }}         ==> ADA
            {{ missing | upper | default('x') }}              ==> x
            """)
    void letsDefaultAndIsDefinedHandleUndefined(String source, String expected) {
        assertThat(String.valueOf(render(source))).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void treatsTheWholeOperandOfDefaultAsTolerant() {
        // broader than Jinja's StrictUndefined, where only the last step may be undefined
        assertThat(render("{{ (missing ~ 'x') | default('y') }}")).isEqualTo("x");
    }

    @Test
    void treatsVariablesBoundToNullAsDefined() {
        assertThat(render("{{ before }}")).isNull();
        assertThat(render("{{ after.mail }}")).isNull();
        assertThat(render("[{{ before }}]")).isEqualTo("[]");
    }

    @Test
    void seesVariablesSetInTheTemplateAndLoopVariables() {
        assertThat(render("{% set x = 1 %}{{ x }}")).isEqualTo("1");
        assertThat(render("{% set x = none %}[{{ x }}]")).isEqualTo("[]");
        assertThat(render("{% for i in items %}{{ i }}{% endfor %}")).isEqualTo("12");
        assertThatThrownBy(() -> render("{% for i in items %}{% endfor %}{{ i }}")).hasMessageContaining("'i' is undefined");
    }
}
