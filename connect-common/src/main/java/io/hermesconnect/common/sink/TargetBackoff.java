package io.hermesconnect.common.sink;

import java.time.Duration;

/**
 * How long Connect waits before it delivers a batch again while the target is down: doubling from
 * {@link #INITIAL} at each failure in a row, up to {@link #MAXIMUM}, and back to the start once the target answers.
 */
final class TargetBackoff {

    static final Duration INITIAL = Duration.ofMillis(500);
    static final Duration MAXIMUM = Duration.ofSeconds(30);

    private Duration next = INITIAL;

    /** The wait after one more failure in a row. */
    Duration failed() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(MAXIMUM) > 0 ? MAXIMUM : next.multipliedBy(2);
        return wait;
    }

    /** The target answered: the next failure waits {@link #INITIAL} again. */
    void succeeded() {
        next = INITIAL;
    }
}
