package io.hermesconnect.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfUnsortedValues() {
        Percentiles p = new Percentiles(new double[] {4, 1, 3, 2});

        assertThat(p.at(25)).isEqualTo(1);
        assertThat(p.at(50)).isEqualTo(2);
        assertThat(p.at(51)).isEqualTo(3);
        assertThat(p.at(100)).isEqualTo(4);
        assertThat(p.max()).isEqualTo(4);
    }

    @Test
    void p99OfAHundredValuesIsTheNinetyNinth() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 - i; // 100 .. 1
        }

        assertThat(new Percentiles(values).at(99)).isEqualTo(99);
        assertThat(new Percentiles(values).at(50)).isEqualTo(50);
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        assertThat(new Percentiles(new double[] {7}).at(1)).isEqualTo(7);
        assertThat(new Percentiles(new double[] {7}).at(99)).isEqualTo(7);
    }

    @Test
    void rejectsNoValuesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> new Percentiles(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(new double[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(new double[] {1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
