package com.zeromission.reports;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.zeromission.metrics.CpmService;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.Targets;

/**
 * The complaints and purchases one report reads: each range of days once, for every market in one statement
 * ({@link CpmService#totalsPerMarket}), the world being their sum. The yearly report asks about seven ranges for the
 * world and each market (its figures and each projection): some 70 statements before, 5 now. Lives as long as one
 * report, so nothing is stale; a scope of one product is read as before. Safe to share between the threads of one report.
 *
 * <p>The world's purchases of whole weeks (an initiative's weeks before and after its fix) come from the weekly
 * roll-up, read once for all of them ({@link #readWeeks}): a statement per range over every market was a third of the
 * report's time.
 */
final class ReportTotals implements Targets.TotalsSource {

    private static final CpmService.Totals NONE = new CpmService.Totals(0, 0);

    private final CpmService cpm;
    private final Map<String, Map<String, CpmService.Totals>> perMarket = new ConcurrentHashMap<>();
    private volatile SortedMap<LocalDate, Long> weeks = new TreeMap<>();

    ReportTotals(CpmService cpm) {
        this.cpm = cpm;
    }

    @Override
    public CpmService.Totals totals(Scope scope, LocalDate from, LocalDate to) {
        if (!scope.product().equals(Scope.ALL)) {
            return cpm.totals(scope, from, to);
        }
        var markets = perMarket.computeIfAbsent(from + "/" + to, k -> cpm.totalsPerMarket(from, to));
        if (!scope.market().equals(Scope.ALL)) {
            return markets.getOrDefault(scope.market(), NONE);
        }
        long complaints = 0, purchases = 0;
        for (var t : markets.values()) {
            complaints += t.complaints();
            purchases += t.purchases();
        }
        return new CpmService.Totals(complaints, purchases);
    }

    /** Reads the world's purchases of the weeks starting between two Mondays (inclusive) for {@link #purchasesOfWeeks}. */
    void readWeeks(LocalDate fromMonday, LocalDate toMonday) {
        weeks = cpm.weeklyPurchases(fromMonday, toMonday);
    }

    /**
     * The world's purchases in the whole weeks starting between two Mondays (inclusive): from the weeks read ahead
     * when they cover the range, else read as any range is.
     */
    long purchasesOfWeeks(LocalDate fromMonday, LocalDate toMonday) {
        if (toMonday.isBefore(fromMonday)) {
            return 0;
        }
        var read = weeks;
        if (read.isEmpty() || fromMonday.isBefore(read.firstKey()) || toMonday.isAfter(read.lastKey())) {
            return totals(Scope.GLOBAL, fromMonday, toMonday.plusDays(6)).purchases();
        }
        return read.subMap(fromMonday, toMonday.plusDays(1)).values().stream().mapToLong(Long::longValue).sum();
    }
}
