package com.zeromission.metrics.internal;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The exact (Garwood) confidence interval for a Poisson count: complaints are rare events, and a normal
 * approximation would give negative lower bounds and too-narrow intervals for small counts.
 * lower = χ²(α/2; 2k) / 2, upper = χ²(1 − α/2; 2k + 2) / 2.
 */
public final class PoissonInterval {

    private PoissonInterval() {
    }

    /**
     * The 95 % bounds for the counts a dashboard shows over and over (a week of one market and product is a few
     * dozen complaints): the quantile search costs microseconds each, thousands of times per table.
     */
    private static final int CACHED = 100_000;
    private static final double[][] CACHE_95 = new double[CACHED][];

    /** Bounds for the expected count given {@code observed} events, at the given two-sided confidence (e.g. 0.95). */
    public static double[] bounds(long observed, double confidence) {
        if (confidence == 0.95 && observed >= 0 && observed < CACHED) {
            double[] cached = CACHE_95[(int) observed];
            if (cached == null) {
                cached = compute(observed, confidence);
                CACHE_95[(int) observed] = cached; // a benign race: every thread computes the same values
            }
            return cached.clone();
        }
        return compute(observed, confidence);
    }

    private static double[] compute(long observed, double confidence) {
        if (observed < 0) {
            throw new IllegalArgumentException("observed must be >= 0, was " + observed);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        double alpha = 1 - confidence;
        double lower = observed == 0 ? 0 : ChiSquaredDistribution.of(2.0 * observed).inverseCumulativeProbability(alpha / 2) / 2;
        double upper = ChiSquaredDistribution.of(2.0 * observed + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
        return new double[] {lower, upper};
    }
}
