package io.hermesconnect.bench.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiffPollBenchOptionsTest {

    @Test
    void defaultsAreTheIssuesSizesAndMergeAtTheGoalsHeap() {
        DiffPollBenchOptions options = DiffPollBenchOptions.parse();

        assertThat(options.sizes()).containsExactly(100_000L, 1_000_000L);
        assertThat(options.mergeSize()).isEqualTo(1_000_000L);
        assertThat(options.workerHeap()).isEqualTo("512m");
        assertThat(options.profile()).isFalse();
        assertThat(options.pluginPath()).isEqualTo(Path.of("bench/target/diff-plugins"));
        assertThat(options.output()).isEqualTo(Path.of("bench/target/diff-poll-bench.json"));
    }

    @Test
    void quickRunsOneHundredThousandRowsOnlyAndFullAddsTenMillion() {
        DiffPollBenchOptions quick = DiffPollBenchOptions.parse("--quick");
        DiffPollBenchOptions full = DiffPollBenchOptions.parse("--full", "--merge-size=0", "--profile");

        assertThat(quick.sizes()).containsExactly(100_000L);
        assertThat(quick.mergeSize()).isEqualTo(100_000L);
        assertThat(full.sizes()).containsExactly(100_000L, 1_000_000L, 10_000_000L);
        assertThat(full.mergeSize()).isZero();
        assertThat(full.profile()).isTrue();
    }

    @Test
    void contradictoryAndUnknownOptionsAreRefused() {
        assertThatThrownBy(() -> DiffPollBenchOptions.parse("--quick", "--full")).hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> DiffPollBenchOptions.parse("--merge-size=-1")).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> DiffPollBenchOptions.parse("--sizes=5")).hasMessageContaining("unknown option: --sizes=5");
    }
}
