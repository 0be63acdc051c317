package io.hermesconnect.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records this test's own thread allocating for a second: JFR's event and field names are what the reader expects. */
class JfrThreadSamplesTest {

    /** Where the blocks go, so that the JIT cannot prove them unused and skip allocating them. */
    private static volatile long[] sink;

    @Test
    void summarisesTheRecordedThreadsAllocationAndCpuSamples(@TempDir Path dir) {
        Path file = dir.resolve("test.jfr");
        // on a busy machine JFR may not sample a thread at all in a second: record again, up to a deadline
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ThreadProfileSummary summary;
        do {
            summary = recordAllocating(file, Duration.ofSeconds(1));
        } while ((summary.cpuSamples() == 0 || summary.allocationSamples() == 0) && System.nanoTime() < deadline);

        assertThat(summary.recording()).isEqualTo(file.toString());
        assertThat(summary.allocationSamples()).isPositive();
        assertThat(summary.allocatedClasses().get(0).name()).isEqualTo("long[]");
        assertThat(summary.allocationSites().get(0).name()).startsWith(getClass().getName() + ".allocateFor:");
        assertThat(summary.cpuSamples()).isPositive();
        assertThat(summary.inclusiveMethods()).extracting(Share::name).contains(getClass().getName() + ".allocateFor");
    }

    private static ThreadProfileSummary recordAllocating(Path file, Duration duration) {
        try (InProcessRecording recording = new InProcessRecording()) {
            recording.start();
            allocateFor(duration);
            return JfrThreadSamples.summarise(recording.stop(file), Thread.currentThread().getId(), 15);
        }
    }

    private static void allocateFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            sink = new long[1024];
        }
    }
}
