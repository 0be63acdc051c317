package io.hermesconnect.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRunTest {

    private static HttpRun run(String side, int delay, int concurrency, int inFlight, double rate) {
        return new HttpRun(delay, concurrency, side, inFlight, 1000, 1000 / rate, rate, null, "0.50 0.40 0.30");
    }

    @Test
    void eachRunIsComparedWithThePlainClientOfItsDelayAndConcurrency() {
        HttpRun connector = run("connector", 20, 1, 1, 40);
        List<HttpRun> runs = HttpRun.withRatios(List.of(connector.inFlightOf(1), run("plain", 20, 1, 1, 50),
                connector.inFlightOf(16), run("dispatcher", 20, 16, 16, 600), run("plain", 20, 16, 16, 800),
                run("dispatcher", 1, 16, 16, 900)));

        assertThat(runs).extracting(HttpRun::vsPlain).containsExactly(0.8, 1.0, 0.05, 0.75, 1.0, null);
        assertThat(runs.get(2).concurrency()).isEqualTo(16);
        assertThat(runs.get(2).inFlight()).isEqualTo(1);
    }

    @Test
    void theTableShowsOneLinePerRunWithItsRatioAndLoad() {
        String table = HttpRun.table(HttpRun.withRatios(List.of(run("connector", 1, 16, 1, 400), run("plain", 1, 16, 16, 1600))))
                .toString();

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().skip(2).findFirst().orElseThrow())
                .startsWith("connector").contains(" 1 ", " 16 ", "1,000", "400", "0.25", "0.50 0.40 0.30");
    }
}
