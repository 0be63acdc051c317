package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    private static final Map<String, Object> VARIABLES = variables();

    private static Map<String, Object> variables() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("cn", "Ada Lovelace");
        user.put("age", 36);
        user.put("groups", List.of("admins", "users"));
        user.put("manager", null);
        Map<String, Object> variables = new HashMap<>();
        variables.put("after", user);
        variables.put("age", 36);
        variables.put("groups", List.of("admins", "users", "admins"));
        variables.put("nothing", null);
        variables.put("born", new Date(0));
        return variables;
    }

    private static Object render(String source) {
        return ENGINE.compile(source).render(VARIABLES);
    }

    @Test
    void rendersASingleExpressionToItsNativeValue() {
        assertThat(render("{{ age }}")).isEqualTo(36);
        assertThat(render("{{ after.age }}")).isEqualTo(36);
        assertThat(render("{{ groups }}")).isEqualTo(List.of("admins", "users", "admins"));
        assertThat(render("{{ age > 1 }}")).isEqualTo(true);
        assertThat(render("{{ age + 1 }}")).isEqualTo(37L);
        assertThat(render("{{ none }}")).isNull();
        assertThat(render("{{ nothing }}")).isNull();
        assertThat(render("{{ after.manager }}")).isNull();
        assertThat(render("{{ born }}")).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(render("{{ after }}")).isEqualTo(VARIABLES.get("after"));
        assertThat(render("{{ {'a': 1} }}")).isEqualTo(Map.of("a", 1L));
        assertThat(render("{{ 'x' }}")).isEqualTo("x");
    }

    @Test
    void rendersAnythingElseToAString() {
        assertThat(render("{{ age }} years")).isEqualTo("36 years");
        assertThat(render("cn={{ after.cn }},ou=people")).isEqualTo("cn=Ada Lovelace,ou=people");
        assertThat(render(" {{ age }}")).isEqualTo(" 36");
        assertThat(render("plain text")).isEqualTo("plain text");
        assertThat(render("")).isEqualTo("");
    }

    @Test
    void printsListsAndMapsLikeJinja() {
        assertThat(render("{{ after.groups }}!")).isEqualTo("['admins', 'users']!");
        assertThat(render("{{ {'a': 1} }}!")).isEqualTo("{'a': 1}!");
    }

    @Test
    void tellsWhetherItIsASingleExpressionOrAVariableReference() {
        assertThat(ENGINE.compile("{{ age }}").isSingleExpression()).isTrue();
        assertThat(ENGINE.compile("{{ age }}!").isSingleExpression()).isFalse();
        assertThat(ENGINE.compile("{% if age %}{{ age }}{% endif %}").isSingleExpression()).isFalse();

        assertThat(ENGINE.compile("{{ age }}").variableReference()).contains("age");
        assertThat(ENGINE.compile("{{after.age}}").variableReference()).contains("after.age");
        assertThat(ENGINE.compile("{{ after.address.city }}").variableReference()).contains("after.address.city");
        assertThat(ENGINE.compile("{{ after['age'] }}").variableReference()).isEmpty();
        assertThat(ENGINE.compile("{{ age | string }}").variableReference()).isEmpty();
        assertThat(ENGINE.compile("{{ age + 1 }}").variableReference()).isEmpty();
        assertThat(ENGINE.compile("{{ none }}").variableReference()).isEmpty();
        assertThat(ENGINE.compile("{{ age }} ").variableReference()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", textBlock = """
            {{ after.cn }}                                            ==> Ada Lovelace
            {{ after['cn'] }}                                         ==> Ada Lovelace
            {{ after.groups[0] }}                                     ==> admins
            {{ after.groups[-1] }}                                    ==> users
            {{ after.groups | length }}                               ==> 2
            {{ after.groups | join(',') }}                            ==> admins,users
            {{ after.groups | first }}                                ==> admins
            {% for g in after.groups %}{{ loop.index }}:{{ g }};{% endfor %} ==> 1:admins;2:users;
            {% for g in after.groups %}{{ g }}{% if not loop.last %},{% endif %}{% endfor %} ==> admins,users
            {% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %} ==> a=1;b=2;
            {% for k in {'a': 1, 'b': 2} %}{{ k }}{% endfor %}        ==> ab
            {{ after.cn | lower }}                                    ==> ada lovelace
            {{ after.cn | upper }}                                    ==> ADA LOVELACE
            {{ after.cn | replace('Ada', 'Augusta Ada') }}            ==> Augusta Ada Lovelace
            {{ (after.cn | split(' '))[1] }}                          ==> Lovelace
            {{ 'a' ~ 'b' }}                                           ==> ab
            {{ 'yes' if age > 18 else 'no' }}                         ==> yes
            {% if 'admins' in after.groups %}admin{% endif %}         ==> admin
            {% set login = after.cn | lower | replace(' ', '.') %}{{ login }} ==> ada.lovelace
            {{ range(3) | join('') }}                                 ==> 012
            {{ after.groups | map('upper') | join(',') }}             ==> ADMINS,USERS
            {{ groups | unique | join(',') }}                         ==> admins,users
            {% raw %}{{ not rendered }}{% endraw %}                   ==> {{ not rendered }}
            {% for g in after.groups %}{{ loop.cycle('odd', 'even') }};{% endfor %} ==> odd;even;
            {{ born | date_format('yyyy-M-d') }}                      ==> 1970-1-1
            """)
    void supportsUsualJinjaOnMapsListsAndStrings(String source, String expected) {
        assertThat(String.valueOf(render(source))).isEqualTo(expected);
    }

    @Test
    void doesNotInterpretTemplateSyntaxFoundInValues() {
        Object rendered = ENGINE.compile("{{ comment }}!").render(Map.of("comment", "{{ 7 * 7 }} {% if true %}x{% endif %}"));

        assertThat(rendered).isEqualTo("{{ 7 * 7 }} {% if true %}x{% endif %}!");
    }

    @Test
    void acceptsNoVariables() {
        assertThat(ENGINE.compile("{{ 1 + 1 }}").render(null)).isEqualTo(2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{% for g in groups %}{{ g | upper }}{% endfor %}-{{ n }}",
        "{{ groups | join('') | upper }}-{{ n }}",
        "{{ (groups | join('') | upper) ~ '-' ~ n }}"})
    void rendersConcurrently(String source) throws Exception {
        Template template = ENGINE.compile(source);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> renders = IntStream.range(0, 400).<Callable<Boolean>>mapToObj(n -> () ->
                    template.render(Map.of("groups", List.of("a", "b"), "n", n)).equals("AB-" + n)).toList();
            for (Future<Boolean> result : threads.invokeAll(renders)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Text-and-expression templates print without Jinjava's node machinery: they must print exactly as it does. */
    @Test
    void printsValuesExactlyAsJinjavasOwnRenderingDoes() {
        Template flat = ENGINE.compile("<{{ v }}>");
        Template tagged = ENGINE.compile("{% if true %}<{{ v }}>{% endif %}");
        List<Object> values = new java.util.ArrayList<>(List.of("plain", "quote\"s and 'single'", "back\\slash", "tab\tnew\nline\r",
                "nul\u0000 and \u0001 \u001f", "é€😀", "{{ x }}", 7, 7L, 1.5, new java.math.BigDecimal("12.50"), true,
                List.of("a", 1), Map.of("k", "v"), new Date(0), new byte[] {1, 2}));
        values.add(null);
        for (Object value : values) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("v", value);
            assertThat(flat.render(variables)).as("printing %s", value).isEqualTo(tagged.render(variables));
        }
    }

    @Test
    void eachRenderSeesOnlyItsOwnVariables() {
        Template setsX = ENGINE.compile("{% set x = 'set' %}{{ x }}");
        Template readsX = ENGINE.compile("{{ x is defined }}");

        assertThat(setsX.render(Map.of())).isEqualTo("set");
        assertThat(readsX.render(Map.of())).isEqualTo(false);
        assertThat(readsX.render(Map.of("x", 1))).isEqualTo(true);
        assertThat(readsX.render(Map.of())).isEqualTo(false);
    }

    @Test
    void aFailedRenderLeavesTheNextOneUnaffected() {
        Map<String, Object> broken = Map.of("groups", List.of(1));
        for (String failing : List.of("{{ missing }}", "{{ missing }}!", "{% for g in groups %}{{ g.x }}{% endfor %}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENGINE.compile(failing).render(broken))
                    .isInstanceOf(TemplateException.class);
            assertThat(render("{{ age }} {{ after.cn }}")).isEqualTo("36 Ada Lovelace");
            assertThat(render("{{ age }}")).isEqualTo(36);
        }
    }

    @Test
    void inputVariablesAreTheVariablesReadLessThoseTheTemplateBinds() {
        assertThat(ENGINE.compile("{{ after.cn | default(fallback) }} {{ {'k': key}['k'] }}").inputVariables())
                .containsExactlyInAnyOrder("after", "fallback", "key");
        assertThat(ENGINE.compile("{% for g, n in pairs %}{{ g ~ n ~ loop.index }}{% endfor %}"
                + "{% set a, b = 1, 2 %}{{ a + b }}{% if none is none %}{{ ok }}{% endif %}").inputVariables())
                .containsExactlyInAnyOrder("pairs", "ok");
        assertThat(ENGINE.compile("plain text {{ 1 + 2 }}").inputVariables()).isEmpty();
        assertThat(ENGINE.compile("{{ users | map(attribute='cn') | join(d=separator) }}").inputVariables())
                .as("a named argument's name is no variable, its value may read one").containsExactlyInAnyOrder("users", "separator");
    }
}
