package com.zeromission.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The periods CPM is reported for. Weeks are ISO weeks (Monday to Sunday), as the weekly cadence uses them. */
public enum Period {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** The first day of the period that contains {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /**
     * The start of the same period one year earlier: the same ISO week number of the previous week-based year, the
     * same month, quarter or calendar day.
     */
    public LocalDate sameLastYear(LocalDate start) {
        if (this == WEEK) {
            int week = start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            LocalDate lastYear = start.minusWeeks(52);
            // 52 weeks back is the same week number unless the previous year had 53 weeks.
            return lastYear.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == week ? lastYear : start.minusWeeks(53);
        }
        return start.minusYears(1);
    }

    /** A readable label: 2026-W03, 2026-01, 2026-Q1, 2026, or the date. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    public static Period parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("period is required; one of day, week, month, quarter, year");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown period '" + value + "'; one of day, week, month, quarter, year");
        }
    }
}
