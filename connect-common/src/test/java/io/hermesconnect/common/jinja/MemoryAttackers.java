package io.hermesconnect.common.jinja;

import java.util.List;
import java.util.Map;

/**
 * Renders templates that would exhaust memory if a limit failed, with the default limits, and prints one line per
 * template: its index, then {@code FAILED <message>} for a TemplateException, {@code RENDERED} or
 * {@code CRASHED <error>}. Run by {@link ForkedMemoryTest} in a JVM with a small heap.
 */
public final class MemoryAttackers {

    private static final String SHARED = "{% set a = [x, x] %}{% set b = [a, a, a, a] %}"
            + "{% set c = [b, b, b, b] %}{% set d = [c, c, c, c] %}{% set e = [d, d, d, d] %}{% set f = [e, e, e, e] %}"
            + "{% set g = [f, f, f, f] %}{% set h = [g, g, g, g] %}{% set i = [h, h, h, h] %}{% set j = [i, i, i, i] %}"
            + "{% set k = [j, j, j, j] %}{% set s = [k, k, k, k] %}";

    static final List<String> TEMPLATES = List.of(
            "{{ lines | indent(1000000000) }}",
            "{{ x | center(50000000) }}",
            "{{ x | center(50000000) }}!",
            "{{ [x, x] | batch(1000000000) }}",
            "{{ [x, x] | slice(1000000000) }}",
            "{{ '%1000000000d' | format(x) }}",
            "{{ '%.1000000000f' | format(n) }}",
            "{{ x | center(9000000) | wordwrap(1) }}",
            "{{ lines | wordwrap(1, true, x | center(9000000)) }}",
            "{{ x | center(9000000) | replace(' ', '&') | escape }}",
            "{{ x | center(9000000) | urlencode }}",
            "{{ x | center(9000000) | list }}",
            "{{ x | center(9000000) | replace(' ', 'ab') }}",
            "{{ x | center(9000000) | regex_replace(' ', 'ab') }}",
            "{{ x | center(1000000) | replace(' ', ligature) | normalize }}",
            "{{ range(n * 1000000000) }}",
            "{% for i in range(100) %}{{ range(n * 1000000) | length }}{% endfor %}",
            "{{ [x | center(9000000), x | center(9000000), x | center(9000000), x | center(9000000),"
                    + " x | center(9000000), x | center(9000000)] | length }}",
            SHARED + "{{ s | tojson }}",
            SHARED + "{{ s | join(',') }}",
            SHARED + "{{ s | string }}",
            SHARED + "{{ s | unique }}",
            SHARED + "{{ x | replace(s, 'y') }}");

    /** The templates read these, so that they fail when rendered, not already when compiled. */
    private static final Map<String, Object> VARIABLES = Map.of("x", "x", "lines", "a\nb", "n", 1, "ligature", "\uFDFA");

    private MemoryAttackers() {
    }

    public static void main(String[] args) {
        JinjaEngine engine = new JinjaEngine();
        for (int i = 0; i < TEMPLATES.size(); i++) {
            String outcome;
            try {
                engine.compile(TEMPLATES.get(i)).render(VARIABLES);
                outcome = "RENDERED";
            } catch (TemplateException e) {
                outcome = "FAILED " + e.getMessage().replace('\n', ' ');
            } catch (Throwable e) {
                outcome = "CRASHED " + e;
            }
            System.out.println(i + " " + outcome);
        }
    }
}
