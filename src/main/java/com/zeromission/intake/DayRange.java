package com.zeromission.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The UTC days the product counts figures for: from {@link #EARLIEST} (signals before it are refused too) to today.
 * A purchase count for a day that has not come is a typo or a test file (2099), and one from before the product's
 * earliest signal day can never meet a complaint: both would only skew CPM. Built from the clock for each check.
 */
public record DayRange(LocalDate earliest, LocalDate latest) {

    public static final LocalDate EARLIEST = LocalDate.ofInstant(SignalSubmission.EARLIEST, ZoneOffset.UTC);

    public DayRange {
        if (earliest == null || latest == null || latest.isBefore(earliest)) {
            throw new IllegalArgumentException("a day range runs from its earliest to its latest day, was " + earliest
                    + " to " + latest);
        }
    }

    /** From the earliest day to today (UTC) by the clock. */
    public static DayRange upToToday(Clock clock) {
        return new DayRange(EARLIEST, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** The day itself when it lies in the range; otherwise a refusal naming the field, the day and the range. */
    public LocalDate require(String field, LocalDate day) {
        if (day == null) {
            throw new IllegalArgumentException(field + " is required (YYYY-MM-DD)");
        }
        if (day.isAfter(latest)) {
            throw new DayOutOfRangeException(day, field + " " + day + " lies in the future; days from " + earliest
                    + " to today " + latest + " (UTC)");
        }
        if (day.isBefore(earliest)) {
            throw new DayOutOfRangeException(day, field + " " + day + " is before " + earliest + "; days from "
                    + earliest + " to today " + latest + " (UTC)");
        }
        return day;
    }
}
