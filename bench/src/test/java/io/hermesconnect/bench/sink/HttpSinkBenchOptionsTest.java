package io.hermesconnect.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HttpSinkBenchOptionsTest {

    @Test
    void defaultsAreTheIssuesDelaysAndConcurrencies() {
        HttpSinkBenchOptions options = HttpSinkBenchOptions.parse();

        assertThat(options.events()).isEqualTo(5000);
        assertThat(options.warmupEvents()).isEqualTo(2000);
        assertThat(options.delaysMs()).containsExactly(1, 20);
        assertThat(options.concurrencies()).containsExactly(1, 16);
        assertThat(options.kafkaClasspath()).isEqualTo(Path.of("bench/target/stack/kafka.classpath"));
        assertThat(options.output()).isEqualTo(Path.of("bench/target/http-sink-bench.json"));
    }

    @Test
    void quickRunsFewerEventsAndExplicitOptionsWin() {
        HttpSinkBenchOptions quick = HttpSinkBenchOptions.parse("--quick", "--warmup-events=0");

        assertThat(quick.events()).isEqualTo(500);
        assertThat(quick.warmupEvents()).isZero();

        HttpSinkBenchOptions chosen = HttpSinkBenchOptions.parse("--events=10_000", "--delays=0, 5,5", "--concurrency=4");
        assertThat(chosen.events()).isEqualTo(10_000);
        assertThat(chosen.delaysMs()).containsExactly(0, 5);
        assertThat(chosen.concurrencies()).containsExactly(4);
    }

    @Test
    void badNumbersAndUnknownOptionsAreRefused() {
        assertThatThrownBy(() -> HttpSinkBenchOptions.parse("--delays=1ms")).hasMessageContaining("--delays takes whole numbers");
        assertThatThrownBy(() -> HttpSinkBenchOptions.parse("--concurrency=0")).hasMessageContaining("--concurrency must be at least 1");
        assertThatThrownBy(() -> HttpSinkBenchOptions.parse("--events=0")).hasMessageContaining("--events must be at least 1");
        assertThatThrownBy(() -> HttpSinkBenchOptions.parse("--delay=5")).hasMessageContaining("unknown option: --delay=5");
    }
}
