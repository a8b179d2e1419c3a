package com.zeromission.demo.internal;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Daily purchases per market and product: market size × product mix (shifting toward pay-in-3 and the app) ×
 * growth × season × weekday, with a little day-to-day noise. The complaint rates in {@link ProblemModel} are per
 * million of exactly these purchases, which is what keeps the demo's complaints per million consistent.
 */
public final class PurchaseModel {

    /** Yearly drift of each product's share (continuous rate): customers move to pay-in-3 and the app. */
    private static double productDrift(String product) {
        return switch (product) {
            case "pay-in-3" -> 0.12;
            case "app" -> 0.22;
            case "card" -> 0.08;
            case "pay-later" -> -0.05;
            default -> 0.0;
        };
    }

    private PurchaseModel() {
    }

    /** Share of the market's purchases that one product has on the given day. */
    static double productShare(MarketProfile m, String product, double years) {
        double total = 0;
        for (String p : Catalog.PRODUCTS) {
            total += m.productMix().get(p) * StrictMath.exp(productDrift(p) * years);
        }
        return m.productMix().get(product) * StrictMath.exp(productDrift(product) * years) / total;
    }

    static double expected(LocalDate day, MarketProfile m, String product) {
        double years = Season.yearsSince2024(day);
        return Catalog.BASE_DAILY_PURCHASES * m.share() * StrictMath.exp(m.growth() * years) * productShare(m, product, years)
                * Season.purchases(day);
    }

    /** The purchases of one cell: depends only on (seed, day, market, product, scale), never on other cells. */
    public static long purchases(long seed, LocalDate day, MarketProfile m, int productIndex, double scale) {
        SplittableRandom r = Seeds.random(seed, 1, day.toEpochDay(), m.code().hashCode(), productIndex);
        // log-normal noise with a 3 % spread: real daily counts are never perfectly smooth
        double noise = StrictMath.exp(0.03 * gaussian(r) - 0.00045);
        return Math.round(expected(day, m, Catalog.PRODUCTS.get(productIndex)) * scale * noise);
    }

    static double gaussian(SplittableRandom r) {
        // Box-Muller on SplittableRandom: nextGaussian's algorithm is not specified, this one is fixed forever
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
