package com.zeromission.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import com.zeromission.intake.Channel;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.internal.Grain;
import com.zeromission.metrics.internal.PeriodRollupRepository;
import com.zeromission.metrics.internal.PoissonInterval;
import com.zeromission.metrics.internal.PurchaseRepository;
import com.zeromission.metrics.internal.SignalDayRepository;

/**
 * Complaints per million purchases for any period and slice, from the roll-ups (never from the signal table): the
 * daily one for days, the weekly one for weeks, the monthly one for months, quarters and years.
 * Only formal complaints count: the channels for which {@link Channel#countsAsComplaint()} holds.
 */
@Service
public class CpmService {

    public static final double CONFIDENCE = 0.95;

    /** The channel codes that count in the numerator. */
    public static final List<String> COMPLAINT_CHANNELS = Arrays.stream(Channel.values())
            .filter(Channel::countsAsComplaint).map(Channel::code).toList();

    private final SignalDayRepository signals;
    private final PurchaseRepository purchases;
    private final PeriodRollupRepository periods;

    public CpmService(SignalDayRepository signals, PurchaseRepository purchases, PeriodRollupRepository periods) {
        this.signals = signals;
        this.purchases = purchases;
        this.periods = periods;
    }

    private record Key(LocalDate start, String market, String product, String channel) {
    }

