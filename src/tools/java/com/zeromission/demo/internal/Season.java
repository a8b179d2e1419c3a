package com.zeromission.demo.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Calendar effects shared by purchases and signals: Black Friday, Christmas, summer, weekdays. */
public final class Season {

    private Season() {
    }

    /** The day after the fourth Thursday of November. */
    public static LocalDate blackFriday(int year) {
        return LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1);
    }

    /** Relative purchase volume of a calendar day (about 1 on an ordinary day). */
    static double purchases(LocalDate day) {
        LocalDate bf = blackFriday(day.getYear());
        long fromBf = ChronoUnit.DAYS.between(bf, day);
        double f;
        if (fromBf == 0) {
            f = 3.2;
        } else if (fromBf >= -4 && fromBf < 0) {
            f = 1.35; // Black Week
        } else if (fromBf == 1 || fromBf == 2) {
            f = 1.8;
        } else if (fromBf == 3) {
            f = 2.3; // Cyber Monday
        } else {
            f = calendar(day);
        }
        return f * weekday(day.getDayOfWeek());
    }

    private static double calendar(LocalDate day) {
        int d = day.getDayOfMonth();
        return switch (day.getMonth()) {
            case JANUARY -> d == 1 ? 0.7 : d <= 15 ? 1.08 : 0.95; // January sales, then a quiet month
            case FEBRUARY -> 0.9;
            case JUNE -> d >= 20 ? 0.92 : 1.0;
            case JULY -> 0.82; // summer holidays
            case AUGUST -> d <= 15 ? 0.88 : 0.97;
            case NOVEMBER -> 1.05;
            case DECEMBER -> d <= 20 ? 1.32 : d <= 23 ? 1.15 : d == 24 ? 0.7 : d == 25 ? 0.6 : d == 26 ? 1.3 : 1.02;
            default -> 1.0;
        };
    }

    /** Online shopping peaks on Sunday evenings and dips on Saturdays. */
    private static double weekday(DayOfWeek dow) {
        return switch (dow) {
            case MONDAY -> 1.02;
            case TUESDAY, WEDNESDAY -> 0.98;
            case THURSDAY -> 1.0;
            case FRIDAY -> 1.02;
            case SATURDAY -> 0.93;
            case SUNDAY -> 1.07;
        };
    }

    /** Customers write complaints early in the week; fewer at weekends. Mean over a week is 1. */
    static double complaintWeekday(DayOfWeek dow) {
        return switch (dow) {
            case MONDAY -> 1.30;
            case TUESDAY -> 1.15;
            case WEDNESDAY -> 1.05;
            case THURSDAY -> 1.0;
            case FRIDAY -> 0.9;
            case SATURDAY -> 0.75;
            case SUNDAY -> 0.85;
        };
    }

    /** Team work (calls, interviews, mystery shopping, replay reviews) happens on weekdays only. Mean 1. */
    static double officeWeekday(DayOfWeek dow) {
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0 : 1.4;
    }

    /** A bell around a day of the year (wrapping over new year), 1 at the centre. */
    static double bump(LocalDate day, Month month, int dayOfMonth, double sdDays) {
        LocalDate centre = LocalDate.of(day.getYear(), month, dayOfMonth);
        long diff = ChronoUnit.DAYS.between(centre, day);
        // the nearest occurrence: a bump on 20 January also reaches into late December of the year before
        if (diff > 182) {
            diff -= centre.lengthOfYear();
        } else if (diff < -182) {
            diff += day.lengthOfYear();
        }
        double z = diff / sdDays;
        return StrictMath.exp(-0.5 * z * z);
    }

    /** 1 before a launch, then an exponential approach to {@code level} with the given time constant. */
    static double after(LocalDate day, Milestone launch, double level, double tauDays) {
        if (!launch.reached(day)) {
            return 1.0;
        }
        long t = ChronoUnit.DAYS.between(launch.date(), day);
        return level + (1 - level) * StrictMath.exp(-t / tauDays);
    }

    static double yearsSince2024(LocalDate day) {
        return ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 1), day) / 365.25;
    }
}
