package io.hermesconnect.bench.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SmtBenchOptionsTest {

    @Test
    void defaultsAreTheFullRun() {
        SmtBenchOptions options = SmtBenchOptions.parse();

        assertThat(options.forks()).isEqualTo(2);
        assertThat(options.warmupIterations()).isEqualTo(5);
        assertThat(options.warmupSeconds()).isEqualTo(2);
        assertThat(options.iterations()).isEqualTo(5);
        assertThat(options.iterationSeconds()).isEqualTo(2);
        assertThat(options.cases()).containsExactlyElementsOf(SmtBenchOptions.CASES).contains("filter-membership");
        assertThat(options.heap()).isEqualTo("1g");
        assertThat(options.output()).isEqualTo(Path.of("bench/target/smt-bench.json"));
        assertThat(options.workDir()).isEqualTo(Path.of("bench/target/smt-work"));
        assertThat(options.profile()).isFalse();
        assertThat(options.secondsPerCaseAndSide()).isEqualTo(40);
    }

    @Test
    void quickShrinksTheDefaultsButExplicitOptionsWin() {
        SmtBenchOptions options = SmtBenchOptions.parse("--quick", "--iterations=4", "--warmup-time=0.5",
                "--cases=filter-membership,filter-jinja", "--profile", "--heap=512m");

        assertThat(options.forks()).isEqualTo(1);
        assertThat(options.warmupIterations()).isEqualTo(3);
        assertThat(options.warmupSeconds()).isEqualTo(0.5);
        assertThat(options.iterations()).isEqualTo(4);
        assertThat(options.iterationSeconds()).isEqualTo(1);
        assertThat(options.cases()).containsExactly("filter-membership", "filter-jinja");
        assertThat(options.heap()).isEqualTo("512m");
        assertThat(options.profile()).isTrue();
        assertThat(options.secondsPerCaseAndSide()).isEqualTo(5.5);
    }

    @Test
    void refusesTooFewMeasurementsForAnErrorBar() {
        assertThatThrownBy(() -> SmtBenchOptions.parse("--forks=1", "--iterations=2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
        assertThat(SmtBenchOptions.parse("--forks=3", "--iterations=1").iterations()).isEqualTo(1);
        assertThat(SmtBenchOptions.parse("--warmup-iterations=0").warmupIterations()).isZero();
    }

    @Test
    void refusesUnknownCasesAndOptions() {
        assertThatThrownBy(() -> SmtBenchOptions.parse("--cases=filter-nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filter-nothing");
        assertThatThrownBy(() -> SmtBenchOptions.parse("--rounds=5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> SmtBenchOptions.parse("--iteration-time=0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--iteration-time");
    }
}
