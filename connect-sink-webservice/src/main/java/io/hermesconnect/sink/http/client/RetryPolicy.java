package io.hermesconnect.sink.http.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how long apart a failed request is sent again: exponential backoff from {@code initialBackoff},
 * doubling per attempt up to {@code maxBackoff}, each wait shortened by a random part of up to {@code jitter} of
 * itself, so that tasks that failed together do not retry together.
 *
 * @param maxAttempts attempts in all, the first included; 1 sends once
 * @param jitter between 0 (none) and 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {

    public RetryPolicy {
        if (maxAttempts < 1 || jitter < 0 || jitter > 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("A retry policy needs at least one attempt, 0 <= jitter <= 1 and "
                    + "0 <= initial backoff <= max backoff");
        }
    }

    /**
     * The wait after attempt {@code attempt} (from 1) failed.
     *
     * @param random a value in [0, 1)
     */
    public Duration backoff(int attempt, DoubleSupplier random) {
        long max = maxBackoff.toMillis();
        long capped = initialBackoff.toMillis();
        for (int doubled = 1; doubled < attempt && capped < max; doubled++) {
            capped = Math.min(capped * 2, max);
        }
        return Duration.ofMillis(Math.round(capped * (1 - jitter * random.getAsDouble())));
    }
}
