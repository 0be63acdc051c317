package io.hermesconnect.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationProfileTest {

    private static final String CHAIN = "io.hermesconnect.bench.smt.TransformChain.apply:46";
    private static final String BENCHMARK = "io.hermesconnect.bench.smt.SmtBenchmark.apply:52";

    @Test
    void whatALibraryAllocatesForOurCodeIsOurs() {
        assertThat(AllocationProfile.site(List.of("java.util.HashMap.resize:700",
                "com.hubspot.jinjava.interpret.Context.<init>:120", "com.hubspot.jinjava.Jinjava.render:200",
                "io.hermesconnect.transforms.jinja.Template.render:55",
                "io.hermesconnect.transforms.JinjaMapping.apply:80", CHAIN, BENCHMARK)))
                .isEqualTo("io.hermesconnect.transforms.jinja.Template.render:55");
    }

    @Test
    void withoutOurCodeTheFirstFrameOutsideTheJdkAllocated() {
        assertThat(AllocationProfile.site(List.of("java.util.Arrays.copyOf:3512", "java.util.ArrayList.grow:237",
                "org.apache.kafka.connect.data.Struct.<init>:58",
                "org.apache.kafka.connect.transforms.ReplaceField.applyWithSchema:190", CHAIN, BENCHMARK)))
                .isEqualTo("org.apache.kafka.connect.data.Struct.<init>:58");
        assertThat(AllocationProfile.site(List.of("jdk.internal.misc.Unsafe.allocateInstance",
                "sun.reflect.Foo.bar", "javax.x.Y.z", "com.sun.A.b", CHAIN, BENCHMARK)))
                .as("the harness only when nothing else is on the stack").isEqualTo(CHAIN);
    }

    @Test
    void aStackOfJdkFramesOnlyCountsForItsLeaf() {
        assertThat(AllocationProfile.site(List.of("java.lang.String.<init>:300", "java.lang.Thread.run:833")))
                .isEqualTo("java.lang.String.<init>:300");
        assertThat(AllocationProfile.site(List.of())).isEqualTo("(no stack)");
    }

    @Test
    void classesAndSitesAreSharesOfTheSampledBytes() {
        AllocationProfile profile = new AllocationProfile();
        List<String> ours = List.of("java.util.Arrays.copyOf", "io.hermesconnect.transforms.Filter.apply:40", CHAIN);
        List<String> connect = List.of("org.apache.kafka.connect.data.Struct.<init>:58", CHAIN);
        profile.add(at(0), "java.lang.Object", ours, 1);
        profile.add(at(1), "byte[]", ours, 600);
        profile.add(at(2), "java.lang.String", ours, 100);
        profile.add(at(3), "java.lang.Object[]", connect, 300);

        assertThat(profile.samples()).isEqualTo(3);
        assertThat(profile.weight()).isEqualTo(1000);
        assertThat(profile.topClasses(2)).containsExactly(new Share("byte[]", 600, 60.0),
                new Share("java.lang.Object[]", 300, 30.0));
        assertThat(profile.topSites(15)).containsExactly(
                new Share("io.hermesconnect.transforms.Filter.apply:40", 700, 70.0),
                new Share("org.apache.kafka.connect.data.Struct.<init>:58", 300, 30.0));
    }

    @Test
    void theEarliestSampleCarriesWhatTheThreadAllocatedBeforeTheRecordingAndIsLeftOut() {
        AllocationProfile profile = new AllocationProfile();
        List<String> stack = List.of("io.hermesconnect.transforms.Filter.apply:40", CHAIN);
        profile.add(at(5), "byte[]", stack, 100);
        profile.add(at(9), "byte[]", stack, 100);
        profile.add(at(2), "java.lang.Object", List.of("org.openjdk.jmh.runner.BenchmarkHandler$BenchmarkTask.call:527"),
                5_000_000); // read after later samples
        profile.add(at(7), "byte[]", stack, 100);

        assertThat(profile.samples()).isEqualTo(3);
        assertThat(profile.topClasses(15)).containsExactly(new Share("byte[]", 300, 100.0));
    }

    @Test
    void noSamplesGiveNoShares() {
        AllocationProfile profile = new AllocationProfile();
        profile.add(at(0), "byte[]", List.of(CHAIN), 5_000_000);

        assertThat(profile.samples()).isZero();
        assertThat(profile.topSites(15)).isEmpty();
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(1_700_000_000_000L + millis);
    }
}
