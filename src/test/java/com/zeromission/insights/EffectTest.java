package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class EffectTest {

    @Test
    void verifiesARealDropInTheComplaintRate() {
        // 8 weeks at 40 CPM, then 8 weeks at 25 CPM, 1,000,000 purchases a week
        var effect = Effect.of(320, 8_000_000, 200, 8_000_000);

        assertThat(effect.real()).isTrue();
        assertThat(effect.cpmBefore()).isEqualTo(40.0);
        assertThat(effect.cpmAfter()).isEqualTo(25.0);
        assertThat(effect.changePercent()).isCloseTo(-37.5, within(1e-9));
        assertThat(effect.pValue()).isLessThan(1e-6);
        assertThat(effect.describe()).startsWith("a real drop").contains("-37.5 %");
    }

    @Test
    void doesNotVerifyNoiseAroundAnUnchangedRate() {
        // the same 40 CPM before and after, drawn from Poisson noise: a slightly lower count is not a drop
        var rng = new Random(2026);
        int verified = 0;
        for (int run = 0; run < 200; run++) {
            long before = poisson(rng, 320), after = poisson(rng, 320);
            if (Effect.of(before, 8_000_000, after, 8_000_000).real()) {
                verified++;
            }
        }
        // at alpha 0.05 one-sided, and a 10 % minimum drop, very few noise series may pass
        assertThat(verified).isLessThanOrEqualTo(6);
    }

    @Test
    void measuresAgainstPurchaseVolumeNotRawCounts() {
        // fewer complaints after, but purchases halved: the rate went up, not down
        var fewerButWorse = Effect.of(400, 10_000_000, 250, 5_000_000);
        assertThat(fewerButWorse.real()).isFalse();
        assertThat(fewerButWorse.changePercent()).isCloseTo(25.0, within(1e-9));
        // more complaints after, but purchases tripled: a real drop in the rate
        var moreButBetter = Effect.of(400, 10_000_000, 600, 30_000_000);
        assertThat(moreButBetter.real()).isTrue();
    }

    @Test
    void aSignificantButTinyDropIsNotAnEffect() {
        var tiny = Effect.of(1_000_000, 1_000_000_000, 950_000, 1_000_000_000); // -5 %, p tiny
        assertThat(tiny.pValue()).isLessThan(0.001);
        assertThat(tiny.real()).isFalse();
    }

    @Test
    void cannotMeasureWithoutPurchases() {
        var unknown = Effect.of(10, 0, 5, 1_000);
        assertThat(unknown.real()).isFalse();
        assertThat(unknown.cpmBefore()).isNull();
        assertThat(unknown.describe()).contains("n/a");
    }

    private static long poisson(Random rng, double mean) {
        // Knuth's method is slow for mean 320: use the normal approximation, fine for a noise fixture
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }
}
