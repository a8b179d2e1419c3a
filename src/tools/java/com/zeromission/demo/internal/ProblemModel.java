package com.zeromission.demo.internal;

import static com.zeromission.demo.DemoProblem.*;

import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.zeromission.demo.DemoProblem;
import com.zeromission.intake.Channel;
import com.zeromission.intake.JourneyStage;

/**
 * How often each problem occurs, where, in which channels and at which journey stage, and how that changes over time.
 * Rates are complaints per million purchases, so that complaints per million of the whole demo is simply the sum of
 * the problems' rates weighted by purchases; the base rates are tuned so that it comes out near 40 in 2024, 33 in
 * 2025 and 28 in 2026 (the real program's 40 → 33 → 28), driven by the fixes in {@link Milestone}.
 */
final class ProblemModel {

    private ProblemModel() {
    }

    /** Feedback channels in a fixed order; weights below follow it. */
    static final List<Channel> FEEDBACK_CHANNELS = List.of(Channel.SUPPORT_CONTACT, Channel.FEEDBACK_FORM,
            Channel.CUSTOMER_CALL, Channel.INTERVIEW, Channel.MYSTERY_SHOPPING, Channel.SESSION_REPLAY_NOTE);

    /** Praise and suggestions per million purchases (feedback only, never a complaint). */
    static final double POSITIVE_PER_MILLION = 3.0;

    record Profile(
            double baseCpm,
            double feedbackPerComplaint,
            double[] feedbackMix,
            List<Map.Entry<JourneyStage, Double>> stages,
            Map<String, Double> productAffinity,
            Map<String, Double> marketAffinity,
            double escalation) {
    }

    private static final Map<DemoProblem, Profile> PROFILES = new EnumMap<>(DemoProblem.class);
    private static final Map<DemoProblem, Double> NORMS = new EnumMap<>(DemoProblem.class);

