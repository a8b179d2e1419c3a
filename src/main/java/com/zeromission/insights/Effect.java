package com.zeromission.insights;

import java.util.Locale;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Did complaints really drop? Compares the complaint rate (complaints per purchase) of two periods with the
 * conditional binomial test for two Poisson rates: given k = k₁ + k₂ complaints in all, and no change in the rate,
 * the after period's share of them follows Binomial(k, P₂ / (P₁ + P₂)) where P are the periods' purchases. So a
 * period with more purchases is expected to have more complaints, and only a drop beyond chance counts.
 *
 * @param pValue one-sided: the chance of at most this many complaints after, had the rate not changed
 * @param real   the drop is significant (p below alpha) and at least {@code minDropPercent}
 */
public record Effect(long complaintsBefore, long purchasesBefore, long complaintsAfter, long purchasesAfter,
        Double cpmBefore, Double cpmAfter, Double changePercent, double pValue, boolean real) {

    public static final double ALPHA = 0.05;
    public static final double MIN_DROP_PERCENT = 10;

    public static Effect of(long complaintsBefore, long purchasesBefore, long complaintsAfter, long purchasesAfter) {
        return of(complaintsBefore, purchasesBefore, complaintsAfter, purchasesAfter, ALPHA, MIN_DROP_PERCENT);
    }

    public static Effect of(long complaintsBefore, long purchasesBefore, long complaintsAfter, long purchasesAfter,
            double alpha, double minDropPercent) {
        if (complaintsBefore < 0 || complaintsAfter < 0 || purchasesBefore < 0 || purchasesAfter < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + complaintsBefore + ", " + purchasesBefore
                    + ", " + complaintsAfter + ", " + purchasesAfter);
        }
        Double before = purchasesBefore == 0 ? null : complaintsBefore * 1e6 / purchasesBefore;
        Double after = purchasesAfter == 0 ? null : complaintsAfter * 1e6 / purchasesAfter;
        if (before == null || after == null) {
            return new Effect(complaintsBefore, purchasesBefore, complaintsAfter, purchasesAfter, before, after, null, 1, false);
        }
        Double change = before == 0 ? null : (after - before) / before * 100;
        long k = complaintsBefore + complaintsAfter;
        double p = 1;
        if (k > 0) {
            double share = (double) purchasesAfter / (purchasesBefore + purchasesAfter);
            p = BinomialDistribution.of((int) Math.min(Integer.MAX_VALUE, k), share).cumulativeProbability(
                    (int) Math.min(Integer.MAX_VALUE, complaintsAfter));
        }
        boolean real = change != null && p < alpha && -change >= minDropPercent;
        return new Effect(complaintsBefore, purchasesBefore, complaintsAfter, purchasesAfter, before, after, change, p, real);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s: %,d complaints in %,d purchases before (%s CPM), %,d in %,d after (%s CPM), "
                + "%s, p = %.4f", real ? "a real drop" : "no real drop", complaintsBefore, purchasesBefore, fmt(cpmBefore),
                complaintsAfter, purchasesAfter, fmt(cpmAfter), changePercent == null ? "change unknown"
                        : String.format(Locale.ROOT, "%+.1f %%", changePercent), pValue);
    }

    private static String fmt(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.1f", d);
    }
}
