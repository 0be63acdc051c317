package io.hermesconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void returnsTheFirstValueThatSatisfiesTheCondition() {
        AtomicInteger polls = new AtomicInteger();

        int value = Wait.until("three polls", Duration.ofSeconds(5), polls::incrementAndGet, n -> n >= 3);

        assertThat(value).isEqualTo(3);
    }

    @Test
    void namesWhatWasAwaitedAndTheLastObservedValueOnTimeout() {
        assertThatThrownBy(() -> Wait.until("the answer", Duration.ofMillis(100), () -> 41, n -> n == 42))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the answer").hasMessageContaining("last observed: 41");
    }

    @Test
    void treatsAFailingProbeAsNotYetAndReportsItsFailure() {
        AtomicInteger polls = new AtomicInteger();
        Wait.untilAsserted("the second poll", Duration.ofSeconds(5), () -> {
            if (polls.incrementAndGet() < 2) {
                throw new IllegalStateException("not ready");
            }
        });

        assertThatThrownBy(() -> Wait.untilAsserted("never", Duration.ofMillis(100), () -> {
            throw new IllegalStateException("still broken");
        })).hasMessageContaining("still broken").hasCauseInstanceOf(IllegalStateException.class);
        assertThat(polls).hasValue(2);
    }

    @Test
    void untilPresentReturnsTheFirstNonNullValue() {
        AtomicInteger polls = new AtomicInteger();

        String value = Wait.untilPresent("a value", Duration.ofSeconds(5), () -> polls.incrementAndGet() < 2 ? null : "ok");

        assertThat(value).isEqualTo("ok");
    }
}
