package com.zeromission.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import com.zeromission.markets.Market;
import com.zeromission.markets.Product;

/**
 * Which CPM figures to compute: per {@code period} from {@code from} to {@code to} (both inclusive, widened to whole
 * periods), sliced by the {@code by} dimensions, optionally filtered to one market, product or complaint channel.
 */
public record CpmQuery(Period period, LocalDate from, LocalDate to, Set<Dimension> by, String market, String product,
        String channel) {

    /** About eleven years of days: more is a mistake, not a question. */
    public static final long MAX_DAYS = 4_000;

    public CpmQuery {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " spans more than " + MAX_DAYS + " days");
        }
        by = by == null || by.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(by));
        // filters in the shared vocabulary: a market signals refuse has no figures to filter to
        market = blankToNull(market) == null ? null : Market.of(market).code();
        product = blankToNull(product) == null ? null : Product.of(product).code();
        channel = blankToNull(channel);
    }

    /** The first and last day actually covered: whole periods. */
    public LocalDate firstDay() {
        return period.start(from);
    }

    public LocalDate lastDay() {
        return period.next(period.start(to)).minusDays(1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
