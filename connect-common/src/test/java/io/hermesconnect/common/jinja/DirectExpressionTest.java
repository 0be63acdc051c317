package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct path against Jinjava, the reference: for every expression and every combination of values, the
 * direct render either hands over (UNHANDLED) or gives exactly what Jinjava gives, and never succeeds where
 * Jinjava fails.
 */
class DirectExpressionTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    private static final Schema NESTED = SchemaBuilder.struct().field("x", Schema.OPTIONAL_STRING_SCHEMA).optional().build();
    private static final Schema ROW = SchemaBuilder.struct()
            .field("name", Schema.STRING_SCHEMA)
            .field("age", Schema.OPTIONAL_INT32_SCHEMA)
            .field("active", Schema.BOOLEAN_SCHEMA)
            .field("score", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("nested", NESTED)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .build();

    /**
     * Values of every kind a template sees: text with and without control characters, numbers at the edges of their
     * types, maps, lists, sets…
     */
    private static final List<Object> VALUES = Arrays.asList(
            "x", "", "Straße", "İstanbul", " padded ", "tab\tand\nbreak", "bell\u0007", "10", "1.5", "true", "none",
            0, 1, -7, 42L, (short) 3, (byte) 2, 2.5f, 3.5d, -0.0, Double.NaN, Double.POSITIVE_INFINITY, new BigDecimal("2.50"),
            new BigDecimal("-1E+3"), Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, new BigInteger("-98765432109876543210"),
            true, false, null, 'c', Map.of("k", "v", "filter:lower", "data", "____int3rpr3t3r____", "data"), Map.of(1L, "one"),
            List.of(1, 2), Arrays.asList(null, "x"), List.of("x", "10"), Set.of(1L, 42L), new TreeSet<>(Set.of("x", "y")),
            new byte[] {1, 2}, new Date(0), row("Ada", 36, true), row("bob", null, false));

    /** Expressions of the shapes the direct path covers, and some it leaves to Jinjava. */
    private static final List<String> EXPRESSIONS = List.of(
            "a", "a == b", "a != b", "a < b", "a <= b", "a > b", "a >= b", "a == 'x'", "a == 1", "a == 1.5", "a != none",
            "a and b", "a or b", "not a", "not a and b", "(a or b) and c", "a if b else c", "a if b",
            "a is none", "a is not none", "a is string", "a is number", "a is boolean", "a is true", "a is false",
            "a | lower", "a | upper", "a | trim", "a | capitalize", "a | title", "a | string", "a | length",
            "a | upper | lower", "a ~ b", "a ~ '-' ~ b", "a.name", "a['name']", "a.nested.x", "a.age >= 18",
            "not a.active", "a.name | upper ~ ' ' ~ a.age", "a.missing", "a.score > b", "a.tags", "b.name == a",
            "missing", "missing == 1", "none", "None", "true", "false", "'literal'", "42", "1.5", "c",
            "a | default('d')", "a is defined", "a + b", "a in b", "a.name | replace('a', 'b')",
            "a['k']", "a['filter:lower']", "a['____int3rpr3t3r____']",
            // arithmetic, membership and default
            "a - b", "a * b", "a / b", "a // b", "a % b", "a ** b", "-a", "a + 1", "a * 2", "a / 2", "a // -2", "a % 3",
            "a - 1.5", "a ** 2", "2 ** a", "1 / a", "a * 'ab'", "-a.age", "a.age * 2 + 1", "(a + b) * 2 > 10",
            "a.name ~ (a.age + 1)", "a in b", "a not in b", "a in 'abc10'", "'x' in b", "1 in b", "a.name in b",
            "not (a in b) and c", "a | default(b)", "a | d(b, true)", "missing | default(a)", "a.missing | default('m')",
            "a.age | default(0) + 1", "a.nested.x | default(b) ~ c", "missing.x | default(b, c)", "a is undefined",
            "missing is defined", "a.missing is defined", "a + b if a is number else b",
            // list literals, read by membership
            "a in ['x', 'y']", "a not in ['x', 1, none]", "a in [1, 2.5, 'abc10']", "a.name in [b, 'n']",
            "a in [b, c]", "a in []", "a.age in [18, 36]", "b in [a | default('d'), 'x']", "[a, b] == c");

    private static Struct row(String name, Integer age, boolean active) {
        return new Struct(ROW).put("name", name).put("age", age).put("active", active).put("score", 0.5)
                .put("nested", new Struct(NESTED).put("x", "inner")).put("tags", List.of("t1"));
    }

    @Test
    void givesWhatJinjavaGivesOrHandsOver() {
        int handled = 0;
        int compared = 0;
        for (String expression : EXPRESSIONS) {
            Template template = ENGINE.compile("{{ " + expression + " }}");
            // a variable the expression does not read needs one value only
            for (Object a : valuesOf("a", expression, VALUES)) {
                for (Object b : valuesOf("b", expression, VALUES)) {
                    for (Object c : valuesOf("c", expression, Arrays.asList(true, null, "c"))) {
                        Map<String, Object> variables = new HashMap<>();
                        variables.put("a", a);
                        variables.put("b", b);
                        variables.put("c", c);
                        handled += compare(template, variables) ? 1 : 0;
                        compared++;
                    }
                }
            }
        }
        // the shapes covered are common: most combinations of them are handled
        assertThat(handled).isGreaterThan(compared / 3);
    }

    private static List<Object> valuesOf(String variable, String expression, List<Object> values) {
        return Pattern.compile("\\b" + variable + "\\b").matcher(expression).find() ? values : values.subList(0, 1);
    }

    @Test
    void printsTextTemplatesAsJinjavaDoes() {
        List<String> sources = List.of("{{ a }} {{ b }}", "uid={{ a }},ou=people", "{{ a | lower }}@{{ b }}",
                "[{{ a ~ b }}]", "{{ a.name }} is {{ a.age }}", "{{ a if b else 'no' }}!");
        for (String source : sources) {
            Template template = ENGINE.compile(source);
            for (Object a : VALUES) {
                for (Object b : VALUES) {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("a", a);
                    variables.put("b", b);
                    compare(template, variables);
                }
            }
        }
    }

    /** Whether the direct path handled it; fails when it handled it differently from Jinjava. */
    private static boolean compare(Template template, Map<String, Object> variables) {
        Object direct = template.renderDirect(variables);
        Object reference;
        try {
            reference = template.renderWithJinjava(variables);
        } catch (TemplateException jinjavaFails) {
            assertThat(direct).as("%s with %s: Jinjava fails (%s), the direct path must hand over",
                    template.source(), variables, jinjavaFails.getMessage()).isSameAs(DirectExpression.UNHANDLED);
            return false;
        }
        if (direct == DirectExpression.UNHANDLED) {
            return false;
        }
        assertThat(direct).as("%s with %s", template.source(), variables).isEqualTo(reference);
        assertThat(direct == null ? null : direct.getClass()).as("%s with %s: the type", template.source(), variables)
                .isEqualTo(reference == null ? null : reference.getClass());
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{{ before.login == 'root' }}", "{{ after.department == 'quarantine' }}", "{{ after.age < 0 }}",
        "{{ after.email is none }}", "{{ not after.active }}", "{{ first_name }} {{ last_name }}",
        "{{ email | lower }}", "{{ age >= 18 }}", "{{ op in ['c', 'u'] and after.active }}",
        "{{ after.age in adult_ages }}", "{{ op not in skipped_ops }}", "{{ 'sales' in after.department }}",
        "{{ after.nickname | default(first_name) }}", "{{ after.age | d(0) + 1 }}", "{{ after.age * 12 // 5 % 7 }}",
        "{{ -after.age / 4 ** 2 }}", "{{ first_name ~ (after.age - 1) }}",
        "{{ after.department in ['finance', 'legal'] }}", "{{ (after.department | default('none')) not in ['sales', 'x'] }}",
        "{{ after.login in [first_name, 'root'] }}"})
    void coversTheCommonShapes(String source) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("login", "root");
        row.put("department", "sales");
        row.put("age", 36);
        row.put("email", null);
        row.put("active", true);
        Map<String, Object> variables = new HashMap<>(row);
        variables.put("before", row);
        variables.put("after", row);
        variables.put("first_name", "Ada");
        variables.put("last_name", "Lovelace");
        variables.put("email", "Ada@Example.COM");
        variables.put("op", "u");
        variables.put("adult_ages", Set.of(36L, 37L));
        variables.put("skipped_ops", List.of("r"));
        Template template = ENGINE.compile(source);

        assertThat(template.renderDirect(variables)).isNotSameAs(DirectExpression.UNHANDLED);
        assertThat(template.render(variables)).isEqualTo(template.renderWithJinjava(variables));
    }

    @Test
    void leavesMapsNearTheSizeLimitToJinjava() {
        JinjaEngine small = new JinjaEngine(new RenderLimits(1000, 10, Duration.ofSeconds(1)));
        Template template = small.compile("{{ m.k0 }}");
        Map<String, Object> nine = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            nine.put("k" + i, i);
        }
        Map<String, Object> eight = new LinkedHashMap<>(nine);
        eight.remove("k8");

        assertThat(template.renderDirect(Map.of("m", eight))).isEqualTo(0);
        assertThat(template.renderDirect(Map.of("m", nine))).isSameAs(DirectExpression.UNHANDLED);
        assertThatThrownBy(() -> template.render(Map.of("m", nine))).isInstanceOf(TemplateException.class);
    }

    @Test
    void leavesOutputPastTheLimitToJinjava() {
        JinjaEngine small = new JinjaEngine(new RenderLimits(10, 100, Duration.ofSeconds(1)));
        Map<String, Object> variables = Map.of("a", "123456", "b", "7890ab");

        for (String source : List.of("{{ a ~ b }}", "{{ a }}{{ b }}")) {
            Template template = small.compile(source);
            assertThat(template.renderDirect(variables)).as(source).isSameAs(DirectExpression.UNHANDLED);
            assertThatThrownBy(() -> template.render(variables)).as(source)
                    .isInstanceOf(TemplateException.class).hasMessageContaining("longer than the limit");
        }
    }

    @Test
    void failuresKeepJinjavasMessages() {
        Template template = ENGINE.compile("{{ after.age < 'x' }}");
        Map<String, Object> variables = Map.of("after", Map.of("age", 3));

        assertThat(template.renderDirect(variables)).isSameAs(DirectExpression.UNHANDLED);
        assertThatThrownBy(() -> template.render(variables)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("after.age < 'x'");
        assertThatThrownBy(() -> ENGINE.compile("{{ missing == 1 }}").render(Map.of()))
                .hasMessageContaining("'missing' is undefined");
    }

    @Test
    void deepChainsAreJinjavas() {
        Template template = ENGINE.compile("{{ a" + " ~ a".repeat(100) + " }}");
        Map<String, Object> variables = Map.of("a", "x");

        assertThat(template.renderDirect(variables)).isSameAs(DirectExpression.UNHANDLED);
        assertThat(template.render(variables)).isEqualTo("x".repeat(101));
    }
}
