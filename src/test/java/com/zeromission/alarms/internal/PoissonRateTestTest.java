package com.zeromission.alarms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class PoissonRateTestTest {

    @Test
    void equalExposureIsAFairCoinAndMatchesTheBinomialTailByHand() {
        // 15 of 20 complaints in the window with as many purchases as the baseline: P(Bin(20, 1/2) >= 15)
        // = (C(20,15) + C(20,16) + ... + C(20,20)) / 2^20 = 21,700 / 1,048,576.
        assertThat(PoissonRateTest.pValue(15, 100, 5, 100)).isCloseTo(21_700.0 / 1_048_576, within(1e-12));
    }

    @Test
    void withAHugeBaselineItBecomesThePlainPoissonTail() {
        // Baseline rate 1 per million known almost exactly; 10 complaints where 1 is expected:
        // P(Poisson(1) >= 10) = 1 - e^-1 * sum_{k<10} 1/k! = 1.1142547e-7.
        assertThat(PoissonRateTest.pValue(10, 1_000_000, 1_000_000, 1_000_000_000_000L))
                .isCloseTo(1.1142547e-7, Percentage.withPercentage(0.5));
    }

    @Test
    void aBaselineWithoutComplaintsStillGivesAFiniteAnswer() {
        // Every one of the 10 complaints had to land in the window, whose share of purchases is 1/29.
        assertThat(PoissonRateTest.pValue(10, 1, 0, 28)).isCloseTo(Math.pow(1.0 / 29, 10), Percentage.withPercentage(1e-6));
    }

    @Test
    void noComplaintsIsNeverASpike() {
        assertThat(PoissonRateTest.pValue(0, 1_000, 50, 28_000)).isEqualTo(1.0);
    }

    @Test
    void refusesAWindowWithoutPurchases() {
        assertThatThrownBy(() -> PoissonRateTest.pValue(3, 0, 5, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purchases must be > 0");
    }
}
