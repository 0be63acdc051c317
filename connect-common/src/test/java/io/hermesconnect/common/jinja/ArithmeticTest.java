package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Python's arithmetic, the same on the direct path and on Jinjava's: exact integers, no Infinity, bounded sizes. */
class ArithmeticTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();
    private static final long MAX = Long.MAX_VALUE;
    private static final long MIN = Long.MIN_VALUE;

    private static final Map<String, Object> VARIABLES = variables();

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("zero", 0);
        variables.put("one", 1);
        variables.put("two", 2);
        variables.put("ten", 10);
        variables.put("max", MAX);
        variables.put("min", MIN);
        variables.put("int_max", Integer.MAX_VALUE);
        variables.put("huge", new BigInteger("100000000000000000000"));
        variables.put("price", new BigDecimal("2.50"));
        variables.put("ratio", 0.5f);
        variables.put("nan", Double.NaN);
        variables.put("text", "ab");
        variables.put("nothing", null);
        variables.put("flag", true);
        variables.put("items", List.of(1, 2));
        variables.put("no_items", List.of());
        return variables;
    }

    /** The value of {@code {{ expression }}} on both paths, which must agree in value and type. */
    private static Object value(String expression) {
        Template template = ENGINE.compile("{{ " + expression + " }}");
        Object rendered = template.render(VARIABLES);
        Object reference = template.renderWithJinjava(VARIABLES);
        assertThat(rendered).as(expression).isEqualTo(reference);
        assertThat(rendered.getClass()).as(expression).isEqualTo(reference.getClass());
        return rendered;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        // exact integers: past the long range a BigInteger, back within it a Long
        "max + 1                      | 9223372036854775808",
        "min - 1                      | -9223372036854775809",
        "max * 2                      | 18446744073709551614",
        "min * -1                     | 9223372036854775808",
        "-min                         | 9223372036854775808",
        "min // -1                    | 9223372036854775808",
        "int_max + 1                  | 2147483648",
        "int_max * int_max            | 4611686014132420609",
        "huge - huge + 7              | 7",
        "huge * huge                  | 10000000000000000000000000000000000000000",
        "2 ** 64                      | 18446744073709551616",
        "(-2) ** 63                   | -9223372036854775808",
        "1 ** 100000000000            | 1",
        "(-1) ** 100000000001         | -1",
        "0 ** 0                       | 1",
        // Python's floor division and modulo: the quotient rounds down, the remainder has the divisor's sign
        "7 // 2                       | 3",
        "-7 // 2                      | -4",
        "7 // -2                      | -4",
        "-7 % 2                       | 1",
        "7 % -2                       | -1",
        "-7 % -2                      | -1",
        "min % -1                     | 0",
        "-huge // 3                   | -33333333333333333334",
        "-huge % 3                    | 2",
    })
    void integersAreExact(String expression, String expected) {
        Object value = value(expression);
        BigInteger exact = new BigInteger(expected);
        assertThat(value).as(expression).isEqualTo(exact.bitLength() < 64 ? (Object) exact.longValueExact() : exact);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "7 / 2          | 3.5",
        "6 / 3          | 2.0",
        "max / 1        | 9.223372036854776E18",
        "huge / huge    | 1.0",
        "2 ** -1        | 0.5",
        "1 // 0.1       | 9.0",
        "-7.5 // 2      | -4.0",
        "1 % 0.1        | 0.09999999999999995",
        "-7.5 % 2       | 0.5",
        "7.5 % -2       | -0.5",
        "ratio + 1      | 1.5",
        "-ratio         | -0.5",
        "2.0 ** 0.5     | 1.4142135623730951",
        "1e308 * 10     | Infinity",
    })
    void floatsAreDoubles(String expression, double expected) {
        assertThat(value(expression)).as(expression).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "price + 1        | 3.50",
        "price * 1.1      | 2.750",
        "price - 0.5      | 2.00",
        "price / 3        | 0.8333333333333333333333333333333333",
        "price // 1       | 2",
        "-price // 1      | -3",
        "price % 1        | 0.50",
        "-price % 1       | 0.50",
        "price ** 2       | 6.2500",
        "price ** -1      | 0.4",
        "-price           | -2.50",
    })
    void decimalsStayDecimals(String expression, BigDecimal expected) {
        assertThat(value(expression)).as(expression).isEqualTo(expected);
    }

    @Test
    void nanPropagatesAsInPython() {
        assertThat((Double) value("nan + 1")).isNaN();
        assertThat((Double) value("nan * 0")).isNaN();
        assertThat((Double) value("1 / nan")).isNaN();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"one / 0", "one // 0", "one % 0", "ratio / 0", "one / 0.0", "ratio // 0.0", "ratio % -0.0",
        "huge / 0", "huge // 0", "huge % 0", "price / 0", "price // 0.0", "price % 0", "zero ** -1", "zero ** -2.0",
        "(price - price) ** -1", "max // (1 - 1)"})
    void divisionByZeroFails(String expression) {
        assertFails(expression, "division by zero");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"two ** 4000", "huge ** 200", "(huge * huge) ** 100", "price ** 2000", "ten ** 1000 * 10",
        "ten ** 400.0", "max / 0.0000000000000000001 ** 20", "ten ** 400 / 3", "-(ten ** 999) * 10 - 1"})
    void resultsPastTheBoundFail(String expression) {
        Throwable error = fails(expression);
        assertThat(error.getMessage()).containsAnyOf("more than 1000 digits", "too large for a float");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'a' + one       | unsupported operand types for addition: string and integer (use ~ to join values as text)",
        "nothing + 1     | unsupported operand types for addition: none and integer",
        "flag * 2        | unsupported operand types for multiplication: boolean and integer",
        "items + 3       | unsupported operand types for addition: list and integer",
        "text - 'b'      | unsupported operand types for subtraction: string and string",
        "text * 1.5      | unsupported operand types for multiplication: string and float",
        "-text           | unsupported operand type for negation: string",
        "text % 2        | unsupported operand types for modulo: string and integer",
        "items // 2      | unsupported operand types for floor division: list and integer",
        "items / items   | unsupported operand types for division: list and list",
        "text ** 2       | unsupported operand types for power: string and integer",
        "price ** 0.5    | '**' raises a decimal to integer powers only",
        "price + nan     | a decimal cannot be combined with an infinite or NaN float",
        "(-8 * one) ** 0.5 | '**' cannot raise a negative number to a fractional power",
    })
    void otherOperandsFailClearly(String expression, String message) {
        assertFails(expression, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{{ 1 // 0 }}        | division by zero",
        "{{ 2 ** 4000 }}     | more than 1000 digits",
        "{{ 'id-' + 7 }}     | unsupported operand types for addition: string and integer",
    })
    void constantsThatCannotBeComputedFailAtCompileTime(String source, String problem) {
        assertThatThrownBy(() -> ENGINE.compile(source)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("fails on every render").hasMessageContaining(problem);
    }

    @Test
    void errorsNameTypesNeverValues() {
        Map<String, Object> variables = Map.of("secret", "TOPSECRET-4711");
        for (String source : List.of("{{ secret + 1 }}", "{{ secret - 1 }}", "{{ -secret }}", "{{ secret * 1.5 }}", "{{ 1 / (secret | length - 14) }}")) {
            assertThatThrownBy(() -> ENGINE.compile(source).render(variables)).as(source)
                    .isInstanceOf(TemplateException.class)
                    .message().asString().doesNotContain("TOPSECRET");
        }
    }

    @Test
    void joinsAndRepeatsStringsAndLists() {
        assertThat(value("text + 'c'")).isEqualTo("abc");
        assertThat(value("text * 3")).isEqualTo("ababab");
        assertThat(value("2 * text")).isEqualTo("abab");
        assertThat(value("text * 0")).isEqualTo("");
        assertThat(value("text * -5")).isEqualTo("");
        assertThat(value("items + [3]")).isEqualTo(List.of(1, 2, 3L));
        assertThat(value("items * 2")).isEqualTo(List.of(1, 2, 1, 2));
        assertThat(value("no_items * max")).isEqualTo(List.of());
        assertThat(value("{'a': 1} + {'b': 2}")).isEqualTo(Map.of("a", 1L, "b", 2L));
    }

    @Test
    void repetitionAndJoiningAreBoundedBeforeAllocating() {
        JinjaEngine small = new JinjaEngine(new RenderLimits(10, 5, Duration.ofSeconds(1)));
        Map<String, Object> variables = Map.of("text", "abcd", "items", List.of(1, 2), "big", Long.MAX_VALUE);

        assertThat(small.compile("{{ text * 2 }}").render(variables)).isEqualTo("abcdabcd");
        assertThat(small.compile("{{ items * 2 }}").render(variables)).isEqualTo(List.of(1, 2, 1, 2));
        for (String source : List.of("{{ text * 3 }}", "{{ text * big }}", "{{ big * text }}", "{{ text + text + text }}",
                "{{ 'x' * 1000000000000 }}")) {
            assertThatThrownBy(() -> small.compile(source).render(variables)).as(source)
                    .hasMessageContaining("would build a string longer than the limit of 10 characters");
        }
        for (String source : List.of("{{ items * 3 }}", "{{ items * big }}", "{{ items + items + items }}", "{{ [1] * 1000000000000 }}")) {
            assertThatThrownBy(() -> small.compile(source).render(variables)).as(source)
                    .hasMessageContaining("would build a list or map larger than the limit of 5 items");
        }
    }

    @Test
    void precedenceIsJinjavas() {
        // '**' binds like '*', from the left, and unary minus binds tighter: parentheses make the intent plain
        assertThat(value("2 * 3 ** 2")).isEqualTo(36L);
        assertThat(value("2 * (3 ** 2)")).isEqualTo(18L);
        assertThat(value("-2 ** 2")).isEqualTo(4L);
        assertThat(value("-(2 ** 2)")).isEqualTo(-4L);
        assertThat(value("1 + 2 * 3 - 4 / 2")).isEqualTo(5.0);
    }

    @Test
    void operatorsWorkInTagsToo() {
        Template template = ENGINE.compile("{% set total = max + 2 %}{% if total > max %}{{ total }} {{ 10 // 3 }} {{ -7 % 3 }}{% endif %}");
        assertThat(template.render(VARIABLES)).isEqualTo("9223372036854775809 3 2");
        assertThatThrownBy(() -> ENGINE.compile("{% if 1 // 0 %}x{% endif %}").render(Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("division by zero");
    }

    private static void assertFails(String expression, String message) {
        assertThat(fails(expression).getMessage()).as(expression).contains(message).contains(expression);
    }

    /** The failure of {@code {{ expression }}}, the same on both paths: the direct one hands over, Jinjava reports. */
    private static Throwable fails(String expression) {
        Template template = ENGINE.compile("{{ " + expression + " }}");
        assertThat(template.renderDirect(VARIABLES)).as(expression).isSameAs(DirectExpression.UNHANDLED);
        assertThatThrownBy(() -> template.renderWithJinjava(VARIABLES)).as(expression).isInstanceOf(TemplateException.class);
        return catchThrowable(() -> template.render(VARIABLES));
    }
}
