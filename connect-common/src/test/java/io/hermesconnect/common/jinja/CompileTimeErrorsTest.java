package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates that could only fail are refused when compiled (config validation), not on every record. */
class CompileTimeErrorsTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ x = 1 }}",
            "{% if x = 1 %}a{% endif %}",
            "{% for i in x = 1 %}{% endfor %}",
            "a{{ (x = 1) }}b",
    })
    void refusesAnAssignmentWhereAValueIsExpected(String source) {
        assertThatThrownBy(() -> ENGINE.compile(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Invalid template")
                .hasMessageContaining("an assignment ('name = value') is not a value");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ x | default(default_value=1) }}",
            "{{ x | truncate(length=3) }}",
            "{{ [1, 2] | join(d=',') }}",
    })
    void acceptsNamedArgumentsOfCalls(String source) {
        assertThat(ENGINE.compile(source).isSingleExpression()).isTrue();
    }

    /** Jinjava hands such a keyword to the filter as the next positional argument, whatever its name: a silent wrong result. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", textBlock = """
            {{ users | sort(attribute='cn') }}                 ==> filter 'sort' takes its arguments in order (reverse, case_sensitive, attribute)
            {{ users | sort(true, attribute='cn') }}           ==> give 'attribute' by position
            {{ cn | truncate(end='…') }}                       ==> filter 'truncate' takes its arguments in order (length, killwords, end)
            {{ cn | replace('a', 'b', times=1) }}              ==> filter 'replace'
            {{ cn | center(size=9) }}                          ==> filter 'center'
            {{ cn | upper(strict=true) }}                      ==> filter 'upper' takes its arguments in order ()
            """)
    void refusesKeywordsAFilterWouldTakeAsAnotherArgument(String source, String problem) {
        assertThatThrownBy(() -> ENGINE.compile(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void takesKeywordsWhereTheyLandOnTheParameterTheyName() {
        Map<String, Object> variables = Map.of("users", java.util.List.of(Map.of("cn", "b"), Map.of("cn", "a")), "cn", "abcdef");
        assertThat(ENGINE.compile("{{ users | sort(false, false, attribute='cn') | map(attribute='cn') | join }}").render(variables)).isEqualTo("ab");
        assertThat(ENGINE.compile("{{ users | join(',', attribute='cn') }}").render(variables)).isEqualTo("b,a");
        assertThat(ENGINE.compile("{{ ['a', 'b', 'c'] | batch(2, fill_with='-') }}").render(variables)).isEqualTo(java.util.List.of(java.util.List.of("a", "b"), java.util.List.of("c", "-")));
        assertThat(ENGINE.compile("{{ cn | center(width=8) }}").render(variables)).isEqualTo(" abcdef ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" + 1", " ~ 'x'", " | trim", " or false", " * 1"})
    void refusesExpressionsNestedDeeperThanARenderCanEvaluate(String link) {
        assertThatThrownBy(() -> ENGINE.compile("{{ x" + link.repeat(20_000) + " }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("nests more than " + TemplateChecker.MAX_EXPRESSION_DEPTH + " deep");
        assertThat(ENGINE.compile("{{ x" + link.repeat(100) + " }}")).isNotNull();
    }

    /** The limit is on the expression's own brackets: not the {{ }} or {% %} delimiters, not brackets inside strings. */
    @Test
    void countsOnlyTheExpressionsOwnBrackets() {
        String deepest = "(".repeat(TemplateChecker.MAX_BRACKET_NESTING) + "1" + ")".repeat(TemplateChecker.MAX_BRACKET_NESTING);
        assertThat(ENGINE.compile("{{ " + deepest + " }}").render(Map.of())).isEqualTo(1L);
        assertThat(ENGINE.compile("{% if " + deepest + " %}yes{% endif %}").render(Map.of())).isEqualTo("yes");
        assertThat(ENGINE.compile("{{ '" + "(".repeat(500) + "' }}").render(Map.of())).isEqualTo("(".repeat(500));
        assertThat(ENGINE.compile("{{ \"[{\\\"" + "[".repeat(500) + "\" }}").render(Map.of())).isEqualTo("[{\"" + "[".repeat(500));
        assertThat(ENGINE.compile("((((( {{ 1 }} )))))").render(Map.of())).isEqualTo("((((( 1 )))))");
        assertThatThrownBy(() -> ENGINE.compile("{{ (" + deepest + ") }}"))
                .hasMessageContaining("brackets nest more than " + TemplateChecker.MAX_BRACKET_NESTING + " deep");
    }

    /** A template that reads no variable renders the same every time: when that render fails, so would every record. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", textBlock = """
            {{ 'abc' | int + [] }}                     ==> unsupported operand types for addition: integer and list
            {{ '{' | fromjson }}                       ==> fromjson
            {{ [1, 2] | attr('nope') }}                ==> is undefined
            {{ 'someday' | date_format('yyyy') }}      ==> not an ISO-8601 date
            """)
    void refusesTemplatesThatReadNoVariableAndCannotRender(String source, String problem) {
        assertThatThrownBy(() -> ENGINE.compile(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Invalid template")
                .hasMessageContaining("fails on every render")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{{ missing }}", "{{ x + 1 }}", "{{ [x] | first }}", "{{ {'a': x}.a }}", "{% for i in items %}{{ i.y }}{% endfor %}"})
    void compilesTemplatesThatFailOnlyForSomeInput(String source) {
        assertThat(ENGINE.compile(source)).isNotNull();
    }
}
