package io.hermesconnect.bench.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hermesconnect.bench.report.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtRatioTest {

    @Test
    void dividesOursByConnectsPerCaseWithTheErrorsOfBoth() {
        List<SmtMeasurement> results = List.of(
                measurement("filter-jinja", SmtCase.CONNECT, new Estimate(2_000_000, 60_000), new Estimate(100, 0)),
                measurement("filter-jinja", SmtCase.HERMES, new Estimate(500_000, 20_000), new Estimate(400, 4)),
                // measured on one side only: no ratio
                measurement("mapping-renames", SmtCase.HERMES, new Estimate(1_000_000, 10_000), new Estimate(300, 1)));

        List<SmtRatio> ratios = SmtRatio.of(results);

        assertThat(ratios).extracting(SmtRatio::caseId).containsExactly("filter-jinja");
        SmtRatio ratio = ratios.get(0);
        // 4% and 3% relative errors: 5% on the ratio
        assertThat(ratio.recordsPerSecond().value()).isEqualTo(0.25);
        assertThat(ratio.recordsPerSecond().error()).isCloseTo(0.25 * 0.05, within(1e-12));
        assertThat(ratio.bytesPerRecord().value()).isEqualTo(4.0);
        assertThat(ratio.bytesPerRecord().error()).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void ratiosFollowTheOrderOfTheCases() {
        Estimate any = new Estimate(1, 0.1);
        List<SmtMeasurement> results = List.of(
                measurement("mapping-renames", SmtCase.HERMES, any, any),
                measurement("mapping-renames", SmtCase.CONNECT, any, any),
                measurement("filter-tables", SmtCase.CONNECT, any, any),
                measurement("filter-tables", SmtCase.HERMES, any, any));

        assertThat(SmtRatio.of(results)).extracting(SmtRatio::caseId).containsExactly("filter-tables", "mapping-renames");
    }

    private static SmtMeasurement measurement(String caseId, String side, Estimate recordsPerSecond,
            Estimate bytesPerRecord) {
        return new SmtMeasurement(SmtCase.forId(caseId), side, new JmhScores(2, 10, recordsPerSecond, bytesPerRecord),
                100, null);
    }
}
