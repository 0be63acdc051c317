package io.hermesconnect.sink.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backoff, Retry-After and status sets: what decides when and whether a request is sent again. */
class RetryRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");

    @Test
    void backoffDoublesUpToTheMaxAndJitterOnlyShortensIt() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), 0.5);

        assertThat(List.of(1, 2, 3, 4, 5, 60).stream().map(attempt -> policy.backoff(attempt, () -> 0).toMillis()))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        assertThat(policy.backoff(3, () -> 0.999).toMillis()).isEqualTo(200L);
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0).backoff(3, () -> 0.5)).isZero();
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 16:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 15:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void statusesDecideTheOutcome() {
        StatusOutcomes outcomes = new StatusOutcomes(StatusSet.parse(List.of("200-299", "304")), true, false);

        assertThat(outcomes.of(204, false)).isEqualTo(StatusOutcomes.Outcome.SUCCESS);
        assertThat(outcomes.of(304, false)).isEqualTo(StatusOutcomes.Outcome.SUCCESS);
        assertThat(outcomes.of(404, true)).isEqualTo(StatusOutcomes.Outcome.SUCCESS);
        assertThat(outcomes.of(404, false)).isEqualTo(StatusOutcomes.Outcome.REFUSED);
        assertThat(outcomes.of(409, true)).isEqualTo(StatusOutcomes.Outcome.REFUSED);
        assertThat(List.of(500, 503, 429, 408)).allSatisfy(status ->
                assertThat(outcomes.of(status, false)).isEqualTo(StatusOutcomes.Outcome.RETRY));
        assertThat(List.of(301, 400, 401, 403, 422)).allSatisfy(status ->
                assertThat(outcomes.of(status, false)).isEqualTo(StatusOutcomes.Outcome.REFUSED));
        assertThatThrownBy(() -> StatusSet.parse(List.of("299-200"))).hasMessageContaining("below its start");
        assertThatThrownBy(() -> StatusSet.parse(List.of("2xx"))).hasMessageContaining("'2xx'");
    }
}
