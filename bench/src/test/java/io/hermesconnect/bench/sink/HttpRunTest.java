package io.hermesconnect.bench.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRunTest {

    private static HttpRun run(String side, int delay, int concurrency, double rate) {
        return new HttpRun(delay, concurrency, side, 1000, 1000 / rate, rate, null, "0.50 0.40 0.30");
    }

    @Test
    void eachRunIsComparedWithThePlainClientOfItsDelayAndConcurrency() {
        List<HttpRun> runs = HttpRun.withRatios(List.of(run("connector", 20, 1, 40), run("plain", 20, 1, 50),
                run("connector", 20, 16, 640), run("dispatcher", 20, 16, 600), run("plain", 20, 16, 800),
                run("dispatcher", 1, 16, 900)));

        assertThat(runs).extracting(HttpRun::vsPlain).containsExactly(0.8, 1.0, 0.8, 0.75, 1.0, null);
    }

    @Test
    void theTableShowsOneLinePerRunWithItsRatioAndLoad() {
        String table = HttpRun.table(HttpRun.withRatios(List.of(run("connector", 1, 16, 400), run("plain", 1, 16, 1600))))
                .toString();

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().skip(2).findFirst().orElseThrow())
                .startsWith("connector").contains(" 1 ", " 16 ", "1,000", "400", "0.25", "0.50 0.40 0.30");
    }
}
