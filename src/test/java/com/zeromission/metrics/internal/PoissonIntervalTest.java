package com.zeromission.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values for the exact (Garwood) interval, computed independently of this code: bisection on the
 * regularised lower incomplete gamma function in Python (double precision): the chi-square quantiles
 * χ²(α/2; 2k) / 2 and χ²(1 − α/2; 2k + 2) / 2.
 */
class PoissonIntervalTest {

    @Test
    void matchesTheReferenceIntervalFor40Events() {
        double[] b = PoissonInterval.bounds(40, 0.95);
        assertThat(b[0]).isCloseTo(28.576586, within(1e-4));
        assertThat(b[1]).isCloseTo(54.468647, within(1e-4));
    }

    @Test
    void matchesTheReferenceForRareAndZeroCounts() {
        assertThat(PoissonInterval.bounds(0, 0.95)).containsExactly(new double[] {0, 3.688879}, within(1e-5));
        assertThat(PoissonInterval.bounds(1, 0.95)).containsExactly(new double[] {0.02531781, 5.571643}, within(1e-5));
        assertThat(PoissonInterval.bounds(10, 0.95)).containsExactly(new double[] {4.795389, 18.390356}, within(1e-5));
    }

    @Test
    void rejectsNegativeCountsAndImpossibleConfidence() {
        assertThatThrownBy(() -> PoissonInterval.bounds(-1, 0.95)).hasMessage("observed must be >= 0, was -1");
        assertThatThrownBy(() -> PoissonInterval.bounds(1, 1.0)).hasMessage("confidence must be in (0, 1), was 1.0");
    }
}
