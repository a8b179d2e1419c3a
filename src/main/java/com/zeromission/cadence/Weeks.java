package com.zeromission.cadence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ISO weeks as the cadence counts them: a week starts on Monday 00:00 UTC, whatever the server's or the reader's
 * time zone (a Stockholm Monday morning is still Sunday night in UTC, and belongs to the week before).
 */
public final class Weeks {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private Weeks() {
    }

    /** The Monday of the UTC week holding {@code instant}. */
    public static LocalDate startOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** E.g. 2026-W49 for Monday 2026-11-30. */
    public static String label(LocalDate monday) {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * A week as a client writes it: a Monday ({@code 2026-11-30}) or an ISO week ({@code 2026-W49}). Anything else,
     * a Tuesday included, is refused naming the value: a week start that silently moved would form the wrong squads.
     */
    public static LocalDate parse(String week) {
        String s = week == null ? "" : week.strip();
        var iso = ISO_WEEK.matcher(s.toUpperCase(Locale.ROOT));
        if (iso.matches()) {
            int year = Integer.parseInt(iso.group(1)), number = Integer.parseInt(iso.group(2));
            LocalDate jan4 = LocalDate.of(year, 1, 4);
            if (number < 1 || number > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                throw new IllegalArgumentException("week '" + s + "' does not exist: " + year + " has weeks 1 to "
                        + jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum());
            }
            return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("week must be a Monday (YYYY-MM-DD) or an ISO week (YYYY-Www), was '"
                    + cut(s) + "'");
        }
        if (day.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("week must start on a Monday, was '" + s + "' (a "
                    + day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + ")");
        }
        return day;
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
