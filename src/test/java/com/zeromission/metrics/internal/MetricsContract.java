package com.zeromission.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zeromission.intake.IdempotencyConflictException;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmQuery;
import com.zeromission.metrics.CpmRow;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Dimension;
import com.zeromission.metrics.Period;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.TargetNotFoundException;
import com.zeromission.metrics.Targets;

/**
 * What the metrics module promises, on every supported database (see the subclasses). Each test uses its own
 * product, so tests sharing a database never see each other's counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class MetricsContract {

    @Autowired
    IntakeService intake;
    @Autowired
    Purchases purchases;
    @Autowired
    CpmService cpm;
    @Autowired
    Targets targets;
    @Autowired
    SignalRollup rollup;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private static int counter;
    private final String product = "p" + (++counter) + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private int ids;

    List<SignalSubmission> signals(int n, String channel, String day) {
        var list = new ArrayList<SignalSubmission>();
        for (int i = 0; i < n; i++) {
            list.add(SignalSubmission.parse(new RawSignal("metrics-test", product + "-" + (++ids), channel, "SE", product,
                    "invoice", day + "T10:00:00Z", "sv", "Fakturan kom aldrig", null, null, null), clock));
        }
        return list;
    }

    List<CpmRow> query(Period period, String from, String to, Set<Dimension> by) {
        return cpm.query(new CpmQuery(period, LocalDate.parse(from), LocalDate.parse(to), by, null, product, null));
    }

    @Test
    void computesTheExactCpmAndItsPoissonIntervalForAKnownStream() {
        purchases.upsert(List.of(new PurchaseCount(LocalDate.of(2025, 3, 10), "SE", product, 1_000_000)), "test");
        intake.acceptAll(signals(30, "complaint", "2025-03-10"));
        intake.acceptAll(signals(10, "regulator-complaint", "2025-03-10"));
        intake.acceptAll(signals(25, "support-contact", "2025-03-10")); // feedback: not in the numerator

        List<CpmRow> rows = query(Period.DAY, "2025-03-10", "2025-03-10", Set.of());
        assertThat(rows).hasSize(1);
        CpmRow day = rows.getFirst();
        assertThat(day.complaints()).isEqualTo(40);
        assertThat(day.purchases()).isEqualTo(1_000_000);
        assertThat(day.cpm()).isEqualTo(40.0);
        assertThat(day.lower()).isCloseTo(28.576586, within(1e-4));
        assertThat(day.upper()).isCloseTo(54.468647, within(1e-4));

        var byChannel = query(Period.WEEK, "2025-03-10", "2025-03-10", Set.of(Dimension.CHANNEL));
        assertThat(byChannel).extracting(CpmRow::channel, CpmRow::complaints, CpmRow::purchases, CpmRow::cpm)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("complaint", 30L, 1_000_000L, 30.0),
                        org.assertj.core.groups.Tuple.tuple("regulator-complaint", 10L, 1_000_000L, 10.0));
        assertThat(byChannel.getFirst().label()).isEqualTo("2025-W11");
    }

    @Test
    void countsNothingOfABatchThatWasRolledBack() {
        intake.acceptAll(signals(3, "complaint", "2025-04-01"));
        var conflicting = new ArrayList<>(signals(5, "complaint", "2025-04-01"));
        // the same key as an earlier signal, with another body: the whole batch is refused
        conflicting.add(SignalSubmission.parse(new RawSignal("metrics-test", product + "-1", "complaint", "SE", product,
                "invoice", "2025-04-01T10:00:00Z", "sv", "another text", null, null, null), clock));
        assertThatThrownBy(() -> intake.acceptAll(conflicting)).isInstanceOf(IdempotencyConflictException.class);
        intake.acceptAll(signals(0, "complaint", "2025-04-01"));

        assertThat(cpm.totals(new Scope(null, product), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 1)).complaints())
                .isEqualTo(3);
    }

    @Test
    void rebuildingTheRollupFromSignalsGivesTheSameCounts() {
        intake.acceptAll(signals(7, "complaint", "2025-05-02"));
        intake.acceptAll(signals(2, "regulator-complaint", "2025-05-03"));
        var before = cpm.totals(new Scope(null, product), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31));

        rollup.rebuild();

        assertThat(cpm.totals(new Scope(null, product), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31))).isEqualTo(before);
        assertThat(before.complaints()).isEqualTo(9);
    }

    @Test
    void storesAPurchaseFigureOnceAndLetsALaterOneReplaceIt() {
        var day = LocalDate.of(2025, 6, 1);
        assertThat(purchases.upsert(List.of(new PurchaseCount(day, "SE", product, 500)), "test")).isEqualTo(new Purchases.Stored(1, 0));
        assertThat(purchases.upsert(List.of(new PurchaseCount(day, "SE", product, 500)), "test")).isEqualTo(new Purchases.Stored(0, 1));
        purchases.upsert(List.of(new PurchaseCount(day, "SE", product, 800), new PurchaseCount(day, "NO", product, 100)), "test");
        assertThat(cpm.totals(new Scope(null, product), day, day).purchases()).isEqualTo(900);
    }

    @Test
    void comparesEachPeriodWithTheSamePeriodLastYear() {
        purchases.upsert(List.of(new PurchaseCount(LocalDate.of(2024, 3, 5), "SE", product, 1_000_000),
                new PurchaseCount(LocalDate.of(2025, 3, 5), "SE", product, 2_000_000)), "test");
        intake.acceptAll(signals(40, "complaint", "2024-03-05"));
        intake.acceptAll(signals(60, "complaint", "2025-03-05"));

        var march2025 = query(Period.MONTH, "2025-03-01", "2025-03-31", Set.of()).getFirst();
        assertThat(march2025.cpm()).isEqualTo(30.0);
        assertThat(march2025.previousYearCpm()).isEqualTo(40.0);
        assertThat(march2025.changePercent()).isCloseTo(-25.0, within(1e-9));
    }

    @Test
    void reportsBudgetUseAndAProjectionAgainstTheTarget() {
        var scope = new Scope(null, product);
        assertThatThrownBy(() -> targets.progress(2025, scope, LocalDate.of(2025, 1, 10)))
                .isInstanceOf(TargetNotFoundException.class).hasMessageContaining("no CPM target for 2025 (product " + product + ")");
        targets.set(new Targets.Target(2025, scope, new BigDecimal("40")));
        purchases.upsert(LongStream.rangeClosed(1, 10).mapToObj(d -> new PurchaseCount(LocalDate.of(2025, 1, (int) d), "SE",
                product, 1_000_000)).toList(), "test");
        for (int d = 1; d <= 10; d++) {
            intake.acceptAll(signals(30, "complaint", "2025-01-%02d".formatted(d)));
        }

        var p = targets.progress(2025, scope, LocalDate.of(2025, 1, 10));

        assertThat(p.complaints()).isEqualTo(300);
        assertThat(p.purchases()).isEqualTo(10_000_000);
        assertThat(p.cpm()).isEqualTo(30.0);
        assertThat(p.budgetSoFar()).isEqualTo(400.0);
        assertThat(p.budgetUsedPercent()).isEqualTo(75.0);
        // no purchases last year: the rest of the year gets this year's daily average at the recent rate (30 CPM)
        assertThat(p.projectedPurchases()).isEqualTo(365_000_000L);
        assertThat(p.projectedCpm()).isCloseTo(30.0, within(1e-9));
        assertThat(p.onTrack()).isTrue();
        assertThat(p.summary()).contains("30.0 CPM", "target of 40.0", "10.0 CPM (25 %) below it", "75 % of the complaint budget");
    }

    @Test
    void holdsAScopeWithoutATargetOfItsOwnToTheGlobalOne() {
        var scope = new Scope(null, product);
        targets.set(new Targets.Target(2023, Scope.GLOBAL, new BigDecimal("12")));
        purchases.upsert(List.of(new PurchaseCount(LocalDate.of(2023, 1, 2), "SE", product, 1_000_000)), "test");
        intake.acceptAll(signals(10, "complaint", "2023-01-02"));

        var global = targets.heldTo(2023, scope).orElseThrow();
        assertThat(global.scope()).isEqualTo(Scope.GLOBAL);
        var p = targets.progress(global, scope, LocalDate.of(2023, 1, 2));
        assertThat(p.scope()).isEqualTo(scope);
        assertThat(p.cpm()).isEqualTo(10.0);
        assertThat(p.summary()).contains("against the global target of 12.0");
        assertThat(targets.heldTo(2022, scope)).isEmpty();

        targets.set(new Targets.Target(2023, scope, new BigDecimal("8")));
        assertThat(targets.heldTo(2023, scope).orElseThrow().scope()).isEqualTo(scope);
        assertThat(targets.progress(2023, scope, LocalDate.of(2023, 1, 2)).summary()).contains("against a target of 8.0");
    }

    @Test
    void answersWeeksMonthsQuartersAndYearsExactlyAsTheSumOfTheirDaysAfterCorrectionsAndRebuilds() {
        // 2024-12-30 is the Monday of ISO week 2025-W01: weeks cross month, quarter and year boundaries here
        var days = List.of("2024-12-30", "2024-12-31", "2025-01-01", "2025-01-31", "2025-02-01", "2025-03-31", "2025-04-01");
        for (int i = 0; i < days.size(); i++) {
            var day = LocalDate.parse(days.get(i));
            purchases.upsert(List.of(new PurchaseCount(day, "SE", product, 100_000L * (i + 1)),
                    new PurchaseCount(day, "NO", product, 50_000L)), "test");
            intake.acceptAll(signals(i + 2, "complaint", days.get(i)));
            intake.acceptAll(signals(1, "regulator-complaint", days.get(i)));
        }
        // sources correct their figures: one up, one down, one unchanged
        purchases.upsert(List.of(new PurchaseCount(LocalDate.parse("2024-12-31"), "SE", product, 999_999),
                new PurchaseCount(LocalDate.parse("2025-02-01"), "SE", product, 1),
                new PurchaseCount(LocalDate.parse("2025-04-01"), "NO", product, 50_000L)), "test");

        assertPeriodsAddUpToTheirDays();
        rollup.rebuild();
        rollup.rebuildPurchasePeriods();
        assertPeriodsAddUpToTheirDays();
    }

    private void assertPeriodsAddUpToTheirDays() {
        var daily = query(Period.DAY, "2024-12-01", "2025-04-30", Set.of(Dimension.MARKET));
        assertThat(daily.stream().mapToLong(CpmRow::complaints).sum()).isEqualTo(2 + 3 + 4 + 5 + 6 + 7 + 8 + 7);
        for (Period period : List.of(Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR)) {
            var expected = new java.util.TreeMap<String, List<Long>>();
            for (CpmRow d : daily) {
                var sums = expected.computeIfAbsent(period.start(d.start()) + " " + d.market(), k -> new ArrayList<>(List.of(0L, 0L)));
                sums.set(0, sums.get(0) + d.complaints());
                sums.set(1, sums.get(1) + d.purchases());
            }
            var actual = new java.util.TreeMap<String, List<Long>>();
            for (CpmRow r : query(period, "2024-12-01", "2025-04-30", Set.of(Dimension.MARKET))) {
                actual.put(r.start() + " " + r.market(), List.of(r.complaints(), r.purchases()));
            }
            assertThat(actual).as(period.name()).isEqualTo(expected);
        }
        // totals read whole months from the monthly roll-up and the days around them from the daily one: any range
        // (inside a month, across months and years, whole months, one day) is the sum of its days
        var ranges = List.of(List.of("2024-12-01", "2025-04-30"), List.of("2024-12-31", "2025-02-01"),
                List.of("2025-01-01", "2025-01-31"), List.of("2025-01-02", "2025-01-30"), List.of("2024-12-30", "2025-03-31"),
                List.of("2025-02-01", "2025-04-01"), List.of("2025-03-31", "2025-03-31"), List.of("2025-02-02", "2025-03-30"));
        for (var range : ranges) {
            LocalDate from = LocalDate.parse(range.get(0)), to = LocalDate.parse(range.get(1));
            var days = daily.stream().filter(d -> !d.start().isBefore(from) && !d.start().isAfter(to)).toList();
            assertThat(cpm.totals(new Scope(null, product), from, to)).as(range.toString()).isEqualTo(new CpmService.Totals(
                    days.stream().mapToLong(CpmRow::complaints).sum(), days.stream().mapToLong(CpmRow::purchases).sum()));
            // every market's totals in one statement (what a report of every market reads) are each market's, and add up
            // to the world's
            var perMarket = cpm.totalsPerMarket(from, to);
            assertThat(perMarket).as(range.toString()).containsKey("SE");
            perMarket.forEach((market, totals) -> assertThat(totals).as(range + " " + market)
                    .isEqualTo(cpm.totals(new Scope(market, null), from, to)));
            assertThat(new CpmService.Totals(perMarket.values().stream().mapToLong(CpmService.Totals::complaints).sum(),
                    perMarket.values().stream().mapToLong(CpmService.Totals::purchases).sum())).as(range.toString())
                    .isEqualTo(cpm.totals(Scope.GLOBAL, from, to));
        }
        assertThat(cpm.totals(new Scope(null, product), LocalDate.parse("2025-02-01"), LocalDate.parse("2025-01-31")))
                .isEqualTo(new CpmService.Totals(0, 0));
        // the world's weeks in one read of the weekly roll-ups (what the yearly report's initiatives and focus read):
        // every week of the range is there, and any run of whole weeks adds up to the totals of its days
        LocalDate firstMonday = LocalDate.parse("2024-12-23"), lastMonday = LocalDate.parse("2025-04-07");
        var weekly = cpm.weeklyTotals(firstMonday, lastMonday);
        assertThat(weekly).hasSize(16).containsKeys(firstMonday, lastMonday);
        for (var run : List.of(List.of("2024-12-23", "2025-04-07"), List.of("2024-12-30", "2024-12-30"),
                List.of("2025-01-27", "2025-03-31"), List.of("2025-02-03", "2025-02-24"))) {
            LocalDate from = LocalDate.parse(run.get(0)), to = LocalDate.parse(run.get(1));
            var weeks = weekly.subMap(from, to.plusDays(1)).values();
            assertThat(new CpmService.Totals(weeks.stream().mapToLong(CpmService.Totals::complaints).sum(),
                    weeks.stream().mapToLong(CpmService.Totals::purchases).sum())).as(run.toString())
                    .isEqualTo(cpm.totals(Scope.GLOBAL, from, to.plusDays(6)));
        }
        var purchasesOnly = cpm.weeklyPurchases(firstMonday, lastMonday);
        weekly.forEach((week, totals) -> assertThat(purchasesOnly.get(week)).as(week.toString()).isEqualTo(totals.purchases()));
        assertThatThrownBy(() -> cpm.weeklyTotals(LocalDate.parse("2024-12-31"), lastMonday))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-12-31");
        // the years and markets that have purchase figures, from the monthly cells
        assertThat(cpm.yearsWithPurchases(LocalDate.parse("2024-12-15"), LocalDate.parse("2025-04-30"))).contains(2024, 2025);
        assertThat(cpm.yearsWithPurchases(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-04-30"))).doesNotContain(2024);
        assertThat(cpm.marketsWithPurchases(LocalDate.parse("2024-12-01"), LocalDate.parse("2025-04-30"))).contains("SE", "NO");
    }
}
