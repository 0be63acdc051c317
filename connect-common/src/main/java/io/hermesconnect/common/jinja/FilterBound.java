package io.hermesconnect.common.jinja;

/**
 * What a filter may build, checked before it runs: throws {@link TemplateProblem} (through the {@link FilterCall}'s
 * {@code require…} methods) when the predicted result is over a limit.
 */
@FunctionalInterface
interface FilterBound {

    /** Only the deadline and the size of the result once built: for filters whose result is no larger than their operand. */
    FilterBound NONE = call -> { };

    void check(FilterCall call);
}
