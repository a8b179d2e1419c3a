package com.zeromission.alarms.internal;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * One-sided exact test that a slice's complaint rate in a window is higher than in its baseline: the conditional
 * test for two Poisson rates (Przyborowski and Wilenski, 1940). Given the total number of complaints in window and
 * baseline together, under "same rate" the window's share is binomial with p = window purchases / all purchases.
 *
 * <p>Why not plug the baseline rate in as if it were known and use a plain Poisson tail: a baseline of 28 days with
 * a handful of complaints is itself uncertain, and treating it as exact makes small slices fire on noise (with zero
 * baseline complaints, any complaint would be "impossible"). With a large baseline the two tests agree.
 */
final class PoissonRateTest {

    private PoissonRateTest() {
    }

    /**
     * P(at least {@code complaints} in the window | both periods share one rate).
     *
     * @param complaints         complaints in the window
     * @param purchases          purchases in the window (> 0)
     * @param baselineComplaints complaints in the baseline
     * @param baselinePurchases  purchases in the baseline (> 0)
     */
    public static double pValue(long complaints, long purchases, long baselineComplaints, long baselinePurchases) {
        if (complaints < 0 || baselineComplaints < 0) {
            throw new IllegalArgumentException("complaints must be >= 0, were " + complaints + " and " + baselineComplaints);
        }
        if (purchases <= 0 || baselinePurchases <= 0) {
            throw new IllegalArgumentException("purchases must be > 0, were " + purchases + " and " + baselinePurchases);
        }
        if (complaints == 0) {
            return 1;
        }
        long trials = complaints + baselineComplaints;
        if (trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " complaints in one test: " + trials);
        }
        double share = (double) purchases / ((double) purchases + baselinePurchases);
        // survivalProbability(k) = P(X > k), so P(X >= complaints) = survivalProbability(complaints - 1).
        return BinomialDistribution.of((int) trials, share).survivalProbability((int) complaints - 1);
    }
}
