package com.zeromission.alarms.internal;

import java.util.Objects;

import com.zeromission.alarms.Severity;

/**
 * A multiwindow burn-rate rule: fires when the burn rate over both the long and the short window (whole days ending
 * on the last complete day) is above {@code threshold}. The long window makes the alert significant (enough of the
 * budget is at stake), the short one makes it clear soon after the burn stops.
 */
record BurnRateRule(String name, Severity severity, double threshold, int longDays, int shortDays) {

    public BurnRateRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("rule name must be 1-32 of a-z, 0-9 and '-', was '" + name + "'");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, was " + threshold);
        }
        if (shortDays < 1 || shortDays >= longDays || longDays > 90) {
            throw new IllegalArgumentException("windows must satisfy 1 <= short < long <= 90 days, were " + shortDays
                    + " and " + longDays);
        }
    }

    /** The share of a year's complaint budget spent when the long window burns exactly at the threshold. */
    public double budgetSpent(int daysInYear) {
        return threshold * longDays / daysInYear;
    }

    /**
     * The fewest purchases a window needs for this rule to decide at a target: reaching the threshold must take at
     * least {@code minComplaints} complaints, so that no alert ever fires on a handful.
     */
    public long minPurchases(double targetCpm, long minComplaints) {
        return (long) Math.ceil(minComplaints * 1e6 / (threshold * targetCpm));
    }
}
