package com.zeromission.alarms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;

import com.zeromission.alarms.AlertKind;
import com.zeromission.alarms.Evidence;
import com.zeromission.alarms.internal.Figures.Cell;
import com.zeromission.alarms.internal.Figures.Daily;
import com.zeromission.markets.Scope;

/** The rules as a pure function of daily figures: no database, no Spring. */
class DetectorTest {

    static final LocalDate START = LocalDate.of(2026, 2, 2);
    final Detector detector = new Detector();

    /** Days 0..n-1 from START for one cell, with the complaints of day i given by {@code complaints}. */
    static List<Daily> days(String market, String product, int n, long purchases, IntUnaryOperator complaints) {
        var list = new ArrayList<Daily>();
        for (int i = 0; i < n; i++) {
            list.add(new Daily(START.plusDays(i), new Cell(market, product), complaints.applyAsInt(i), purchases));
        }
        return list;
    }

    /** As an evaluation loads them: from as far back as the rules look (no figures before START) to the last day. */
    static Figures figures(List<Daily> days) {
        return Figures.of(new Detector().firstDayNeeded(START), days.stream().map(Daily::day).max(LocalDate::compareTo)
                .orElseThrow(), days);
    }

    Decision decision(List<Decision> all, AlertKind kind, String rule, Scope scope) {
        return all.stream().filter(d -> d.key().equals(new AlertKey(kind, rule, scope))).findFirst().orElseThrow();
    }

    @Test
    void fastBurnWaitsForTheLongWindowAndFiresOnTheSecondDayOfABurst() {
        // 40 CPM against a target of 40 (burn rate 1) for five weeks, then 700 a day (17.5x) from day 35.
        var figures = figures(days("SE", "pay-later", 37, 1_000_000, i -> i < 35 ? 40 : 700));
        var targets = Map.of(Scope.GLOBAL, 40.0);

        var dayOne = detector.decide(figures, START.plusDays(35), targets);
        var dayTwo = detector.decide(figures, START.plusDays(36), targets);

        // Day one: the 1-day window burns at 17.5x, but the 2-day window only at (40 + 700) / 2 / 40 = 9.25x.
        assertThat(decision(dayOne, AlertKind.BURN_RATE, "fast-burn", Scope.GLOBAL)).isInstanceOf(Decision.Quiet.class);
        var firing = (Decision.Firing) decision(dayTwo, AlertKind.BURN_RATE, "fast-burn", Scope.GLOBAL);
        var evidence = (Evidence.BurnRate) firing.evidence();
        assertThat(evidence.longBurnRate()).isEqualTo(17.5);
        assertThat(evidence.shortBurnRate()).isEqualTo(17.5);
        assertThat(evidence.longWindow().from()).isEqualTo(START.plusDays(35));
        assertThat(firing.asOf()).isEqualTo(START.plusDays(36));
        assertThat(firing.summary()).contains("global", "17.5× over 2 days", "threshold 14.4×");
    }

    @Test
    void aBurnRateOfExactlyOneFiresNothing() {
        var figures = figures(days("SE", "pay-later", 40, 1_000_000, i -> 40));

        var decisions = detector.decide(figures, START.plusDays(39), Map.of(Scope.GLOBAL, 40.0));

        assertThat(decisions).filteredOn(d -> d.key().kind() == AlertKind.BURN_RATE).hasSize(3)
                .allMatch(d -> d instanceof Decision.Quiet);
    }

    @Test
    void decidesNothingOnTooFewPurchases() {
        // 10,000 purchases a day at a target of 28: the fast rule needs 10 / (14.4 * 28) million = 24,802 purchases
        // so that its threshold means at least 10 complaints. Five complaints (17.9x) must not page anybody.
        var figures = figures(days("FI", "card", 30, 10_000, i -> i == 29 ? 5 : 0));
        var scope = new Scope("FI", "*");

        var d = decision(detector.decide(figures, START.plusDays(29), Map.of(scope, 28.0)), AlertKind.BURN_RATE,
                "fast-burn", scope);

        assertThat(d).isInstanceOf(Decision.Undecided.class);
        assertThat(((Decision.Undecided) d).reason()).contains("too few purchases", "10,000 in the 1-day window", "24,802");
    }

