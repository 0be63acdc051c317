package io.hermesconnect.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes. Tests wait for results with this, never with
 * a sleep: it returns as soon as the condition holds, and on timeout says what was awaited and what
 * was last seen.
 */
public final class Wait {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Wait() {
    }

    /**
     * Polls {@code probe} until {@code done} accepts its value and returns that value. A probe that
     * throws counts as "not yet"; its exception is reported if the deadline passes.
     *
     * @throws AssertionError on timeout, naming {@code what} and the last observed value or exception
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object lastSeen = "nothing observed yet";
        Throwable lastError = null;
        while (true) {
            try {
                T value = probe.get();
                if (done.test(value)) {
                    return value;
                }
                lastSeen = value;
                lastError = null;
            } catch (RuntimeException | AssertionError e) {
                lastSeen = e;
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                AssertionError timeoutError = new AssertionError("Timed out after " + timeout + " waiting for "
                        + what + "; last observed: " + Objects.toString(lastSeen));
                if (lastError != null) {
                    timeoutError.initCause(lastError);
                }
                throw timeoutError;
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            if (Thread.interrupted()) {
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
    }

    /** Polls {@code probe} until it returns a non-null value and returns that value. */
    public static <T> T untilPresent(String what, Duration timeout, Supplier<T> probe) {
        return until(what, timeout, probe, Objects::nonNull);
    }

    /** Runs {@code assertion} until it passes; the last failure is reported on timeout. */
    public static void untilAsserted(String what, Duration timeout, Runnable assertion) {
        until(what, timeout, () -> {
            assertion.run();
            return true;
        }, passed -> passed);
    }

    /** Polls {@code condition} until it is true. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }
}
