package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates are untrusted: none of these may reach Java, files, other templates or the network. */
class SandboxTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    /** A Java object handed to a template: its getters and methods must stay out of reach. */
    public static final class Account {
        private boolean touched;

        public String getPassword() {
            touched = true;
            return "s3cret";
        }

        public void delete() {
            touched = true;
        }

        @Override
        public String toString() {
            return "an account";
        }
    }

    private final Map<String, Object> map = new HashMap<>(Map.of("key", "value"));
    private final Account account = new Account();
    private final Map<String, Object> variables = Map.of("m", map, "d", new Date(0), "s", "text", "x", "text",
            "account", account, "accounts", List.of(account), "items", List.of(1, 2));

    private Object render(String source) {
        return ENGINE.compile(source).render(variables);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ ''.getClass() }}",
            "{{ ''.class.forName('java.lang.Runtime') }}",
            "{{ x.getClass().getClassLoader() }}",
            "{{ m.clear() }}",
            "{{ m.put('key', 'changed') }}",
            "{{ m['clear']() }}",
            "{{ (m).clear() }}",
            "{{ d.getTime() }}",
            "{{ account.delete() }}",
            "{{ account.getPassword() }}",
            "{{ java.lang.System.exit(0) }}",
            "{{ s.toUpperCase() }}",
            "{{ loop.doBreak() }}",
            "{% set y = m.update({'key': 'changed'}) %}",
            "{% if m.remove('key') %}{% endif %}",
            "{% for i in m.entrySet() %}{% endfor %}",
    })
    void forbidsMethodCalls(String source) {
        assertThatThrownBy(() -> ENGINE.compile(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("calling methods is not allowed");
        assertThat(map).containsExactlyEntriesOf(Map.of("key", "value"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ ____int3rpr3t3r____ }}",
            "{{ ____int3rpr3t3r____.context }}",
            "{% set i = ____int3rpr3t3r____ %}",
            "{{ filter:upper.filter(s, ____int3rpr3t3r____) }}",
            "{{ filter:render.filter('{{ 1 }}', x) }}",
            "{{ exptest:defined.evaluate(s, x) }}",
    })
    void forbidsJinjavasInternalNames(String source) {
        assertThatThrownBy(() -> ENGINE.compile(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("is a reserved name");
    }

    /** CVE-2025-59340 reached Jackson's ObjectMapper through the interpreter object (then any class by deserialization). */
    @Test
    void keepsTheInterpreterAndItsObjectMapperOutOfReach() {
        assertThatThrownBy(() -> ENGINE.compile("{{ ____int3rpr3t3r____.config.objectMapper }}")).hasMessageContaining("is a reserved name");
        assertThat(render("{{ '{\"@class\": \"java.lang.ProcessBuilder\"}' | fromjson }}")).isEqualTo(Map.of("@class", "java.lang.ProcessBuilder"));
    }

    /**
     * CVE-2026-25526 read restricted properties ({@code class}…) of a value through a for loop's variables: unpacking
     * an item reads its attributes as strictly as {@code item.class}.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{% for class, x in [d] %}{{ class }}{% endfor %}",
            "{% for class, x in [s] %}{{ class }}{% endfor %}",
            "{% for class, x in items %}{{ class }}{% endfor %}",
            "{% for class, x in [m] %}{{ class }}{% endfor %}",
            "{% for password, x in accounts %}{{ password }}{% endfor %}",
    })
    void readsNoPropertiesThroughLoopVariables(String source) {
        assertThatThrownBy(() -> render(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("is undefined")
                .message().asString().doesNotContain("s3cret");
        assertThat(account.touched).isFalse();
    }

    @Test
    void unpacksPairsInLoops() {
        assertThat(render("{% for k, v in m.items() %}{{ k }}={{ v }};{% endfor %}")).isEqualTo("key=value;");
        assertThat(render("{% for k, v in [['x', 1], ['y', 2]] %}{{ k }}{{ v }}{% endfor %}")).isEqualTo("x1y2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '"', textBlock = """
            {% include '/etc/passwd' %}                    ==> 'include' is
            {% include 'http://127.0.0.1:1/x' %}           ==> 'include' is
            {% import 'macros.jinja' as m %}               ==> 'import' is
            {% from 'macros.jinja' import f %}             ==> 'from' is
            {% extends '/etc/passwd' %}                    ==> 'extends' is
            {% block b %}{% endblock %}                    ==> 'block' is
            {% macro f() %}{{ f() }}{% endmacro %}{{ f() }} ==> 'macro' is
            {% call f() %}{% endcall %}                    ==> 'call' is
            {% do m.clear() %}                             ==> 'do' is
            {{ '{{ 1 }}' | render }}                       ==> unknown filter 'render'
            {{ '/etc/passwd' | fromyaml }}                 ==> unknown filter 'fromyaml'
            {{ super() }}                                  ==> unknown function 'super'
            {{ type(s) }}                                  ==> unknown function 'type'
            {{ unixtimestamp() }}                          ==> unknown function 'unixtimestamp'
            """)
    void forbidsTagsFiltersAndFunctionsThatReachOutside(String source, String problem) {
        assertThatThrownBy(() -> ENGINE.compile(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ s.class }}",
            "{{ s.__class__ }}",
            "{{ s.__class__.__mro__ }}",
            "{{ s['class'] }}",
            "{{ d.time }}",
            "{{ account.password }}",
            "{{ account['password'] }}",
            "{{ m.class }}",
            "{{ items.class }}",
    })
    void hidesPropertiesOfJavaObjects(String source) {
        assertThatThrownBy(() -> render(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("is undefined");
    }

    /** Filters that read attributes by name follow the rules of {@code a.b}: a missing attribute is an error. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ account | attr('password') }}",
            "{{ s | attr('class') }}",
            "{{ m | attr('nope') }}",
            "{{ accounts | map(attribute='password') | list }}",
            "{{ accounts | selectattr('password') | list }}",
            "{{ accounts | rejectattr('password') | list }}",
            "{{ (accounts + accounts) | sort(false, false, 'password') }}",
            "{{ accounts | sum(attribute='password') }}",
            "{{ accounts | groupby('password') }}",
            "{{ accounts | join(',', attribute='password') }}",
            "{{ accounts | unique(attribute='password') }}",
            "{{ [m] | map(attribute='a.class') | list }}",
    })
    void reachesNothingThroughFiltersThatReadAttributesByName(String source) {
        assertThatThrownBy(() -> render(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("is undefined")
                .message().asString().doesNotContain("s3cret");
        assertThat(account.touched).isFalse();
    }

    /** Jinjava's resolver answers these names with its own objects, whatever the value they are read from. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ 1 | attr('____int3rpr3t3r____') }}",
            "{{ m | attr('____int3rpr3t3r____') }}",
            "{{ m | attr('filter:lower') }}",
            "{{ m | attr('exptest:defined') }}",
            "{{ [m] | map(attribute='____int3rpr3t3r____') | list }}",
            "{{ [m] | selectattr('filter:lower') | list }}",
            "{{ [m, m] | sort(false, false, 'exptest:none') }}",
            "{{ m[name] }}",
            "{% set k = '____int3rpr3t3r____' %}{{ m[k] }}",
    })
    void refusesReservedNamesOnEveryPath(String source) {
        Map<String, Object> withName = new HashMap<>(variables);
        withName.put("name", "____int3rpr3t3r____");

        assertThatThrownBy(() -> ENGINE.compile(source).render(withName))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void readsAttributesByNameWhereTheyExist() {
        assertThat(render("{{ m | attr('key') }}")).isEqualTo("value");
        assertThat(render("{{ [m, {'key': 'w'}] | map(attribute='key') | list }}")).isEqualTo(List.of("value", "w"));
        assertThat(render("{{ [m, {'key': ''}] | selectattr('key') | list }}")).isEqualTo(List.of(Map.of("key", "value")));
        assertThat(render("{% for g in [{'k': 'x'}, {'k': 'y'}, {'k': 'x'}] | groupby('k') %}{{ g.grouper }}{{ g.list | length }};{% endfor %}"))
                .isEqualTo("x2;y1;");
        assertThat(render("{{ [{'k': 1, 'v': 'a'}, {'k': 1, 'v': 'b'}] | unique(attribute='k') }}")).isEqualTo(List.of(Map.of("k", 1L, "v", "a")));
        assertThat(render("{{ {'b': 1, 'a': 2} | dictsort }}")).isEqualTo(List.of(List.of("a", 2L), List.of("b", 1L)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ account }}",
            "{{ account }}!",
            "{{ accounts }}!",
            "{{ {'a': account} }}!",
            "{{ account | tojson }}",
            "{{ accounts | tojson }}",
            "{{ account | b64encode }}",
            "{% for p in account %}{{ p }}{% endfor %}",
            "{% for password in accounts %}{{ password }}{% endfor %}",
    })
    void showsJavaObjectsAsTheirTextOnly(String source) {
        assertThat(String.valueOf(render(source))).doesNotContain("s3cret");
        assertThat(account.touched).isFalse();
    }

    @Test
    void reachesNoDisabledFilterByName() {
        assertThatThrownBy(() -> render("{{ ['{{ 1 }}'] | map('render') | list }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Cannot render template");
    }

    @Test
    void refusesToLoadAnyResource() {
        Sandbox sandbox = new Sandbox(List.of(), RenderLimits.DEFAULTS);

        assertThatThrownBy(() -> sandbox.getResourceLocator().getString("/etc/passwd", StandardCharsets.UTF_8, null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void boundsRenderTime() {
        JinjaEngine engine = new JinjaEngine(new RenderLimits(1_000_000, 1_000_000, Duration.ofMillis(50)));
        Template busy = engine.compile(
                "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}{{ c }}{% endfor %}{% endfor %}{% endfor %}");

        assertThatThrownBy(() -> busy.render(Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("rendering took longer than the limit of 50 ms");
    }

    @Test
    void boundsOutputSize() {
        JinjaEngine engine = new JinjaEngine(new RenderLimits(1000, 1_000_000, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> engine.compile("{% for i in range(1000) %}0123456789{% endfor %}").render(Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("longer than the limit");
    }

    @Test
    void boundsStringsBuiltByDoubling() {
        JinjaEngine engine = new JinjaEngine(new RenderLimits(1000, 1_000_000, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> engine.compile("{% set s = 'x' %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}")
                .render(Map.of()))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void boundsCollectionsBuiltByDoubling() {
        JinjaEngine engine = new JinjaEngine(new RenderLimits(1_000_000, 1000, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> engine.compile("{% set l = [1] %}{% for i in range(40) %}{% set l = l + l %}{% endfor %}{{ l | length }}")
                .render(Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("larger than the limit");
    }

    @Test
    void boundsNesting() {
        assertThatThrownBy(() -> ENGINE.compile("{{ " + "(".repeat(101) + "1" + ")".repeat(101) + " }}"))
                .hasMessageContaining("brackets nest more than 100 deep");
        assertThatThrownBy(() -> ENGINE.compile("{% if true %}".repeat(101) + "{% endif %}".repeat(101)))
                .hasMessageContaining("tags nest more than 100 deep");
        assertThat(ENGINE.compile("{% if true %}".repeat(100) + "x" + "{% endif %}".repeat(100)).render(Map.of())).isEqualTo("x");
    }

    /** Jinjava evaluates a chain recursively: one too long to evaluate is refused when compiled, not on every record. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" ~ s", " + 1", " | lower", " and true"})
    void refusesChainsTooLongToEvaluateWhenCompiled(String link) {
        assertThatThrownBy(() -> ENGINE.compile("{{ s" + link.repeat(20_000) + " }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Invalid template")
                .hasMessageContaining("the expression nests more than 500 deep");
        assertThat(ENGINE.compile("{{ s" + " ~ s".repeat(400) + " }}").render(variables)).isEqualTo("text".repeat(401));
    }

    @Test
    void boundsRangesByTheCollectionLimit() {
        assertThat((List<?>) render("{{ range(1000000) }}")).hasSize(1_000_000);
        assertThatThrownBy(() -> render("{{ range(1000001) }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("range: the range has more numbers than the limit of 1000000");
    }
}
