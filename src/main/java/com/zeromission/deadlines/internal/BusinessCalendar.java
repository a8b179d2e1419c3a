package com.zeromission.deadlines.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * One market's business days: Monday to Friday except its public holidays, in the market's own time zone. Holidays
 * are asked for once per year and kept (a year's list is a dozen dates).
 */
public final class BusinessCalendar {

    private final String market;
    private final ZoneId zone;
    private final LocalTime cutoff;
    private final IntFunction<Set<LocalDate>> holidaysOfYear;
    private final Map<Integer, Set<LocalDate>> years = new ConcurrentHashMap<>();

    /**
     * @param cutoff         a complaint received at or after this local time on a business day counts as received on
     *                       the next business day (null: midnight, i.e. no cut-off)
     * @param holidaysOfYear the market's public holidays of a year
     */
    public BusinessCalendar(String market, ZoneId zone, LocalTime cutoff, IntFunction<Set<LocalDate>> holidaysOfYear) {
        this.market = Objects.requireNonNull(market, "market");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutoff = cutoff;
        this.holidaysOfYear = Objects.requireNonNull(holidaysOfYear, "holidaysOfYear");
    }

    public String market() {
        return market;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isHoliday(LocalDate day) {
        return years.computeIfAbsent(day.getYear(), y -> Set.copyOf(holidaysOfYear.apply(y))).contains(day);
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The market's local date of an instant. */
    public LocalDate localDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** Today in the market. */
    public LocalDate today(java.time.Clock clock) {
        return localDate(clock.instant());
    }

    /**
     * The business day a complaint counts as received on: its local date when that is a business day and it came
     * before the cut-off; otherwise the next business day (the FCA Glossary's reading of "business day", which we
     * apply to every market).
     */
    public LocalDate countedFrom(Instant receivedAt) {
        ZonedDateTime local = receivedAt.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (isBusinessDay(day) && (cutoff == null || local.toLocalTime().isBefore(cutoff))) {
            return day;
        }
        return nextBusinessDay(day);
    }

    public LocalDate nextBusinessDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The {@code n}-th business day after {@code day} (day itself not counted); {@code day} for n = 0. */
    public LocalDate plusBusinessDays(LocalDate day, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("business days to add must be >= 0, was " + n);
        }
        LocalDate d = day;
        for (int i = 0; i < n; i++) {
            d = nextBusinessDay(d);
        }
        return d;
    }

    /**
     * Business days from {@code from} to {@code to}: how many business days lie after {@code from} up to and
     * including {@code to}; negative when {@code to} is before {@code from}. From today to a due date this is the
     * business days left (0: due today); from a due date to today, the business days over.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -businessDaysBetween(to, from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                n++;
            }
        }
        return n;
    }
}
