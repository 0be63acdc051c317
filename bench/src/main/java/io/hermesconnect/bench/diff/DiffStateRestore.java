package io.hermesconnect.bench.diff;

import io.hermesconnect.source.diff.store.RestoreReport;
import io.hermesconnect.source.diff.store.StateStore;
import io.hermesconnect.source.diff.store.StateStoreSettings;
import java.io.IOException;
import java.io.OutputStream;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One restore, in a JVM of its own with the heap the benchmark gives it (as on a fresh worker): opens a state store
 * on an empty directory, which rebuilds it from the state topic, and writes what it measured to a properties file.
 * Peak heap is the most heap in use (garbage included) seen by a sampler every 5 ms; live heap is what a full
 * collection leaves once the store is open. CPU time is the whole JVM's (restore, consumer and MVStore threads, JIT
 * and GC) while the store opens: on a busy machine, objects per CPU second say more than objects per second.
 *
 * <p>Arguments: bootstrap servers, topic, directory (empty), result file.
 */
public final class DiffStateRestore {

    private static final long SAMPLE_MILLIS = 5;

    private DiffStateRestore() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);

        StateStoreSettings settings = new StateStoreSettings(Path.of(args[2]), args[1], 1,
                Map.of("bootstrap.servers", args[0]), "diff-state-bench-restore", Duration.ofSeconds(60));
        Properties result = new Properties();
        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = system.getProcessCpuTime();
        try (StateStore store = StateStore.open(settings)) {
            long cpuNanos = system.getProcessCpuTime() - cpuStart;
            RestoreReport report = store.restore();
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.MINUTES);
            System.gc();
            result.setProperty("outcome", report.outcome().name());
            result.setProperty("records", Long.toString(report.recordsRead()));
            result.setProperty("objects", Long.toString(report.objects()));
            result.setProperty("millis", Long.toString(report.duration().toMillis()));
            result.setProperty("cpuMillis", Long.toString(cpuNanos / 1_000_000));
            result.setProperty("peakHeapBytes", Long.toString(peak.get()));
            result.setProperty("liveHeapBytes", Long.toString(memory.getHeapMemoryUsage().getUsed()));
            result.setProperty("maxHeapBytes", Long.toString(memory.getHeapMemoryUsage().getMax()));
        }
        result.setProperty("localCopyBytes", Long.toString(directorySize(Path.of(args[2]))));
        try (OutputStream out = Files.newOutputStream(Path.of(args[3]))) {
            result.store(out, "one restore of the polling-diff state");
        }
    }

    private static long directorySize(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
