package io.hermesconnect.bench.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiffStateBenchOptionsTest {

    @Test
    void defaultsAreTheIssuesSizesAtASmallHeap() {
        DiffStateBenchOptions options = DiffStateBenchOptions.parse();

        assertThat(options.sizes()).containsExactly(100_000L, 1_000_000L);
        assertThat(options.restoreHeap()).isEqualTo("512m");
        assertThat(options.kafkaClasspath()).isEqualTo(Path.of("bench/target/stack/kafka.classpath"));
        assertThat(options.workDir()).isEqualTo(Path.of("bench/target/diff-state-work"));
        assertThat(options.output()).isEqualTo(Path.of("bench/target/diff-state-bench.json"));
    }

    @Test
    void sizesAndHeapCanBeChosen() {
        DiffStateBenchOptions options = DiffStateBenchOptions.parse("--sizes=10_000, 2000000", "--restore-heap=1g");

        assertThat(options.sizes()).containsExactly(10_000L, 2_000_000L);
        assertThat(options.restoreHeap()).isEqualTo("1g");
    }

    @Test
    void badSizesAndUnknownOptionsAreRefused() {
        assertThatThrownBy(() -> DiffStateBenchOptions.parse("--sizes=100k")).hasMessageContaining("--sizes takes whole numbers");
        assertThatThrownBy(() -> DiffStateBenchOptions.parse("--sizes=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DiffStateBenchOptions.parse("--size=5")).hasMessageContaining("unknown option: --size=5");
    }
}
