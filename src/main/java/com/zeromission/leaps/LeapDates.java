package com.zeromission.leaps;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The time box: a leap ends after it starts, and within 26 weeks, or it is a department, not a leap. */
public final class LeapDates {

    public static final int MAX_WEEKS = 26;

    private LeapDates() {
    }

    public static void check(LocalDate start, LocalDate end) {
        if (start == null) {
            throw new IllegalArgumentException("start is required (YYYY-MM-DD)");
        }
        if (end == null) {
            throw new IllegalArgumentException("end is required (YYYY-MM-DD)");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start " + start + ", was " + end);
        }
        if (end.isAfter(start.plusWeeks(MAX_WEEKS))) {
            throw new IllegalArgumentException("a leap lasts at most " + MAX_WEEKS + " weeks: end must be on or before "
                    + start.plusWeeks(MAX_WEEKS) + ", was " + end + " (" + ChronoUnit.DAYS.between(start, end) + " days)");
        }
    }
}