    /** Ordered (never Map.of, whose iteration order changes from run to run): the draw must be reproducible. */
    private static List<Map.Entry<JourneyStage, Double>> stages(Object... pairs) {
        var list = new java.util.ArrayList<Map.Entry<JourneyStage, Double>>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(Map.entry((JourneyStage) pairs[i], ((Number) pairs[i + 1]).doubleValue()));
        }
        return List.copyOf(list);
    }

    private static Map<String, Double> products(double payLater, double payIn3, double financing, double payNow,
            double card, double app) {
        return Map.of("pay-later", payLater, "pay-in-3", payIn3, "financing", financing, "pay-now", payNow, "card",
                card, "app", app);
    }

    private static Map<String, Double> markets(double se, double no, double dk, double fi, double de, double at,
            double nl, double gb, double us) {
        return Map.of("SE", se, "NO", no, "DK", dk, "FI", fi, "DE", de, "AT", at, "NL", nl, "GB", gb, "US", us);
    }

    private static final Map<String, Double> EVERYWHERE = markets(1, 1, 1, 1, 1, 1, 1, 1, 1);

    static {
        //                                                 support form  call  intvw mystery replay
        PROFILES.put(INVOICE_REMINDER_FEE, new Profile(9.24, 1.0, new double[] {.60, .12, .18, .04, .03, .03},
                stages(JourneyStage.REMINDER, .6, JourneyStage.INVOICE, .35, JourneyStage.DEBT_COLLECTION, .05),
                products(1, .15, .35, .02, .10, .10),
                // paper invoices and post delays: the invoice markets, hardly the US and GB
                markets(1.3, 1.3, 1.1, 1.2, 1.2, 1.3, .9, .3, .2), 1.2));
        PROFILES.put(PRODUCT_NAME_CONFUSION, new Profile(6.73, 1.0, new double[] {.40, .15, .10, .07, .08, .20},
                stages(JourneyStage.CHECKOUT, .45, JourneyStage.PAYMENT, .35, JourneyStage.INVOICE, .20),
                products(.05, 1, .03, .15, .03, .10),
                markets(.9, .9, .9, .8, 1, 1, 1.1, 1.2, 1.1), .6));
        PROFILES.put(REFUND_FRICTION, new Profile(6.16, 1.0, new double[] {.55, .18, .12, .05, .04, .06},
                stages(JourneyStage.REFUND, .7, JourneyStage.RETURN, .3),
                products(1, 1, .5, .7, .6, .8),
                // Germany returns the most
                markets(1, .9, .9, .9, 1.3, 1.2, 1.1, .9, .8), 1.0));
        PROFILES.put(CREDIT_DECLINE_UNCLEAR, new Profile(4.23, 1.0, new double[] {.50, .25, .10, .05, .04, .06},
                stages(JourneyStage.CREDIT_DECISION, .9, JourneyStage.CHECKOUT, .1),
                products(.8, 1.2, 2, .02, .6, .5),
                markets(1, 1, 1, 1, 1, 1, 1, 1.2, 1.3), 1.3));
        PROFILES.put(MISSED_PAYMENT, new Profile(6.06, 0.9, new double[] {.60, .12, .18, .04, .02, .04},
                stages(JourneyStage.PAYMENT, .4, JourneyStage.REMINDER, .35, JourneyStage.DEBT_COLLECTION, .25),
                products(.8, 1.4, 1.6, .05, .7, .5),
                markets(.9, .9, .9, .9, 1, 1, 1, 1.2, 1.2), 1.5));
        PROFILES.put(DELIVERY_RETURNS, new Profile(3.27, 0.9, new double[] {.62, .18, .10, .04, .04, .02},
                stages(JourneyStage.DELIVERY, .55, JourneyStage.RETURN, .45),
                products(1, 1, .7, .8, 1, 1.1),
                markets(1, 1, 1, 1, 1, 1, 1, 1, 1.1), .8));
        PROFILES.put(CUSTOMER_SERVICE_REACH, new Profile(2.5, 1.4, new double[] {.30, .35, .10, .08, .07, .10},
                stages(JourneyStage.CUSTOMER_SERVICE, .7, JourneyStage.APP, .3),
                products(1, 1, 1, 1, 1, 1.5), EVERYWHERE, .5));
        PROFILES.put(MISC, new Profile(1.54, 1.2, new double[] {.60, .25, .05, .05, .02, .03},
                stages(JourneyStage.ACCOUNT, .35, JourneyStage.OTHER, .35, JourneyStage.UNKNOWN, .2, JourneyStage.APP, .1),
                products(1, 1, 1.5, 1, 1.3, 1), EVERYWHERE, .5));
        PROFILES.put(POSITIVE, new Profile(0, 0, new double[] {.25, .50, .05, .12, .03, .05},
                stages(JourneyStage.APP, .4, JourneyStage.CHECKOUT, .3, JourneyStage.CUSTOMER_SERVICE, .15, JourneyStage.OTHER, .15),
                products(1, 1, 1, 1, 1, 1.3), EVERYWHERE, 0));

        // Normalise affinities against the 2024 purchase mix, so that a problem's base rate is its overall rate.
        for (DemoProblem p : DemoProblem.values()) {
            Profile prof = PROFILES.get(p);
            double weighted = 0, total = 0;
            for (MarketProfile m : Catalog.MARKETS) {
                for (String product : Catalog.PRODUCTS) {
                    double w = m.share() * PurchaseModel.productShare(m, product, 0.5);
                    weighted += w * prof.marketAffinity().get(m.code()) * prof.productAffinity().get(product)
                            * culture(p, m);
                    total += w;
                }
            }
            NORMS.put(p, weighted / total);
        }
    }

    static Profile profile(DemoProblem p) {
        return PROFILES.get(p);
    }

    /** Praise is not a complaint: how readily a market complains does not change how often it praises. */
    private static double culture(DemoProblem p, MarketProfile m) {
        return p == POSITIVE ? 1 : m.complaintCulture();
    }

    /** Complaints per million purchases of one problem for one market and product on one day (before weekday). */
    static double complaintRate(DemoProblem p, LocalDate day, MarketProfile market, String product) {
        return complaintRate(p, dynamics(p, day), market, product);
    }

    /** The same with the day's {@link #dynamics} computed once for all cells of the day. */
    static double complaintRate(DemoProblem p, double dynamics, MarketProfile market, String product) {
        Profile prof = PROFILES.get(p);
        return prof.baseCpm() * dynamics * prof.marketAffinity().get(market.code()) * culture(p, market)
                * prof.productAffinity().get(product) / NORMS.get(p);
    }

    /** Positive feedback per million purchases: grows as the fixes land. */
    static double positiveRate(LocalDate day, String product) {
        double lift = 1 + (Milestone.RETURNS_PORTAL.reached(day) ? .3 : 0) + (Milestone.IN_APP_HELP.reached(day) ? .2 : 0)
                + (Milestone.SCHEDULED_PAYMENTS.reached(day) ? .1 : 0);
        return POSITIVE_PER_MILLION * lift * PROFILES.get(POSITIVE).productAffinity().get(product) / NORMS.get(POSITIVE);
    }

    /**
     * The time shape of each problem: seasonal peaks, each normalised to a mean of about 1 over a year, times the
     * lasting effect of the fixes.
     */
    static double dynamics(DemoProblem p, LocalDate day) {
        double years = Season.yearsSince2024(day);
        return switch (p) {
            // Invoices for December purchases go out with the Christmas post; reminders (and their fees) peak in
            // late January. Digital invoices and a January grace period cut it by a quarter.
            case INVOICE_REMINDER_FEE -> (0.45 + 6.5 * Season.bump(day, Month.JANUARY, 22, 10)) / 0.896
                    * Season.after(day, Milestone.DIGITAL_INVOICE, 0.75, 20);
            // Customers with purchases under the old name keep hitting it for a while after the rename.
            case PRODUCT_NAME_CONFUSION -> Season.after(day, Milestone.RENAME, 0.25, 20);
            // Returns follow the Christmas and Black Friday peaks by a few weeks.
            case REFUND_FRICTION -> (1 + 0.5 * Season.bump(day, Month.JANUARY, 8, 18)) / 1.062
                    * Season.after(day, Milestone.RETURNS_PORTAL, 0.65, 25);
            case CREDIT_DECLINE_UNCLEAR -> (1 + 0.6 * holidayShopping(day)) / 1.058
                    * Season.after(day, Milestone.DECLINE_REASONS, 0.85, 20);
            // After the holidays money is short; and near the end of the month, before payday.
            case MISSED_PAYMENT -> (1 + 0.35 * Season.bump(day, Month.FEBRUARY, 1, 20)) / 1.048
                    * (day.getDayOfMonth() >= 20 && day.getDayOfMonth() <= 28 ? 1.15 : 0.94)
                    * Season.after(day, Milestone.SCHEDULED_PAYMENTS, 0.9, 60)
                    * Season.after(day, Milestone.REMINDER_EMAILS, 0.72, 20)
                    * Season.after(day, Milestone.CHARGE_RETRY, 0.9, 20);
            // Parcels pile up before Christmas; marketplaces grow the problem slowly.
            case DELIVERY_RETURNS -> (1 + 0.8 * Season.bump(day, Month.DECEMBER, 15, 12)) / 1.066 * (1 + 0.12 * years);
            case CUSTOMER_SERVICE_REACH -> (1 + 0.4 * Season.bump(day, Month.JANUARY, 22, 12)) / 1.033
                    * Season.after(day, Milestone.IN_APP_HELP, 0.8, 30)
                    * (Milestone.CHAT_OUTAGE.during(day) ? 3.5 : 1);
            case MISC -> 1 + 0.2 * years;
            case POSITIVE -> 1;
        };
    }

    private static double holidayShopping(LocalDate day) {
        LocalDate start = Season.blackFriday(day.getYear()).minusDays(7);
        LocalDate end = LocalDate.of(day.getYear(), 12, 24);
        return !day.isBefore(start) && !day.isAfter(end) ? 1 : 0;
    }
}
