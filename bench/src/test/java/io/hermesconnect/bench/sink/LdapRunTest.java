package io.hermesconnect.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LdapRunTest {

    private static LdapRun run(String operation, String side, String baseline, double rate) {
        return new LdapRun(operation, side, baseline, 1000, 1000 / rate, rate, null, "1.00 0.90 0.80");
    }

    @Test
    void eachRunIsComparedWithItsBaseline() {
        List<LdapRun> runs = LdapRun.withRatios(List.of(run("creates", "connector", "plain creates", 800),
                run("creates", "plain", null, 1000), run("modifies", "connector", "plain modifies", 300),
                run("creates, 10 parked", "connector", "connector creates", 720)));

        assertThat(runs).extracting(LdapRun::ratio).containsExactly(0.8, null, null, 0.9);
    }

    @Test
    void theTableShowsOneLinePerRunWithItsRatioAndLoad() {
        String table = LdapRun.table(LdapRun.withRatios(List.of(run("creates", "connector", "plain creates", 500),
                run("creates", "plain", null, 2000)))).toString();

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().skip(2).findFirst().orElseThrow())
                .startsWith("creates").contains("connector", "1,000", "500", "0.25", "plain creates", "1.00 0.90 0.80");
    }
}
