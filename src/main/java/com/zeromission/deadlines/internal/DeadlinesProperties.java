package com.zeromission.deadlines.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code zeromission.deadlines}; every one has a default (docs/deadlines.md).
 *
 * @param dueSoonBusinessDays a case is due soon when its next deadline is at most this many business days away
 * @param caseWindow          complaints received longer ago than this are not cases: neither at the start-up
 *                            back-fill nor when a historical import brings them in (every deadline of the rules,
 *                            at most 60 days, has passed long before)
 * @param cutoff              local time of day from which a complaint counts as received on the next business day
 * @param backfill            whether the start-up back-fill runs
 * @param rules               overrides of the built-in rules, keyed by market ({@code GB}) or market and product
 *                            ({@code GB/pay-now}); unset fields keep the built-in value
 */
@ConfigurationProperties(prefix = "zeromission.deadlines")
public record DeadlinesProperties(Integer dueSoonBusinessDays, Duration caseWindow, LocalTime cutoff, Boolean backfill,
        Map<String, RuleSettings> rules) {

    /**
     * One override. Time limits are written {@code 15bd}, {@code 56d} or {@code 8w}; {@code extendedFinalReply=none}
     * removes an extension. {@code zone} and {@code region} (a Jollyday subdivision, e.g. {@code eng} for England
     * and Wales) only apply to a market key.
     */
    public record RuleSettings(String rule, String acknowledgement, String finalReply, String extendedFinalReply,
            String zone, String region) {
    }

    public DeadlinesProperties {
        dueSoonBusinessDays = dueSoonBusinessDays == null ? 3 : dueSoonBusinessDays;
        if (dueSoonBusinessDays < 0 || dueSoonBusinessDays > 60) {
            throw new IllegalArgumentException("zeromission.deadlines.due-soon-business-days must be 0-60, was "
                    + dueSoonBusinessDays);
        }
        caseWindow = caseWindow == null ? Duration.ofDays(90) : caseWindow;
        if (caseWindow.isNegative() || caseWindow.isZero() || caseWindow.compareTo(Duration.ofDays(3660)) > 0) {
            throw new IllegalArgumentException("zeromission.deadlines.case-window must be between 1 day and 10 years, was "
                    + caseWindow);
        }
        cutoff = cutoff == null ? LocalTime.of(17, 0) : cutoff;
        backfill = backfill == null ? Boolean.TRUE : backfill;
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    public static DeadlinesProperties defaults() {
        return new DeadlinesProperties(null, null, null, null, null);
    }
}
