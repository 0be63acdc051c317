package io.hermesconnect.bench.wal;

/**
 * Commit-to-Kafka latency of one connector at a fixed insert rate: per row, the broker's append time of its
 * record minus the row's {@code created_us} (server clock at insert, inside a transaction that commits
 * right after). Same host, same clock.
 */
public record LatencyResult(String consumer, int targetRate, double achievedRate, long rows, double p50Ms,
        double p99Ms, double maxMs, String loadAverage) {
}
