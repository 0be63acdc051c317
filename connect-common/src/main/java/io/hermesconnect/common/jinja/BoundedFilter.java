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
        return checkedResult(filter.filter(var, interpreter, args));
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        check(var, interpreter, args, kwargs);
        return checkedResult(filter.filter(var, interpreter, args, kwargs));
    }

    private void check(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        RenderInterpreter.checkDeadline(interpreter);
        FilterCall call = new FilterCall(getName(), var, args, kwargs, limits);
        call.allArgumentChars();
        bound.check(call);
    }

    /** The result, unless it is over a limit: filters that grow text by a small factor are checked only here. */
    private Object checkedResult(Object result) {
        Object value = NativeValues.unwrap(result);
        if (value instanceof CharSequence text && !limits.allowsChars(text.length())) {
            throw new TemplateProblem(getName() + ": the result is longer than the limit of " + limits.maxOutputChars() + " characters");
        }
        if ((value instanceof Collection<?> || value instanceof Map<?, ?>) && !limits.allowsItems(FilterCall.items(value))) {
            throw new TemplateProblem(getName() + ": the result has more items than the limit of " + limits.maxCollectionSize());
        }
        return result;
    }
}
