package io.hermesconnect.bench.report;

import java.util.Arrays;

/** Percentiles of a sample by the nearest-rank method: p50 of {1,2,3,4} is 2, p100 is the maximum. */
public final class Percentiles {

    private final double[] sorted;

    public Percentiles(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** @param p in (0, 100] */
    public double at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[rank - 1];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }
}
