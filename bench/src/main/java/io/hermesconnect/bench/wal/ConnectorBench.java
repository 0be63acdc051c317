package io.hermesconnect.bench.wal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.bench.profile.JfrExecutionSamples;
import io.hermesconnect.bench.profile.ProfileSummary;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.report.Percentiles;
import io.hermesconnect.bench.stack.ConnectWorker;
import io.hermesconnect.bench.stack.FlightRecording;
import io.hermesconnect.bench.stack.Topics;
import io.hermesconnect.bench.stack.WorkerJmx;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.RestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs one connector in the worker against a slot prepared by the caller, measures, and removes the
 * connector and its topic again, also when the run fails (the caller drops the slot).
 */
final class ConnectorBench {

    /** Waits allow at least this rate (events/s) on top of a fixed allowance, before a run counts as stuck. */
    private static final long SLOWEST_RATE = 1000;
    private static final Duration FIXED_ALLOWANCE = Duration.ofSeconds(180);
    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOP_METHODS = 25;

    private final ConnectWorker worker;
    private final Topics topics;
    private final BenchDatabase db;
    /** Our connector's settings beyond those {@link Peer} gives both ({@code --hermes-settings}). */
    private final Map<String, String> hermesSettings;

    ConnectorBench(ConnectWorker worker, Topics topics, BenchDatabase db, Map<String, String> hermesSettings) {
        this.worker = worker;
        this.topics = topics;
        this.db = db;
        this.hermesSettings = hermesSettings;
    }

    private Map<String, String> config(Peer peer, SlotTarget target) {
        Map<String, String> config = peer.config(db, target);
        if (peer == Peer.HERMES) {
            config.putAll(hermesSettings);
        }
        return config;
    }

    /**
     * Starts the connector on a slot that already holds the workload; measures until its last record is in Kafka.
     *
     * @param recording where the worker writes a flight recording of the run for its CPU profile; null: none
     */
    ThroughputResult throughput(Peer peer, Workload workload, SlotTarget target, Path recording) {
        String topic = peer.topic(target);
        String name = connectorName(peer, target);
        topics.create(topic);
        // the recording starts before the window opens: starting it costs the worker CPU that is not the run's
        try (FlightRecording flight = recording == null ? null : worker.jmx().startRecording(name, recording);
                WorkerJmx.Window window = worker.jmx().open()) {
            long createdMs = System.currentTimeMillis();
            worker.rest().putConnectorConfig(name, config(peer, target));
            try {
                topics.awaitCount(topic, workload.rows(), timeoutFor(workload.rows()), healthCheck(name));
                WorkerJmx.Figures figures = window.figures();
                long records = topics.endOffset(topic);
                long lastAppendMs = topics.appendTime(topic, workload.rows() - 1);
                ProfileSummary profile = flight == null ? null : profile(flight, createdMs, lastAppendMs);
                return ThroughputResult.connector(workload, peer, createdMs, topics.appendTime(topic, 0), lastAppendMs,
                        records, figures, profile);
            } finally {
                stop(name);
            }
        } finally {
            topics.delete(topic);
        }
    }

    /** The samples of the run's {@code seconds} only, not of the harness's reads and polls after it. */
    private static ProfileSummary profile(FlightRecording flight, long createdMs, long lastAppendMs) {
        Path file = flight.stop();
        return JfrExecutionSamples.read(file, Instant.ofEpochMilli(createdMs), Instant.ofEpochMilli(lastAppendMs))
                .summary(file.toString(), TOP_METHODS);
    }

    /**
     * Starts the connector on an empty table's slot, waits until a probe row arrives (the connector streams),
     * then inserts at a fixed rate and measures each row's commit-to-Kafka latency.
     */
    LatencyResult latency(Peer peer, SlotTarget target, int rate, int seconds) {
        String topic = peer.topic(target);
        String name = connectorName(peer, target);
        topics.create(topic);
        try {
            worker.rest().putConnectorConfig(name, config(peer, target));
            try {
                Runnable health = healthCheck(name);
                db.insertRows(target.table(), 1, 1);
                topics.awaitCount(topic, 1, FIXED_ALLOWANCE, health);
                FixedRateGenerator.Generated generated = FixedRateGenerator.run(db, target.table(), rate, seconds, 2);
                topics.awaitCount(topic, 1 + generated.rows(), timeoutFor(generated.rows()), health);
                double[] latencies = new double[(int) generated.rows()];
                int[] next = {0};
                topics.read(topic, 1, 1 + generated.rows(),
                        r -> latencies[next[0]++] = r.timestamp() - createdMicros(r.value()) / 1000.0);
                Percentiles p = new Percentiles(latencies);
                return new LatencyResult(peer.id(), rate, generated.achievedRate(), generated.rows(), p.at(50), p.at(99),
                        p.max(), Machine.load());
            } finally {
                stop(name);
            }
        } finally {
            topics.delete(topic);
        }
    }

    /** Unique per slot: a connector name is never reused, so no run starts from another's offsets. */
    private static String connectorName(Peer peer, SlotTarget target) {
        return peer.id() + "-" + target.table();
    }

    /** How long a run of {@code events} may take before it counts as stuck. */
    static Duration timeoutFor(long events) {
        return FIXED_ALLOWANCE.plusSeconds(events / SLOWEST_RATE);
    }

    /** Fails at once when the worker died or the connector or its task FAILED; asks the worker at most once a second. */
    private Runnable healthCheck(String name) {
        long[] nextCheck = {System.nanoTime()};
        return () -> {
            if (System.nanoTime() - nextCheck[0] < 0) {
                return;
            }
            nextCheck[0] = System.nanoTime() + STATUS_INTERVAL.toNanos();
            worker.requireAlive();
            RestResponse status = worker.rest().request("GET", "connectors/" + name + "/status", null);
            if (status.isSuccess() && status.body().contains("\"FAILED\"")) {
                throw new IllegalStateException("connector " + name + " failed: " + status.json().toPrettyString());
            }
        };
    }

    private void stop(String name) {
        worker.rest().deleteConnector(name);
        Wait.until("connector " + name + " to be removed", Duration.ofSeconds(60),
                () -> !worker.rest().connectors().contains(name));
    }

    private static long createdMicros(byte[] value) {
        try {
            JsonNode created = JSON.readTree(value).path("payload").path("after").path("created_us");
            if (!created.canConvertToLong()) {
                throw new IllegalStateException("no payload.after.created_us in " + new String(value));
            }
            return created.asLong();
        } catch (IOException e) {
            throw new UncheckedIOException("a record value is not JSON", e);
        }
    }
}
