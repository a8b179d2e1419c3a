package com.zeromission.alarms.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.zeromission.alarms.Evidence.Window;
import com.zeromission.alarms.Evidence;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmQuery;
import com.zeromission.metrics.CpmRow;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Dimension;
import com.zeromission.metrics.Period;

/**
 * Daily complaints and purchases per market and product for a range of days, read once from the metrics roll-ups
 * and summed in memory for any scope and window: one evaluation asks for a few hundred windows.
 */
public final class Figures {

    /** One market and product: the finest slice the roll-ups keep. */
    public record Cell(String market, String product) {
    }

    private final LocalDate first, last;
    /** Per cell, prefix sums over the days: index i holds the totals of the days before first + i. */
    private final Map<Cell, long[][]> prefix;

    private Figures(LocalDate first, LocalDate last, Map<Cell, long[][]> prefix) {
        this.first = first;
        this.last = last;
        this.prefix = prefix;
    }

    /** Reads the roll-ups from {@code first} to {@code last} (inclusive) through the metrics API. */
    public static Figures load(CpmService cpm, LocalDate first, LocalDate last) {
        List<CpmRow> rows = cpm.query(new CpmQuery(Period.DAY, first, last, Set.of(Dimension.MARKET, Dimension.PRODUCT),
                null, null, null));
        var daily = new ArrayList<Daily>(rows.size());
        for (CpmRow r : rows) {
            daily.add(new Daily(r.start(), new Cell(r.market(), r.product()), r.complaints(), r.purchases()));
        }
        return of(first, last, daily);
    }

    /** One day of one cell. */
    public record Daily(LocalDate day, Cell cell, long complaints, long purchases) {
    }

    public static Figures of(LocalDate first, LocalDate last, List<Daily> days) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        int n = (int) ChronoUnit.DAYS.between(first, last) + 1;
        if (n < 1) {
            throw new IllegalArgumentException("last (" + last + ") is before first (" + first + ")");
        }
        var perDay = new LinkedHashMap<Cell, long[][]>();
        for (Daily d : days) {
            if (d.day().isBefore(first) || d.day().isAfter(last)) {
                continue;
            }
            long[][] v = perDay.computeIfAbsent(d.cell(), c -> new long[2][n + 1]);
            int i = (int) ChronoUnit.DAYS.between(first, d.day()) + 1;
            v[0][i] += d.complaints();
            v[1][i] += d.purchases();
        }
        for (long[][] v : perDay.values()) {
            for (int i = 1; i <= n; i++) {
                v[0][i] += v[0][i - 1];
                v[1][i] += v[1][i - 1];
            }
        }
        return new Figures(first, last, perDay);
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate last() {
        return last;
    }

    /** Every cell with any complaint or purchase in the range, in a stable order. */
    public List<Cell> cells() {
        return prefix.keySet().stream()
                .sorted(Comparator.comparing(Cell::market).thenComparing(Cell::product)).toList();
    }

    /** Whether the figures cover every day of the window (days outside the loaded range would silently count 0). */
    public boolean covers(LocalDate from, LocalDate to) {
        return !from.isBefore(first) && !to.isAfter(last);
    }

    /** The complaints and purchases of a scope over a window of whole days. */
    public Window window(Scope scope, LocalDate from, LocalDate to) {
        if (!covers(from, to)) {
            throw new IllegalArgumentException("window " + from + ".." + to + " is outside the loaded figures " + first + ".." + last);
        }
        int a = (int) ChronoUnit.DAYS.between(first, from), b = (int) ChronoUnit.DAYS.between(first, to) + 1;
        long complaints = 0, purchases = 0;
        for (var e : prefix.entrySet()) {
            if (scope.contains(e.getKey().market(), e.getKey().product())) {
                long[][] v = e.getValue();
                complaints += v[0][b] - v[0][a];
                purchases += v[1][b] - v[1][a];
            }
        }
        return new Window(from, to, complaints, purchases);
    }

    /**
     * The baseline of a spike rule for a window starting on {@code windowStart}: the days right before it, or the same
     * weekday of each week before it.
     */
    public Evidence.Baseline baseline(Scope scope, LocalDate windowStart,
            SpikeRule.Baseline baseline) {
        return switch (baseline) {
            case SpikeRule.Trailing t -> {
                Window w = window(scope, windowStart.minusDays(t.days()), windowStart.minusDays(1));
                yield new Evidence.Baseline(t.describe(), w.from(), w.to(), w.days(), w.complaints(),
                        w.purchases());
            }
            case SpikeRule.SameWeekday s -> {
                long complaints = 0, purchases = 0;
                for (int k = 1; k <= s.weeks(); k++) {
                    Window w = window(scope, windowStart.minusWeeks(k), windowStart.minusWeeks(k));
                    complaints += w.complaints();
                    purchases += w.purchases();
                }
                yield new Evidence.Baseline(s.describe(), windowStart.minusWeeks(s.weeks()),
                        windowStart.minusWeeks(1), s.weeks(), complaints, purchases);
            }
        };
    }

    /**
     * The latest day from {@code latest} back over {@code lookbackDays} days on which the scope has purchases: the
     * last complete day. Purchase counts arrive once a day from the warehouse; a day without them is not finished
     * yet, and judging its complaints against no purchases would make any complaint look infinitely bad.
     */
    public Optional<LocalDate> lastCompleteDay(Scope scope, LocalDate latest, int lookbackDays) {
        for (int i = 0; i < lookbackDays; i++) {
            LocalDate day = latest.minusDays(i);
            if (day.isBefore(first)) {
                break;
            }
            if (window(scope, day, day).purchases() > 0) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
