package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every filter is bounded before it builds, whatever the template's shape; sizes are predicted, not built. */
class FilterBoundsTest {

    /** Small limits: 1000 characters, 100 items. */
    private static final JinjaEngine SMALL = new JinjaEngine(new RenderLimits(1000, 100, Duration.ofSeconds(5)));
    private static final JinjaEngine ENGINE = new JinjaEngine();

    /** Eight levels of a list holding the same list four times: printed, 4^8 × 4 numbers. */
    static final String SHARED = "{% set a = [1, 2, 3, 4] %}{% set b = [a, a, a, a] %}{% set c = [b, b, b, b] %}"
            + "{% set d = [c, c, c, c] %}{% set e = [d, d, d, d] %}{% set f = [e, e, e, e] %}{% set g = [f, f, f, f] %}"
            + "{% set h = [g, g, g, g] %}{% set s = [h, h, h, h] %}";

    private static Object render(JinjaEngine engine, String source) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("text", "x".repeat(600));
        variables.put("lines", "a\nb\nc");
        variables.put("long", "x".repeat(900));
        variables.put("ligatures", "\uFDFA".repeat(100)); // each decomposes into 18 characters
        variables.put("commas", "a,".repeat(150));
        variables.put("items", List.of("a", "b", "c"));
        return engine.compile(source).render(variables);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {{ lines | indent(400) }}                          ==> indent: the result or an operand would be longer than the limit of 1000 characters
            {{ lines | indent(width=400) }}                    ==> indent: the result or an operand would be longer than the limit of 1000 characters
            {{ lines | indent(9223372036854775807) }}          ==> indent: the result or an operand would be longer than the limit of 1000 characters
            {{ '%99999999999999999999d%99999999999999999999d' | format(text, text) }} ==> format: the result or an operand would be longer than the limit of 1000 characters
            {{ items | batch(9223372036854775807) }}           ==> batch: the result would have more items than the limit of 100
            {{ 'x' | center(1001) }}                           ==> center: the result or an operand would be longer than the limit of 1000 characters
            {{ 'a b c' | wordwrap(1, true, text) }}            ==> wordwrap: the result or an operand would be longer than the limit of 1000 characters
            {{ '%1001s' | format('x') }}                       ==> format: the result or an operand would be longer than the limit of 1000 characters
            {{ '%.1001f' | format(1.5) }}                      ==> format: the result or an operand would be longer than the limit of 1000 characters
            {{ items | join(text) }}                           ==> join: the result or an operand would be longer than the limit of 1000 characters
            {{ text | replace('x', 'yy') }}                    ==> replace: the result or an operand would be longer than the limit of 1000 characters
            {{ [text] | replace('x', 'yy') }}                  ==> replace: the result or an operand would be longer than the limit of 1000 characters
            {{ text | regex_replace('x', 'yy') }}              ==> regex_replace: the result would be longer than the limit of 1000 characters
            {{ text | regex_replace('(x)', '$1$1') }}          ==> regex_replace: the result would be longer than the limit of 1000 characters
            {{ text | replace('x', '<') | e }}                 ==> e: the result or an operand would be longer than the limit of 1000 characters
            {{ text | replace('x', '&') | escape }}            ==> escape: the result or an operand would be longer than the limit of 1000 characters
            {{ text | replace('x', '\\n') | escapejson }}      ==> escapejson: the result or an operand would be longer than the limit of 1000 characters
            {{ text | replace('x', ' ') | urlencode }}         ==> urlencode: the result or an operand would be longer than the limit of 1000 characters
            {{ ligatures | normalize }}                        ==> normalize: the result or an operand would be longer than the limit of 1000 characters
            {{ long | b64encode }}                             ==> b64encode: the result or an operand would be longer than the limit of 1000 characters
            {{ 1.5 | round(1001) }}                            ==> round: the precision must be at most 1000 digits
            {{ items | batch(1000000000) }}                    ==> batch: the result would have more items than the limit of 100
            {{ items | slice(1000000000) }}                    ==> slice: the result would have more items than the limit of 100
            {{ text | list }}                                  ==> list: the result would have more items than the limit of 100
            {{ commas | split(',') }}                          ==> split: the result would have more items than the limit of 100
            {{ range(101) }}                                   ==> range: the range has more numbers than the limit of 100
            {{ range(0, 1000, 5) }}                            ==> range: the range has more numbers than the limit of 100
            {{ range(-9223372036854775807, 9223372036854775807) }} ==> range: the range has more numbers than the limit of 100
            {{ range(60) | union(range(60, 120)) }}            ==> union: the result would have more items than the limit of 100
            """)
    void failsBeforeBuildingTooMuch(String source, String problem) {
        assertThatThrownBy(() -> render(SMALL, source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ 'a\\nb' | indent(1000000000) }}",
            "{{ 'x' | center(2000000000) }}",
            "{{ '%2000000000d' | format(1) }}",
            "{{ [1, 2] | batch(2000000000) }}",
            "{{ 'x' | wordwrap(1, true, 'x' | center(9000000)) }}",
    })
    void failsFastWithTheDefaultLimits(String source) {
        long start = System.nanoTime();

        assertThatThrownBy(() -> render(ENGINE, source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("than the limit");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tojson", "string", "join(',')", "unique", "md5", "title", "trim", "urlencode",
            "map('string') | list", "union([1])", "escapejs", "wordcount"})
    void boundsFiltersThatPrintOrHashSharedReferences(String filter) {
        assertThatThrownBy(() -> render(SMALL, SHARED + "{{ s | " + filter + " }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("than the limit of 1000 characters");
    }

    @Test
    void boundsSharedReferencesPassedAsArguments() {
        assertThatThrownBy(() -> render(SMALL, SHARED + "{{ 'x' | replace(s, 'y') }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("replace: the result or an operand would be longer than the limit");
    }

    @Test
    void boundsChainsOfFiltersThatGrowText() {
        assertThatThrownBy(() -> render(SMALL, "{{ '" + "&".repeat(100) + "' " + "| forceescape ".repeat(10) + "}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("than the limit of 1000 characters");
        // each result is within the limit until the last, but together they reach the render's share first
        assertThatThrownBy(() -> render(SMALL, "{{ 'ab' " + "| replace('a', 'aa') | replace('b', 'bb') ".repeat(10) + "}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("the template's filters built more than 4 times the limits on output and collection size in all");
    }

    @Test
    void boundsASingleExpressionLikeText() {
        assertThatThrownBy(() -> render(SMALL, "{{ text ~ text }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("longer than the limit");
        assertThatThrownBy(() -> render(SMALL, "{{ text ~ text }}!"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("longer than the limit");
        assertThatThrownBy(() -> render(SMALL, "{{ text | upper ~ text }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("the output is longer than the limit");
    }

    @Test
    void buildsResultsUpToTheLimitsExactly() {
        assertThat(render(SMALL, "{{ 'x' | center(1000) | length }}")).isEqualTo(1000);
        assertThat(render(SMALL, "{{ text | replace('x', 'y') }}")).isEqualTo("y".repeat(600));
        assertThat(render(SMALL, "{{ range(100) | length }}")).isEqualTo(100);
        assertThat(render(SMALL, "{{ text | regex_replace('x+', 'y') }}")).isEqualTo("y");
        assertThat(render(SMALL, "{{ lines | indent(2) }}")).isEqualTo("a\n  b\n  c");
        assertThat(render(SMALL, "{{ items | join(', ') }}")).isEqualTo("a, b, c");
        assertThat(render(ENGINE, "{{ range(2000) | length }}")).isEqualTo(2000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {{ range(5) | join(',') }}          ==> 0,1,2,3,4
            {{ range(2, 5) | join(',') }}       ==> 2,3,4
            {{ range(5, 0, -2) | join(',') }}   ==> 5,3,1
            {{ range(0, 10, 3) | join(',') }}   ==> 0,3,6,9
            {{ range(5, 2) | length }}          ==> 0
            {{ range('3') | join(',') }}        ==> 0,1,2
            """)
    void countsRangesAsPython(String source, String expected) {
        assertThat(render(ENGINE, source)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {{ range(1, 5, 0) }}   ==> range: the step must not be zero
            {{ range(1.5) }}       ==> range: the arguments must be whole numbers
            {{ range('x') }}       ==> range: the arguments must be whole numbers
            {{ range(1, 2, 3, 4) }} ==> range: takes at most three arguments
            """)
    void refusesRangesItCannotCount(String source, String problem) {
        assertThatThrownBy(() -> render(ENGINE, source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void checksTheDeadlineInsideOneExpression() {
        JinjaEngine quick = new JinjaEngine(new RenderLimits(10_000_000, 1_000_000, Duration.ofMillis(200)));
        // one expression: each map() item calls a filter, and each filter call checks the deadline
        Template busy = quick.compile("{{ range(n) | map('string') | map('center', 40) | map('trim') | map('md5') | list | length }}");
        long start = System.nanoTime();

        assertThatThrownBy(() -> busy.render(Map.of("n", 1_000_000)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("rendering took longer than the limit of 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{{ text | regex_replace('(x+x+)+y', 'z') }}", "{{ text | regex_search('(x+x+)+y') }}"})
    void checksTheDeadlineWhileSearchingText(String source) {
        JinjaEngine quick = new JinjaEngine(new RenderLimits(10_000_000, 1_000_000, Duration.ofMillis(100)));
        Template search = quick.compile(source);
        long start = System.nanoTime();

        assertThatThrownBy(() -> search.render(Map.of("text", "x".repeat(9_000_000))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("rendering took longer than the limit of 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void boundsEveryFilterTemplatesMayUse() {
        Set<String> allowed = new TreeSet<>(TemplateLibrary.JINJAVA_FILTERS);
        allowed.addAll(List.of("regex_search", "ldap_password_hash", "crypto_rsa_oaep", "normalize", "unique", "date_format"));
        Set<String> checkedAsTheyBuildOrNoLargerThanTheyRead = Set.of("regex_replace", "upper", "lower", "capitalize", "truncate", "reverse",
                "int", "float", "abs", "length", "count", "first", "last", "sort", "sum", "map", "select", "reject",
                "attr", "dictsort", "groupby", "selectattr", "rejectattr");
        Set<String> decided = new TreeSet<>(FilterBounds.boundedBeforeTheyRun());
        decided.addAll(checkedAsTheyBuildOrNoLargerThanTheyRead);

        assertThat(decided).containsAll(allowed);
    }
}
