package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Collection;
import java.util.Map;

/**
 * A filter behind its size and time checks, registered in place of it: before each call the render's deadline
 * and the filter's {@link FilterBound} (what it would build, predicted from its operand and arguments, against
 * the {@link RenderLimits}), after it the size of what it returned. Arguments are measured first, as Jinjava turns
 * them into text before most filters see them.
 */
final class BoundedFilter implements Filter {

    private final Filter filter;
    private final FilterBound bound;
    private final RenderLimits limits;

    BoundedFilter(Filter filter, FilterBound bound, RenderLimits limits) {
        this.filter = filter;
        this.bound = bound;
        this.limits = limits;
    }

    /** The filter checked; the direct path reads it to tell whether it takes its arguments as text. */
    Filter filter() {
        return filter;
    }

    @Override
    public String getName() {
        return filter.getName();
    }

    @Override
    public boolean preserveSafeString() {
        return filter.preserveSafeString();
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        check(var, interpreter, args, Map.of());
        return checkedResult(var, filter.filter(var, interpreter, args), interpreter);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        check(var, interpreter, args, kwargs);
        return checkedResult(var, filter.filter(var, interpreter, args, kwargs), interpreter);
    }

    private void check(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        RenderInterpreter.checkDeadline(interpreter);
        FilterCall call = new FilterCall(getName(), var, args, kwargs, limits);
        call.allArgumentChars();
        bound.check(call);
    }

    /**
     * The result, unless it is over a limit (filters that grow text by a small factor are checked only here), or
     * the render's filters built too much in all (a filter that returned its operand built nothing).
     */
    private Object checkedResult(Object var, Object result, JinjavaInterpreter interpreter) {
        Object value = NativeValues.unwrap(result);
        long chars = value instanceof CharSequence text ? text.length() : 0;
        long items = value instanceof Collection<?> || value instanceof Map<?, ?> ? FilterCall.items(value) : 0;
        if (!limits.allowsChars(chars)) {
            throw new TemplateProblem(getName() + ": the result is longer than the limit of " + limits.maxOutputChars()
                    + " characters");
        }
        if (!limits.allowsItems(items)) {
            throw new TemplateProblem(getName() + ": the result has more items than the limit of " + limits.maxCollectionSize());
        }
        if (interpreter instanceof RenderInterpreter render && value != NativeValues.unwrap(var)) {
            render.addBuilt(chars, items);
        }
        return result;
    }
}
