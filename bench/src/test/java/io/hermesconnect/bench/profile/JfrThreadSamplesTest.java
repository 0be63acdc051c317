package io.hermesconnect.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records this test's own thread allocating for a second with the SMT benchmark's settings: JFR's event and field
 * names are what the reader expects, and the settings give it both kinds of samples.
 */
class JfrThreadSamplesTest {

    private static final String MEASURED_METHOD = JfrThreadSamplesTest.class.getName() + ".allocateFor";

    /** Where the blocks go, so that the JIT cannot prove them unused and skip allocating them. */
    private static volatile long[] sink;

    @Test
    void summarisesTheNamedThreadsAllocationAndCpuSamples(@TempDir Path dir) throws IOException, ParseException {
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
        // only samples in the measured method count, cut above it: none of its callers (this test, JUnit) is counted
        assertThat(summary.inclusiveMethods()).extracting(Share::name)
                .noneMatch(name -> name.endsWith(".recordAllocating") || name.startsWith("org.junit."));
    }

    @Test
    void keepsTheFramesUpToTheMeasuredMethodAndNoneWithoutIt() {
        List<String> stack = List.of("a.Leaf.run", "a.Chain.apply", "a.Bench.apply", "jmh.Stub.loop", "java.lang.Thread.run");

        assertThat(stack.subList(0, JfrThreadSamples.depth(stack, "a.Bench.apply")))
                .containsExactly("a.Leaf.run", "a.Chain.apply", "a.Bench.apply");
        assertThat(JfrThreadSamples.depth(stack, "a.Other.apply")).isZero();
    }

    @Test
    void leavesOutTheThreadsTheNameDoesNotSelect(@TempDir Path dir) throws IOException, ParseException {
        ThreadProfileSummary summary = recordAllocating(dir.resolve("test.jfr"), Duration.ofMillis(200),
                "no-such-thread"::equals);

        assertThat(summary.cpuSamples()).isZero();
        assertThat(summary.allocationSamples()).isZero();
    }

    private static ThreadProfileSummary recordAllocating(Path file, Duration duration)
            throws IOException, ParseException {
        return recordAllocating(file, duration, Thread.currentThread().getName()::equals);
    }

    private static ThreadProfileSummary recordAllocating(Path file, Duration duration,
            Predicate<String> threadName) throws IOException, ParseException {
        Configuration settings = Configuration.create(new StringReader(JfrSettings.ALLOCATION_AND_CPU));
        try (Recording recording = new Recording(settings)) {
            recording.start();
            allocateFor(duration);
            recording.stop();
            recording.dump(file);
        }
        return JfrThreadSamples.summarise(file, threadName, MEASURED_METHOD, 15);
    }

    private static void allocateFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            sink = new long[1024];
        }
    }
}
