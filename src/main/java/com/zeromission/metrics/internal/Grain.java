package com.zeromission.metrics.internal;

import java.time.LocalDate;

import com.zeromission.metrics.Period;

/**
 * The coarser roll-ups kept beside the daily ones. Weeks serve week queries; months serve month, quarter and year
 * queries (a quarter or a year is a whole number of months, never of weeks).
 */
public enum Grain {
    WEEK("W", Period.WEEK), MONTH("M", Period.MONTH);

    private final String code;
    private final Period period;

    Grain(String code, Period period) {
        this.code = code;
        this.period = period;
    }

    String code() {
        return code;
    }

    public LocalDate start(LocalDate day) {
        return period.start(day);
    }

    /** The roll-up that answers a query by {@code period}, or null when only the daily one can (days). */
    public static Grain serving(Period period) {
        return switch (period) {
            case DAY -> null;
            case WEEK -> WEEK;
            case MONTH, QUARTER, YEAR -> MONTH;
        };
    }
}
