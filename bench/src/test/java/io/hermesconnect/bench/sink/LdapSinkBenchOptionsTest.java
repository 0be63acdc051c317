package io.hermesconnect.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LdapSinkBenchOptionsTest {

    @Test
    void defaultsAreTheIssuesSizes() {
        LdapSinkBenchOptions options = LdapSinkBenchOptions.parse();

        assertThat(options.entries()).isEqualTo(100_000);
        assertThat(options.parked()).isEqualTo(10_000);
        assertThat(options.warmupEntries()).isEqualTo(2000);
        assertThat(options.workDir()).isEqualTo(Path.of("bench/target/ldap-sink-work"));
        assertThat(options.output()).isEqualTo(Path.of("bench/target/ldap-sink-bench.json"));
    }

    @Test
    void quickRunsFewerEntriesAndExplicitOptionsWin() {
        LdapSinkBenchOptions quick = LdapSinkBenchOptions.parse("--quick", "--parked=0");

        assertThat(quick.entries()).isEqualTo(2000);
        assertThat(quick.parked()).isZero();
        assertThat(quick.warmupEntries()).isEqualTo(500);
    }

    @Test
    void badNumbersAndUnknownOptionsAreRefused() {
        assertThatThrownBy(() -> LdapSinkBenchOptions.parse("--entries=0")).hasMessageContaining("--entries must be at least 1");
        assertThatThrownBy(() -> LdapSinkBenchOptions.parse("--parked=lots")).hasMessageContaining("--parked takes a whole number");
        assertThatThrownBy(() -> LdapSinkBenchOptions.parse("--entry=5")).hasMessageContaining("unknown option: --entry=5");
    }
}
