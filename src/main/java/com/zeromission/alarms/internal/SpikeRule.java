package com.zeromission.alarms.internal;

import java.util.Objects;

import com.zeromission.alarms.Severity;

/**
 * A spike rule: the complaints of the last {@code windowDays} complete days of a slice against the rate of its own
 * baseline before them. Fires when at least {@code minComplaints} complaints came in and so many would happen by chance
 * at the baseline rate with probability below {@code maxPValue} (one-sided, {@link PoissonRateTest}).
 */
record SpikeRule(String name, Severity severity, Slices slices, int windowDays, Baseline baseline,
        double maxPValue, int minComplaints) {

    /** Which scopes a rule watches. */
    public enum Slices {
        /** Each market and product: where a local incident (one checkout, one market's invoices) shows. */
        MARKET_PRODUCT,
        /** Everything, each market and each product: where a broad incident spread thin over many slices shows. */
        AGGREGATES
    }

    /** What the window is compared with. */
    public sealed interface Baseline permits Trailing, SameWeekday {
        /** How many days before the window's first day the baseline reaches back. */
        int reach();

        String describe();
    }

    /** The {@code days} days right before the window (whole weeks, so that every weekday counts alike). */
    public record Trailing(int days) implements Baseline {
        public Trailing {
            if (days < 7 || days > 91 || days % 7 != 0) {
                throw new IllegalArgumentException("a trailing baseline is 1 to 13 whole weeks, was " + days + " days");
            }
        }

        @Override
        public int reach() {
            return days;
        }

        @Override
        public String describe() {
            return "the " + days + " days before";
        }
    }

    /**
     * The same weekday in each of the {@code weeks} weeks before: complaints come early in the week and purchases late,
     * so a Monday compared with an average day looks like a spike every week.
     */
    public record SameWeekday(int weeks) implements Baseline {
        public SameWeekday {
            if (weeks < 2 || weeks > 13) {
                throw new IllegalArgumentException("a same-weekday baseline is 2 to 13 weeks, was " + weeks);
            }
        }

        @Override
        public int reach() {
            return 7 * weeks;
        }

        @Override
        public String describe() {
            return "the same weekday of the " + weeks + " weeks before";
        }
    }

    public SpikeRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(slices, "slices");
        Objects.requireNonNull(baseline, "baseline");
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("rule name must be 1-32 of a-z, 0-9 and '-', was '" + name + "'");
        }
        if (windowDays < 1 || windowDays > 28) {
            throw new IllegalArgumentException("window must be 1 to 28 days, was " + windowDays);
        }
        if (baseline instanceof SameWeekday && windowDays != 1) {
            throw new IllegalArgumentException("a same-weekday baseline compares one day, the window is " + windowDays + " days");
        }
        if (!(maxPValue > 0 && maxPValue < 0.5)) {
            throw new IllegalArgumentException("maxPValue must be in (0, 0.5), was " + maxPValue);
        }
        if (minComplaints < 1) {
            throw new IllegalArgumentException("minComplaints must be >= 1, was " + minComplaints);
        }
    }
}
