package io.hermesconnect.sink.http.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WebServiceSinkMetricsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void latencyPercentilesAreNearestRankOverTheLastRequests() {
        WebServiceSinkMetrics metrics = new WebServiceSinkMetrics(() -> 0);
        assertThat(metrics.getLatencyP50Ms()).isZero();
        for (int ms = 100; ms >= 1; ms--) {
            metrics.requestDone(Duration.ofMillis(ms));
        }
        assertThat(metrics.getLatencyP50Ms()).isEqualTo(50.0);
        assertThat(metrics.getLatencyP99Ms()).isEqualTo(99.0);

        for (int i = 0; i < 1024; i++) {
            metrics.requestDone(Duration.ofMillis(7));
        }
        assertThat(metrics.getLatencyP99Ms()).as("older requests left the window").isEqualTo(7.0);
        assertThat(metrics.getRequests()).isEqualTo(1124);
    }

    @Test
    void requestsPerSecondCountTheLastMinute() {
        AtomicLong now = new AtomicLong(1000 * SECOND);
        WebServiceSinkMetrics metrics = new WebServiceSinkMetrics(now::get);
        for (int i = 0; i < 120; i++) {
            metrics.requestDone(Duration.ofMillis(1));
        }
        assertThat(metrics.getRequestsPerSecond()).isEqualTo(2.0);

        now.addAndGet(30 * SECOND);
        for (int i = 0; i < 60; i++) {
            metrics.requestDone(Duration.ofMillis(1));
        }
        assertThat(metrics.getRequestsPerSecond()).isEqualTo(3.0);

        now.addAndGet(45 * SECOND);
        assertThat(metrics.getRequestsPerSecond()).as("the first second left the minute").isEqualTo(1.0);

        metrics.retried(RetryCause.TOO_MANY_REQUESTS);
        assertThat(metrics.getRetriesByCause()).containsEntry("too_many_requests", 1L).containsEntry("server_error", 0L).hasSize(5);
    }
}
