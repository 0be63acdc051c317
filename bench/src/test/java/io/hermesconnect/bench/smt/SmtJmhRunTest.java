package io.hermesconnect.bench.smt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/** The command line becomes JMH's options for one case and side (nothing is run). */
class SmtJmhRunTest {

    @Test
    void runsTheCaseAndSideInTheRequestedForksAndIterationsWithTheGcProfiler(@TempDir Path dir) {
        SmtBenchOptions options = SmtBenchOptions.parse("--forks=3", "--warmup-iterations=4", "--warmup-time=1.5",
                "--iterations=6", "--iteration-time=2", "--heap=512m", "--work-dir=" + dir);

        Options jmh = new SmtJmhRun(options, SmtCase.FILTER_MEMBERSHIP, SmtCase.HERMES).jmhOptions();

        assertThat(jmh.getIncludes()).singleElement().satisfies(include ->
                assertThat("io.hermesconnect.bench.smt.SmtBenchmark.apply").matches(include));
        assertThat(jmh.getParameter("caseId").get()).containsExactly("filter-membership");
        assertThat(jmh.getParameter("side").get()).containsExactly("hermes");
        assertThat(jmh.getForkCount().get()).isEqualTo(3);
        assertThat(jmh.getWarmupIterations().get()).isEqualTo(4);
        assertThat(jmh.getWarmupTime().get()).isEqualTo(TimeValue.milliseconds(1500));
        assertThat(jmh.getMeasurementIterations().get()).isEqualTo(6);
        assertThat(jmh.getMeasurementTime().get()).isEqualTo(new TimeValue(2000, TimeUnit.MILLISECONDS));
        assertThat(jmh.getThreads().get()).isEqualTo(1);
        assertThat(jmh.getJvmArgs().get()).contains("-Xms512m", "-Xmx512m");
        assertThat(jmh.getProfilers()).extracting(p -> p.getKlass()).containsExactly(GCProfiler.class.getName());
        assertThat(jmh.getResultFormat().get()).isEqualTo(ResultFormatType.JSON);
        assertThat(jmh.getResult().get()).isEqualTo(dir.resolve("filter-membership-hermes.json").toString());
        assertThat(jmh.getOutput().get()).isEqualTo(dir.resolve("filter-membership-hermes.log").toString());
        assertThat(jmh.shouldFailOnError().get()).isTrue();
    }

    @Test
    void profileAddsJmhsFlightRecorderWithOurSettingsAndDeepStacks(@TempDir Path dir) {
        SmtBenchOptions options = SmtBenchOptions.parse("--quick", "--profile", "--work-dir=" + dir);

        Options jmh = new SmtJmhRun(options, SmtCase.FILTER_JINJA, SmtCase.CONNECT).jmhOptions();

        assertThat(jmh.getProfilers()).extracting(p -> p.getKlass())
                .containsExactly(GCProfiler.class.getName(), JavaFlightRecorderProfiler.class.getName());
        assertThat(jmh.getProfilers().get(1).getOpts()).isEqualTo("dir=" + dir.resolve("filter-jinja-connect-jfr")
                + ";configName=" + dir.resolve("allocation-and-cpu.jfc") + ";stackDepth=256");
    }
}
