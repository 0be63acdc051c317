package io.hermesconnect.common.jinja;

import java.util.HashMap;
import java.util.Map;

/** Renders one-off templates in tests, with one shared engine. */
final class Render {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    private Render() {
    }

    /** Renders {@code source} with the variable {@code value} bound to {@code value}. */
    static Object withValue(String source, Object value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("value", value);
        return ENGINE.compile(source).render(variables);
    }
}
