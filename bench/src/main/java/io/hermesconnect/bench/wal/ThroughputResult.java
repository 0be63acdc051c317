package io.hermesconnect.bench.wal;

import io.hermesconnect.bench.profile.ProfileSummary;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.stack.WorkerJmx;

/**
 * One consumer reading one workload from its slot. For a connector, {@code seconds} runs from the moment the
 * harness creates the connector until the broker appended the last record ({@code startupSeconds} of that
 * until the first record); the worker fields cover the same window ({@code baselineHeapMb}: heap in use after
 * the GC that opens it; {@code collections}: GCs during it). Raw readers have no worker fields; {@code profile}
 * is the worker's CPU profile over {@code seconds}, for connector runs with {@code --profile}.
 */
public record ThroughputResult(String workload, String workloadDescription, String consumer, long events,
        long records, double seconds, double eventsPerSecond, Double startupSeconds, Double peakHeapMb,
        Double liveHeapMb, Double baselineHeapMb, Integer collections, Double workerCpuSeconds,
        Double workerCpuMicrosPerEvent, String loadAverage, ProfileSummary profile) {

    static ThroughputResult raw(Workload workload, String consumer, double seconds) {
        return new ThroughputResult(workload.name(), workload.describe(), consumer, workload.rows(), workload.rows(),
                seconds, workload.rows() / seconds, null, null, null, null, null, null, null, Machine.load(), null);
    }

    static ThroughputResult connector(Workload workload, Peer peer, long createdMs, long firstAppendMs,
            long lastAppendMs, long records, WorkerJmx.Figures worker, ProfileSummary profile) {
        double seconds = (lastAppendMs - createdMs) / 1000.0;
        return new ThroughputResult(workload.name(), workload.describe(), peer.id(), workload.rows(), records,
                seconds, workload.rows() / seconds, (firstAppendMs - createdMs) / 1000.0,
                megabytes(worker.peakHeapBytes()), megabytes(worker.liveHeapBytes()),
                megabytes(worker.baselineHeapBytes()), worker.collections(), worker.cpuSeconds(),
                worker.cpuSeconds() * 1e6 / workload.rows(), Machine.load(), profile);
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
