package io.hermesconnect.bench.report;

/**
 * A measured figure and its error: the half-width of its confidence interval, so the true value lies in
 * {@code value ± error} at that confidence (JMH's score error, at 99.9%).
 */
public record Estimate(double value, double error) {

    /**
     * {@code this / denominator}, its error propagated to first order from two independent measurements: the
     * relative errors add in quadrature. Good while both relative errors are small (under ~20%); beyond that
     * the interval is rough (a ratio's distribution is skewed), and the ratio should be measured again.
     */
    public Estimate over(Estimate denominator) {
        double ratio = value / denominator.value;
        // written without dividing by this value, so that a zero numerator keeps a finite error
        double error = Math.hypot(this.error / denominator.value, value * denominator.error
                / (denominator.value * denominator.value));
        return new Estimate(ratio, error);
    }
}