    @Test
    void judgesTheLastDayWithPurchasesWhenYesterdaysHaveNotArrived() {
        // Complaints for the last day are in, its purchases are not: that day is not complete.
        var days = new ArrayList<>(days("SE", "pay-later", 30, 1_000_000, i -> 40));
        days.add(new Daily(START.plusDays(30), new Cell("SE", "pay-later"), 40, 0));
        var figures = figures(days);

        var d = decision(detector.decide(figures, START.plusDays(30), Map.of(Scope.GLOBAL, 40.0)),
                AlertKind.BURN_RATE, "fast-burn", Scope.GLOBAL);

        assertThat(d).isInstanceOf(Decision.Quiet.class);
        assertThat(((Decision.Quiet) d).asOf()).isEqualTo(START.plusDays(29));
    }

    @Test
    void aTargetOfZeroMakesNoBurnRateDecision() {
        var figures = figures(days("SE", "pay-later", 30, 1_000_000, i -> 40));

        var d = decision(detector.decide(figures, START.plusDays(29), Map.of(Scope.GLOBAL, 0.0)),
                AlertKind.BURN_RATE, "slow-burn", Scope.GLOBAL);

        assertThat(d).isInstanceOf(Decision.Undecided.class);
    }

    /** Eight weeks and a day: enough for the same-weekday baseline of the last day. */
    static final int SPIKE_DAYS = 57;
    static final LocalDate LAST = START.plusDays(SPIKE_DAYS - 1);

    @Test
    void spikeFiresOnlyForTheSliceThatJumped() {
        var days = new ArrayList<Daily>();
        days.addAll(days("SE", "pay-later", SPIKE_DAYS, 200_000, i -> i == SPIKE_DAYS - 1 ? 30 : 5));
        days.addAll(days("DE", "card", SPIKE_DAYS, 200_000, i -> 5));
        var figures = figures(days);

        var decisions = detector.decide(figures, LAST, Map.of());

        var se = (Decision.Firing) decision(decisions, AlertKind.SPIKE, "spike", new Scope("SE", "pay-later"));
        var evidence = (Evidence.Spike) se.evidence();
        assertThat(evidence.window().complaints()).isEqualTo(30);
        assertThat(evidence.baseline().days()).isEqualTo(8);
        assertThat(evidence.baseline().from()).isEqualTo(LAST.minusWeeks(8));
        assertThat(evidence.expected()).isEqualTo(5.0);
        assertThat(evidence.pValue()).isLessThan(0.001);
        assertThat(se.summary()).contains("SE pay-later", "30 complaints on " + LAST + " (Monday)",
                "the same weekday of the 8 weeks before predicts 5.0");
        assertThat(decision(decisions, AlertKind.SPIKE, "spike", new Scope("DE", "card"))).isInstanceOf(Decision.Quiet.class);
    }

