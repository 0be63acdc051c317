package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text filters count and cut by Unicode code points, in no locale; number filters are exact or fail. */
class TextFiltersTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    private static Object render(String source) {
        return ENGINE.compile(source).render(Map.of("emoji", "a😀b", "pair", "😀"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {{ pair | length }}                        ==> 1
            {{ emoji | count }}                        ==> 3
            {{ emoji | reverse }}                      ==> b😀a
            {{ emoji | center(5) }}|                   ==> " a😀b |"
            {{ 'a😀😀😀' | truncate(2, true) }}        ==> a😀...
            {{ 'ab 😀😀' | truncate(4) }}              ==> ab ...
            {{ 'hello world foo' | truncate(9) }}      ==> hello ...
            {{ 'hello' | truncate(5) }}                ==> hello
            {{ emoji | list | length }}                ==> 3
            {{ emoji | list | join('-') }}             ==> a-😀-b
            {{ [1, 2, 3] | reverse | join(',') }}      ==> 3,2,1
            {{ 'straße' | upper }}                     ==> STRASSE
            {{ 'ÉCOLE' | lower }}                      ==> école
            {{ 'élan VITAL' | capitalize }}            ==> Élan vital
            {{ emoji | first }}-{{ emoji | last }}    ==> a-b
            {{ pair | first | length }}               ==> 1
            {{ [1, 2, 3] | last }}                    ==> 3
            {{ '😀😀😀' | wordwrap(2, true, '|') }}   ==> 😀😀|😀
            {{ 'ab cd ef gh' | wordwrap(5, true, '|') }} ==> ab cd|ef gh
            {{ 'abcdefghijkl' | wordwrap(5, true, '|') }} ==> abcde|fghij|kl
            {{ 'abcdefghijkl x' | wordwrap(5, false, '|') }} ==> abcdefghijkl|x
            {{ 'ab\\ncd ef\\n\\nx' | wordwrap(4, true, '|') }} ==> ab|cd|ef||x
            {{ 'a1b22' | regex_replace('[0-9]+', '#') }}  ==> a#b#
            {{ 'ab' | regex_replace('(a)(b)', '$2$1') }}  ==> ba
            """)
    void countsAndCutsByCodePoints(String source, String expected) {
        assertThat(render(source)).hasToString(expected);
    }

    @Test
    void changesCaseInNoParticularLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(render("{{ 'i' | upper }}")).isEqualTo("I");
            assertThat(render("{{ 'I' | lower }}")).isEqualTo("i");
            assertThat(render("{{ 'istanbul' | capitalize }}")).isEqualTo("Istanbul");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void returnsAListNotAJavaArray() {
        assertThat(render("{{ [1, 2] | reverse }}")).isEqualTo(List.of(2L, 1L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {{ '123456789' | float }}      ==> 1.23456789E8
            {{ ' 3.7 ' | int }}            ==> 3
            {{ -3.7 | int }}               ==> -3
            {{ '1e3' | int }}              ==> 1000
            {{ '1,234' | int }}            ==> 0
            {{ 'x' | int(7) }}             ==> 7
            {{ 'x' | float }}              ==> 0.0
            {{ true | int }}               ==> 1
            {{ '9223372036854775807' | int }} ==> 9223372036854775807
            {{ '1e-999999999' | int }}     ==> 0
            {{ -5 | abs }}                 ==> 5
            {{ -2147483648 | int | abs }}  ==> 2147483648
            {{ '-2.5' | abs }}             ==> 2.5
            {{ -1.5 | abs }}               ==> 1.5
            {{ [0.1, 0.2] | sum }}         ==> 0.3
            {{ [9007199254740993, 1] | sum }} ==> 9007199254740994
            {{ [1, 2] | sum(10) }}         ==> 13
            {{ [1, 2] | sum(start=10) }}   ==> 13
            {{ ['1.5', 2, none] | sum }}   ==> 3.5
            {{ [{'n': 2}, {'n': 3}] | sum(attribute='n') }} ==> 5
            {{ {'b': 1, 'a': 2} | list | sort | join(',') }} ==> a,b
            """)
    void convertsNumbersExactly(String source, String expected) {
        assertThat(render(source)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {{ '9223372036854775808' | int }} ==> int: the number is outside the range of 64-bit integers
            {{ 1e300 | int }}                 ==> int: the number is outside the range of 64-bit integers
            {{ '1e999999999' | int }}         ==> int: the number is outside the range of 64-bit integers
            {{ '1e400' | float }}             ==> float: the number is outside the range of 64-bit floats
            {{ '-9223372036854775808' | int | abs }} ==> abs: the number is outside the range of 64-bit integers
            {{ 'x' | abs }}                   ==> abs: expects a number
            {{ ['a', 'b'] | sum }}            ==> sum: the items must be numbers
            {{ 'text' | sum }}                ==> sum: expects a list of numbers
            {{ [1] | sum(begin=2) }}          ==> sum: takes the keywords start and attribute only
            """)
    void failsOnNumbersOutOfRange(String source, String problem) {
        assertThatThrownBy(() -> render(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(problem);
    }
}
