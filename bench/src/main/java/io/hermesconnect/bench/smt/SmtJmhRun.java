package io.hermesconnect.bench.smt;

import io.hermesconnect.bench.profile.JfrSettings;
import io.hermesconnect.bench.profile.JfrThreadSamples;
import io.hermesconnect.bench.profile.ThreadProfileSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One case and side on JMH: {@link SmtBenchmark} in its forks with JMH's gc profiler (bytes per record), JMH's
 * human-readable log and JSON result written to the work directory, the result read back. With {@code --profile},
 * JMH's JFR profiler records each fork's measured iterations with our {@link JfrSettings#ALLOCATION_AND_CPU}
 * settings and 256-frame stacks; the last fork's recording is summarised for the measuring thread.
 */
final class SmtJmhRun {

    /** The measured method; JMH's name of the benchmark. */
    private static final String BENCHMARK = SmtBenchmark.class.getName() + ".apply";
    /** JMH's measuring threads are named {@code <benchmark>-jmh-worker-<n>}; the benchmark runs one. */
    private static final Pattern MEASURING_THREAD = Pattern.compile(".*-jmh-worker-\\d+");
    /** JFR keeps 64 frames from the leaf by default: a deeper stack would lose our frame, which names the site. */
    private static final int STACK_DEPTH = 256;
    private static final int TOP = 15;

    private final SmtBenchOptions options;
    private final SmtCase smtCase;
    private final String side;

    SmtJmhRun(SmtBenchOptions options, SmtCase smtCase, String side) {
        this.options = options;
        this.smtCase = smtCase;
        this.side = side;
    }

    /** JMH's human-readable output of this run: iterations, forks, errors. */
    Path log() {
        return file(".log");
    }

    /** Runs the forks and reads their result; {@code keptPercent} is measured apart ({@link SmtCase#keptPercent}). */
    SmtMeasurement run(double keptPercent) throws RunnerException {
        prepareWorkDir();
        new Runner(jmhOptions()).run();
        ThreadProfileSummary profile = options.profile()
                ? JfrThreadSamples.summarise(lastRecording(), MEASURING_THREAD.asMatchPredicate(), BENCHMARK, TOP)
                : null;
        return new SmtMeasurement(smtCase, side, JmhScores.read(file(".json")), keptPercent, profile);
    }

    /** The JMH options of this run (visible for testing). */
    Options jmhOptions() {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("^" + Pattern.quote(BENCHMARK) + "$")
                .param("caseId", smtCase.id())
                .param("side", side)
                .forks(options.forks())
                .warmupIterations(options.warmupIterations())
                .warmupTime(time(options.warmupSeconds()))
                .measurementIterations(options.iterations())
                .measurementTime(time(options.iterationSeconds()))
                .threads(1)
                .jvmArgs("-Xms" + options.heap(), "-Xmx" + options.heap(), "-XX:+UseG1GC",
                        "-Dlog4j2.configurationFile=bench-log4j2.xml")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(file(".json").toString())
                .output(log().toString());
        if (options.profile()) {
            builder.addProfiler(JavaFlightRecorderProfiler.class, "dir=" + recordings() + ";configName="
                    + settings() + ";stackDepth=" + STACK_DEPTH);
        }
        return builder.build();
    }

    private Path file(String suffix) {
        return options.workDir().toAbsolutePath().resolve(smtCase.id() + "-" + side + suffix);
    }

    /** Where JMH's JFR profiler writes {@code <benchmark id>/profile.jfr}, each fork over the previous one's. */
    private Path recordings() {
        return file("-jfr");
    }

    private Path lastRecording() {
        try (Stream<Path> files = Files.find(recordings(), 2, (path, attributes) -> path.endsWith("profile.jfr"))) {
            return files.findFirst()
                    .orElseThrow(() -> new IllegalStateException("JMH's JFR profiler wrote no recording under "
                            + recordings() + "; see " + log()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + recordings(), e);
        }
    }

    /** Creates the work directory, deletes this run's previous recordings, writes the JFR settings file. */
    private void prepareWorkDir() {
        try {
            Files.createDirectories(options.workDir());
            if (Files.exists(recordings())) {
                try (Stream<Path> paths = Files.walk(recordings())) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            if (options.profile()) {
                Files.writeString(settings(), JfrSettings.ALLOCATION_AND_CPU);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the work directory " + options.workDir(), e);
        }
    }

    /** JFR.start takes settings from a file: ours, in the work directory. */
    private Path settings() {
        return options.workDir().toAbsolutePath().resolve("allocation-and-cpu.jfc");
    }

    private static TimeValue time(double seconds) {
        return TimeValue.milliseconds(Math.round(seconds * 1000));
    }
}