    public List<CpmRow> query(CpmQuery q) {
        if (q.channel() != null && !COMPLAINT_CHANNELS.contains(q.channel())) {
            throw new IllegalArgumentException("channel must be one that counts as a complaint (" + COMPLAINT_CHANNELS
                    + "), was '" + q.channel() + "'");
        }
        Period period = q.period();
        LocalDate first = q.firstDay(), last = q.lastDay();
        // One year more on the left, so that every period has its previous-year figure.
        LocalDate readFrom = period.start(period.sameLastYear(first));
        boolean byMarket = q.by().contains(Dimension.MARKET), byProduct = q.by().contains(Dimension.PRODUCT),
                byChannel = q.by().contains(Dimension.CHANNEL);
        var starts = new HashMap<LocalDate, LocalDate>();

        var complaints = new HashMap<Key, long[]>();
        List<String> channels = q.channel() == null ? COMPLAINT_CHANNELS : List.of(q.channel());
        // Purchases have no channel: a channel's row is measured against all purchases of its slice.
        var bought = new HashMap<Key, long[]>();
        // Queries cover whole periods, so a week or coarser question is answered from the weekly or monthly roll-up:
        // about a seventh or a thirtieth of the daily cells.
        Grain grain = Grain.serving(period);
        if (grain == null) {
            signals.forEach(readFrom, last, channels, q.market(), q.product(), c -> {
                var cell = c.cell();
                add(complaints, new Key(starts.computeIfAbsent(cell.day(), period::start), byMarket ? cell.market() : null,
                        byProduct ? cell.product() : null, byChannel ? cell.channel() : null), c.signals());
            });
            purchases.forEach(readFrom, last, q.market(), q.product(), p -> add(bought, new Key(
                    starts.computeIfAbsent(p.day(), period::start), byMarket ? p.market() : null,
                    byProduct ? p.product() : null, null), p.purchases()));
        } else {
            periods.forEachSignals(grain, readFrom, last, channels, q.market(), q.product(), c -> {
                var cell = c.cell();
                add(complaints, new Key(starts.computeIfAbsent(cell.start(), period::start), byMarket ? cell.market() : null,
                        byProduct ? cell.product() : null, byChannel ? cell.channel() : null), c.signals());
            });
            periods.forEachPurchases(grain, readFrom, last, q.market(), q.product(), p -> add(bought, new Key(
                    starts.computeIfAbsent(p.day(), period::start), byMarket ? p.market() : null,
                    byProduct ? p.product() : null, null), p.purchases()));
        }

        var keys = new java.util.LinkedHashSet<Key>();
        complaints.keySet().stream().filter(k -> !k.start().isBefore(first)).forEach(keys::add);
        if (!byChannel) {
            bought.keySet().stream().filter(k -> !k.start().isBefore(first)).forEach(keys::add);
        }
        var rows = new ArrayList<CpmRow>(keys.size());
        for (Key k : keys) {
            long n = count(complaints, k);
            long p = count(bought, new Key(k.start(), k.market(), k.product(), null));
            Key previous = new Key(period.start(period.sameLastYear(k.start())), k.market(), k.product(), k.channel());
            long pn = count(complaints, previous);
            long pp = count(bought, new Key(previous.start(), k.market(), k.product(), null));
            Double cpm = p == 0 ? null : n * 1e6 / p;
            Double lower = null, upper = null;
            if (p > 0) {
                double[] b = PoissonInterval.bounds(n, CONFIDENCE);
                lower = b[0] * 1e6 / p;
                upper = b[1] * 1e6 / p;
            }
            Double previousCpm = pp == 0 ? null : pn * 1e6 / pp;
            Double change = cpm == null || previousCpm == null || previousCpm == 0 ? null : (cpm - previousCpm) / previousCpm * 100;
            rows.add(new CpmRow(period, k.start(), period.label(k.start()), k.market(), k.product(), k.channel(), n, p,
                    cpm, lower, upper, previousCpm, change));
        }
        rows.sort(Comparator.comparing(CpmRow::start)
                .thenComparing(CpmRow::market, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CpmRow::product, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CpmRow::channel, Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }

    /** Complaints and purchases of one scope between two days (inclusive), for targets and alarms. */
    public record Totals(long complaints, long purchases) {
        public Double cpm() {
            return purchases == 0 ? null : complaints * 1e6 / purchases;
        }
    }

    /**
     * Summed by the database in one statement: the whole months inside the range from the monthly roll-up, the days
     * before and after them from the daily one (a year is then about 12 × its cells instead of 365 ×; the yearly
     * report asks this about 80 times). The roll-ups are written with the daily cells, so the sums are the days'.
     */
    public Totals totals(Scope scope, LocalDate from, LocalDate to) {
        Objects.requireNonNull(scope, "scope");
        String market = scope.market().equals(Scope.ALL) ? null : scope.market();
        String product = scope.product().equals(Scope.ALL) ? null : scope.product();
        if (to.isBefore(from)) {
            return new Totals(0, 0);
        }
        var months = Months.of(from, to);
        long[] sums = periods.sumByMonthsAndDays(from, months.first(), months.after(), to, COMPLAINT_CHANNELS, market, product);
        return new Totals(sums[0], sums[1]);
    }

    /**
     * {@link #totals} of every market over one range, in one statement (a report of every market asks the same range
     * of each): market → totals; a market with neither complaints nor purchases is absent. Their sum is the global
     * totals.
     */
    public Map<String, Totals> totalsPerMarket(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Map.of();
        }
        var months = Months.of(from, to);
        var result = new TreeMap<String, Totals>();
        periods.sumByMonthsAndDaysPerMarket(from, months.first(), months.after(), to, COMPLAINT_CHANNELS)
                .forEach((market, sums) -> result.put(market, new Totals(sums[0], sums[1])));
        return result;
    }

    /**
     * Complaints and purchases of every market and product week by week, for the weeks starting between two Mondays
     * (inclusive), in one read of the weekly roll-ups: week → totals, every week of the range present (0 when
     * nothing was counted). A range of whole weeks is the sum of its weeks, as {@link #totals} would give it.
     */
    public SortedMap<LocalDate, Totals> weeklyTotals(LocalDate fromMonday, LocalDate toMonday) {
        return weeks(fromMonday, toMonday, true);
    }

    private SortedMap<LocalDate, Totals> weeks(LocalDate fromMonday, LocalDate toMonday, boolean complaints) {
        if (fromMonday.getDayOfWeek() != DayOfWeek.MONDAY || toMonday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("weekly totals run from a Monday to a Monday, were " + fromMonday + " and " + toMonday);
        }
        var result = new TreeMap<LocalDate, Totals>();
        if (toMonday.isBefore(fromMonday)) {
            return result;
        }
        var sums = periods.sumByWeeks(fromMonday, toMonday, complaints ? COMPLAINT_CHANNELS : null);
        for (LocalDate week = fromMonday; !week.isAfter(toMonday); week = week.plusWeeks(1)) {
            long[] s = sums.get(week);
            result.put(week, s == null ? new Totals(0, 0) : new Totals(s[0], s[1]));
        }
        return result;
    }

    /**
     * Purchases of every market and product week by week, for the weeks starting between two Mondays (inclusive):
     * {@link #weeklyTotals} without the complaints, for a caller that needs only the purchases of many weeks.
     */
    public SortedMap<LocalDate, Long> weeklyPurchases(LocalDate fromMonday, LocalDate toMonday) {
        var result = new TreeMap<LocalDate, Long>();
        weeks(fromMonday, toMonday, false).forEach((week, t) -> result.put(week, t.purchases()));
        return result;
    }

    /** The years with purchase figures between two days (the months starting in that range), oldest first. */
    public SortedSet<Integer> yearsWithPurchases(LocalDate from, LocalDate to) {
        var years = new TreeSet<Integer>();
        periods.forEachMonthWithPurchases(from.withDayOfMonth(1), to, (month, market) -> years.add(month.getYear()));
        return years;
    }

    /** The markets with purchase figures between two days (the months starting in that range), in alphabetical order. */
    public SortedSet<String> marketsWithPurchases(LocalDate from, LocalDate to) {
        var markets = new TreeSet<String>();
        periods.forEachMonthWithPurchases(from.withDayOfMonth(1), to, (month, market) -> markets.add(market));
        return markets;
    }

    /** The whole months [first, after) inside a range of days; empty (first = after = the day after) when none. */
    private record Months(LocalDate first, LocalDate after) {
        static Months of(LocalDate from, LocalDate to) {
            LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate afterMonths = to.plusDays(1).withDayOfMonth(1); // the day after the last whole month
            if (!firstMonth.isBefore(afterMonths)) {
                // no whole month: every day from the daily cells (the month range is then empty)
                return new Months(to.plusDays(1), to.plusDays(1));
            }
            return new Months(firstMonth, afterMonths);
        }
    }

    private static void add(Map<Key, long[]> map, Key key, long n) {
        map.computeIfAbsent(key, k -> new long[1])[0] += n;
    }

    private static long count(Map<Key, long[]> map, Key key) {
        long[] v = map.get(key);
        return v == null ? 0 : v[0];
    }
}
