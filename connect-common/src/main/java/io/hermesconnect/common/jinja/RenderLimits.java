package io.hermesconnect.common.jinja;

import java.time.Duration;

/**
 * Bounds on one render, so that no template can exhaust memory or hold a task's thread: the length
 * of the output and of any string built, the size of any list or map, and the time spent. Every filter and
 * {@code range()} checks the size of what it would build against these before building it
 * ({@link FilterBounds}), and the deadline before each node, filter call and range. All the filters of one
 * render together may build at most {@value #BUILT_PER_LIMIT} times the output limit in characters and the
 * collection limit in items, so that a template cannot keep many results of the largest size at once.
 *
 * @param maxOutputChars    longest output or string a render may build
 * @param maxCollectionSize largest list or map a render may build or read
 * @param maxRenderTime     longest a render may run
 */
record RenderLimits(long maxOutputChars, int maxCollectionSize, Duration maxRenderTime) {

    /** How many times the output and collection limits a render's filters may build in all. */
    static final int BUILT_PER_LIMIT = 4;

    static final RenderLimits DEFAULTS = new RenderLimits(10_000_000, 1_000_000, Duration.ofSeconds(5));

    /** Whether text of this length is within the output limit (none when it is 0 or less). */
    boolean allowsChars(long chars) {
        return maxOutputChars <= 0 || chars <= maxOutputChars;
    }

    /** Whether a list or map of this many items is within the collection limit (none when it is 0 or less). */
    boolean allowsItems(long items) {
        return maxCollectionSize <= 0 || items <= maxCollectionSize;
    }
}
