package io.hermesconnect.bench.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalBenchOptionsTest {

    @Test
    void defaultsAreTheFullRun() {
        WalBenchOptions options = WalBenchOptions.parse();

        assertThat(options.small()).isEqualTo(100_000);
        assertThat(options.bulk()).isEqualTo(1_000_000);
        assertThat(options.bulkTransactionRows()).isEqualTo(1_000);
        assertThat(options.huge()).isEqualTo(2_000_000);
        assertThat(options.rate()).isEqualTo(5_000);
        assertThat(options.latencySeconds()).isEqualTo(30);
        assertThat(options.workloads()).containsExactly("small", "bulk", "huge", "latency");
        assertThat(options.consumers()).containsExactly("pg_recvlogical", "jdbc", "debezium", "hermes");
        assertThat(options.output()).isEqualTo(Path.of("bench/target/wal-bench.json"));
        assertThat(options.profile()).isFalse();
        assertThat(options.hermesSettings()).isEmpty();
    }

    @Test
    void hermesSettingsAreKeyValuePairs() {
        WalBenchOptions options = WalBenchOptions.parse("--hermes-settings=streaming.enabled=false, max.batch.size=4096");

        assertThat(options.hermesSettings()).containsExactly(Map.entry("streaming.enabled", "false"), Map.entry("max.batch.size", "4096"));
        assertThatThrownBy(() -> WalBenchOptions.parse("--hermes-settings=streaming.enabled"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
    }

    @Test
    void quickShrinksTheDefaultsButExplicitOptionsWin() {
        WalBenchOptions options = WalBenchOptions.parse("--quick", "--bulk=30000", "--consumers=debezium,jdbc",
                "--worker.producer.linger.ms=5", "--warmup=0", "--profile");

        assertThat(options.small()).isEqualTo(2_000);
        assertThat(options.bulk()).isEqualTo(30_000);
        assertThat(options.huge()).isEqualTo(50_000);
        assertThat(options.warmup()).isZero();
        assertThat(options.latencySeconds()).isEqualTo(5);
        assertThat(options.consumers()).containsExactly("debezium", "jdbc");
        assertThat(options.workerSettings()).isEqualTo(Map.of("producer.linger.ms", "5"));
        assertThat(options.profile()).isTrue();
    }

    @Test
    void workloadsDescribeThemselves() {
        assertThat(new Workload("small", 100, 1).describe()).isEqualTo("100 single-row txns");
        assertThat(new Workload("bulk", 2500, 1000).transactions()).isEqualTo(3);
        assertThat(new Workload("bulk", 2500, 1000).describe()).isEqualTo("2500 rows in 1000-row txns");
        assertThat(new Workload("huge", 50, 50).describe()).isEqualTo("50 rows in one txn");
    }
}
