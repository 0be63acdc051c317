package io.hermesconnect.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records this test's own thread for half a second: JFR's event and field names are what the reader expects. */
class JfrThreadSamplesTest {

    /** Where the blocks go, so that the JIT cannot prove them unused and skip allocating them. */
    private static volatile long[] sink;

    @Test
    void summarisesTheRecordedThreadsAllocationAndCpuSamples(@TempDir Path dir) {
        Path file;
        try (InProcessRecording recording = new InProcessRecording()) {
            recording.start();
            allocateFor(Duration.ofMillis(500));
            file = recording.stop(dir.resolve("test.jfr"));
        }

        ThreadProfileSummary summary = JfrThreadSamples.summarise(file, Thread.currentThread().getId(), 15);

        assertThat(summary.recording()).isEqualTo(file.toString());
        assertThat(summary.allocationSamples()).isPositive();
        assertThat(summary.allocatedClasses().get(0).name()).isEqualTo("long[]");
        assertThat(summary.allocationSites().get(0).name()).startsWith(getClass().getName() + ".allocateFor:");
        assertThat(summary.cpuSamples()).isPositive();
        assertThat(summary.inclusiveMethods()).extracting(Share::name).contains(getClass().getName() + ".allocateFor");
    }

    private static void allocateFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            sink = new long[1024];
        }
    }
}
