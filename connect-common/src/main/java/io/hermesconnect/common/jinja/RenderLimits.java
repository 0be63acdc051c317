package io.hermesconnect.common.jinja;

import java.time.Duration;

/**
 * Bounds on one render, so that no template can exhaust memory or hold a task's thread: the length
 * of the output and of any string built, the size of any list or map, and the time spent.
 * Loops are further bounded by Jinjava's {@code range()} limit of 1000.
 *
 * @param maxOutputChars    longest output or string a render may build
 * @param maxCollectionSize largest list or map a render may build or read
 * @param maxRenderTime     longest a render may run; checked before each node is rendered
 */
record RenderLimits(long maxOutputChars, int maxCollectionSize, Duration maxRenderTime) {

    static final RenderLimits DEFAULTS = new RenderLimits(10_000_000, 1_000_000, Duration.ofSeconds(5));
}
