package com.zeromission.alarms.internal;

import java.util.Objects;

import com.zeromission.alarms.Severity;

/**
 * A spike rule: the complaints of the last {@code windowDays} complete days of one slice, against the rate of the
 * {@code baselineDays} before them. Fires when at least {@code minComplaints} complaints came in and so many would
 * happen by chance at the baseline rate with probability below {@code maxPValue} (one-sided).
 */
public record SpikeRule(String name, Severity severity, int windowDays, int baselineDays, double maxPValue,
        int minComplaints) {

    public SpikeRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("rule name must be 1-32 of a-z, 0-9 and '-', was '" + name + "'");
        }
        if (windowDays < 1 || baselineDays < windowDays || baselineDays > 90) {
            throw new IllegalArgumentException("windows must satisfy 1 <= window <= baseline <= 90 days, were "
                    + windowDays + " and " + baselineDays);
        }
        if (!(maxPValue > 0 && maxPValue < 0.5)) {
            throw new IllegalArgumentException("maxPValue must be in (0, 0.5), was " + maxPValue);
        }
        if (minComplaints < 1) {
            throw new IllegalArgumentException("minComplaints must be >= 1, was " + minComplaints);
        }
    }
}
