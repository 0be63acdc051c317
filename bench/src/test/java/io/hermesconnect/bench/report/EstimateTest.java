package io.hermesconnect.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void aRatiosRelativeErrorIsTheQuadratureOfBothRelativeErrors() {
        // 3% and 4% relative errors give 5% on the ratio
        Estimate ratio = new Estimate(600, 18).over(new Estimate(200, 8));

        assertThat(ratio.value()).isEqualTo(3.0);
        assertThat(ratio.error()).isCloseTo(0.05 * 3.0, within(1e-9));
    }

    @Test
    void anExactDenominatorPassesTheNumeratorsRelativeErrorOn() {
        Estimate ratio = new Estimate(50, 5).over(new Estimate(200, 0));

        assertThat(ratio.value()).isEqualTo(0.25);
        assertThat(ratio.error()).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void aZeroNumeratorKeepsTheErrorItsOwnErrorGives() {
        Estimate ratio = new Estimate(0, 2).over(new Estimate(100, 10));

        assertThat(ratio.value()).isZero();
        assertThat(ratio.error()).isCloseTo(0.02, within(1e-12));
    }
}
