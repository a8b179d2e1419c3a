package com.zeromission.deadlines;

import java.util.Locale;

/**
 * How long a reply may take: counted in business days of the market's calendar (PSD2, DISP 1.6.2A) or in calendar
 * days (DISP 1.6.2's eight weeks, the CFPB's 15 and 60 days). Written in settings as {@code 15bd}, {@code 56d} or
 * {@code 8w}.
 */
public sealed interface TimeLimit {

    int days();

    /** The settings spelling. */
    String code();

    /** For people: "15 business days", "8 weeks". */
    String describe();

    record BusinessDays(int days) implements TimeLimit {
        public BusinessDays {
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException("a limit in business days must be 0-366, was " + days);
            }
        }

        @Override
        public String code() {
            return days + "bd";
        }

        @Override
        public String describe() {
            return days == 1 ? "1 business day" : days + " business days";
        }
    }

    record CalendarDays(int days) implements TimeLimit {
        public CalendarDays {
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException("a limit in calendar days must be 0-366, was " + days);
            }
        }

        @Override
        public String code() {
            return days % 7 == 0 && days > 0 ? days / 7 + "w" : days + "d";
        }

        @Override
        public String describe() {
            return days % 7 == 0 && days > 0 ? (days == 7 ? "1 week" : days / 7 + " weeks") : days + " calendar days";
        }
    }

    /** Reads {@code 15bd} (business days), {@code 60d} (calendar days) or {@code 8w} (weeks of calendar days). */
    static TimeLimit parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("bd")) {
                return new BusinessDays(Integer.parseInt(t.substring(0, t.length() - 2).strip()));
            }
            if (t.endsWith("w")) {
                return new CalendarDays(Math.multiplyExact(Integer.parseInt(t.substring(0, t.length() - 1).strip()), 7));
            }
            if (t.endsWith("d")) {
                return new CalendarDays(Integer.parseInt(t.substring(0, t.length() - 1).strip()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("a time limit must be written like 15bd (business days), 60d (calendar days) "
                + "or 8w (weeks), was '" + text + "'");
    }
}