    @Test
    void aMondayIsComparedWithMondays() {
        // Complaints come early in the week: 20 every Monday, 5 on other days. Against the average day (about 7) a
        // Monday's 20 would look like a spike every week; against earlier Mondays it is an ordinary Monday.
        IntUnaryOperator mondays = i -> START.plusDays(i).getDayOfWeek() == java.time.DayOfWeek.MONDAY ? 20 : 5;
        assertThat(LAST.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        var scope = new Scope("DE", "pay-later");

        var ordinary = decision(detector.decide(figures(days("DE", "pay-later", SPIKE_DAYS, 150_000, mondays)), LAST, Map.of()),
                AlertKind.SPIKE, "spike", scope);
        var doubled = decision(detector.decide(figures(days("DE", "pay-later", SPIKE_DAYS, 150_000,
                i -> i == SPIKE_DAYS - 1 ? 45 : mondays.applyAsInt(i))), LAST, Map.of()), AlertKind.SPIKE, "spike", scope);

        assertThat(ordinary).isInstanceOf(Decision.Quiet.class);
        assertThat(doubled).isInstanceOf(Decision.Firing.class);
    }

    @Test
    void spikeNeedsAtLeastTenComplaintsHoweverUnlikelyFewerAre() {
        // Nine complaints after eight quiet weeks: p is tiny, but nine complaints are not an incident.
        var figures = figures(days("NO", "financing", SPIKE_DAYS, 50_000, i -> i == SPIKE_DAYS - 1 ? 9 : 0));

        var d = decision(detector.decide(figures, LAST, Map.of()), AlertKind.SPIKE, "spike", new Scope("NO", "financing"));

        assertThat(d).isInstanceOf(Decision.Quiet.class);
        assertThat(((Decision.Quiet) d).why()).contains("fewer than 10");
    }

    @Test
    void spikeIsNotFooledByMorePurchases() {
        // Black Friday: three times the purchases and three times the complaints is the same rate, not a spike.
        var scope = new Scope("GB", "pay-in-3");
        var sameRate = new ArrayList<Daily>();
        for (int i = 0; i < SPIKE_DAYS; i++) {
            boolean last = i == SPIKE_DAYS - 1;
            sameRate.add(new Daily(START.plusDays(i), new Cell("GB", "pay-in-3"), last ? 60 : 20, last ? 900_000 : 300_000));
        }
        var higherRate = figures(days("GB", "pay-in-3", SPIKE_DAYS, 300_000, i -> i == SPIKE_DAYS - 1 ? 60 : 20));

        assertThat(decision(detector.decide(figures(sameRate), LAST, Map.of()), AlertKind.SPIKE, "spike", scope))
                .isInstanceOf(Decision.Quiet.class);
        assertThat(decision(detector.decide(higherRate, LAST, Map.of()), AlertKind.SPIKE, "spike", scope))
                .isInstanceOf(Decision.Firing.class);
    }

    @Test
    void weeklySpikeSeesABroadRiseThatNoSingleSliceShows() {
        // 4 markets x 5 products at 2 complaints a day each, then a week at 3 a day everywhere (1.5x): no slice ever
        // reaches 10 complaints in a day, but everything together has 420 in the week where 280 were expected.
        var days = new ArrayList<Daily>();
        for (String market : List.of("SE", "NO", "DK", "FI")) {
            for (String product : List.of("pay-later", "pay-in-3", "financing", "card", "app")) {
                days.addAll(days(market, product, 35, 50_000, i -> i >= 28 ? 3 : 2));
            }
        }
        var figures = figures(days);

        var decisions = detector.decide(figures, START.plusDays(34), Map.of());

        var global = (Decision.Firing) decision(decisions, AlertKind.SPIKE, "weekly-spike", Scope.GLOBAL);
        var evidence = (Evidence.Spike) global.evidence();
        assertThat(evidence.window().complaints()).isEqualTo(420);
        assertThat(evidence.expected()).isEqualTo(280.0);
        assertThat(evidence.baseline().description()).isEqualTo("the 28 days before");
        assertThat(global.summary()).contains("global: 420 complaints from " + START.plusDays(28) + " to " + START.plusDays(34));
        assertThat(decisions).filteredOn(d -> d.key().rule().equals("spike")).hasSize(20)
                .allMatch(d -> d instanceof Decision.Quiet);
        assertThat(decisions).filteredOn(d -> d.key().rule().equals("weekly-spike"))
                .extracting(d -> d.key().scope().describe())
                .containsExactly("global", "market DK", "market FI", "market NO", "market SE", "product app",
                        "product card", "product financing", "product pay-in-3", "product pay-later");
    }

    @Test
    void rulesSpendTheYearlyBudgetAsDocumented() {
        // docs/alarms.md quotes these shares; if a rule changes, the document has to change with it.
        assertThat(Detector.BURN_RATE_RULES).extracting(r -> Math.round(r.budgetSpent(365) * 1000) / 10.0)
                .containsExactly(7.9, 11.5, 7.7);
    }
}
