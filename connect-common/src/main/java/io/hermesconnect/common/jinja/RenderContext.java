package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.Context;
import java.util.Map;
import java.util.Set;

/**
 * A Jinjava context without Jinjava's record of every expression, value and function name resolved in it.
 * Jinjava keeps those for its eager (deferred) execution mode, which we never use; the names include looked-up
 * map keys, so on a context reused render after render the record would grow with the data.
 */
final class RenderContext extends Context {

    RenderContext(Context parent, Map<Library, Set<String>> disabled) {
        super(parent, null, disabled);
    }

    @Override
    public void addResolvedExpression(String expression) {
        // not recorded: see the class comment
    }

    @Override
    public void addResolvedValue(String value) {
        // not recorded: see the class comment
    }

    @Override
    public void addResolvedFunction(String function) {
        // not recorded: see the class comment
    }
}
