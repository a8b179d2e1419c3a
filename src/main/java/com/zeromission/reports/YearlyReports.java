package com.zeromission.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.zeromission.insights.Effect;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.TargetProgress;
import com.zeromission.metrics.Targets;
import com.zeromission.problems.Problem;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.ProblemState;
import com.zeromission.problems.Problems;

/**
 * Writes the yearly report from the figures as they stand: CPM from the metrics roll-ups, the projection from
 * {@link Targets}, the initiatives from the insights' recorded history and their effect measured again the way the
 * verification measured it, and the focus areas from the problems' weekly complaints. Stores nothing.
 */
@Service
public class YearlyReports {

    /** Which of a problem's open insights the report names as its owner (the same reading as the weekly cadence). */
    static final java.util.Comparator<Insight> OWNER_FIRST = java.util.Comparator
            .comparing((Insight i) -> i.content().ownerTeam() == null)
            .thenComparing((Insight i) -> i.state().ordinal(), java.util.Comparator.reverseOrder())
            .thenComparing(Insight::id);

    /** Weeks the focus areas are read from: a quarter, long enough to be more than one week's spike. */
    public static final int FOCUS_WEEKS = 12;
    public static final int FOCUS_AREAS = 5;
    /** Years back the report looks for purchase figures (as the dashboard does). */
    static final int YEARS_BACK = 9;

    private final CpmService cpm;
    private final Targets targets;
    private final Problems problems;
    private final Insights insights;
    private final Clock clock;

    public YearlyReports(CpmService cpm, Targets targets, Problems problems, Insights insights, Clock clock) {
        this.cpm = cpm;
        this.targets = targets;
        this.problems = problems;
        this.insights = insights;
        this.clock = clock;
    }

    /** The years up to this one that have purchase figures, oldest first. */
    public List<Integer> yearsWithFigures() {
        LocalDate today = LocalDate.now(clock);
        return List.copyOf(cpm.yearsWithPurchases(LocalDate.of(today.getYear() - YEARS_BACK, 1, 1), today));
    }

    /** The report of {@code year}; refused, naming the years that have figures, when the year has none. */
    public YearlyReport yearly(int year) {
        LocalDate today = LocalDate.now(clock);
        LocalDate jan1 = LocalDate.of(year, 1, 1), dec31 = LocalDate.of(year, 12, 31);
        LocalDate yesterday = today.minusDays(1);
        boolean complete = yesterday.isAfter(dec31) || yesterday.equals(dec31);
        LocalDate asOf = complete ? dec31 : yesterday;
        var totals = new ReportTotals(cpm); // each range read once, for every market
        if (asOf.isBefore(jan1) || totals.totals(Scope.GLOBAL, jan1, asOf).purchases() == 0) {
            throw new YearWithoutFiguresException(year, yearsWithFigures());
        }
        int lastYear = year - 1;
        // The three parts read different figures and share nothing but the totals (thread-safe): the initiatives and
        // the focus areas are read beside the markets' figures, each on a virtual thread with its own connection, so
        // that the report takes about as long as its longest part on a machine with a second core to spare.
        List<YearlyReport.Initiative> initiatives;
        YearlyReport.Focus focus;
        YearlyReport.Figures global;
        var markets = new ArrayList<YearlyReport.Figures>();
        try (var parts = Executors.newVirtualThreadPerTaskExecutor()) {
            var initiativesRead = parts.submit(() -> initiatives(totals, year, today));
            var focusRead = parts.submit(() -> focus(year));
            global = figures(totals, Scope.GLOBAL, "global", year, asOf, complete);
            for (String market : markets(year, asOf)) {
                markets.add(figures(totals, new Scope(market, null), market, year, asOf, complete));
            }
            initiatives = result(initiativesRead);
            focus = result(focusRead);
        }
        var sentences = new YearlyReport.Sentences(ReportText.headline(year, lastYear, asOf, complete, global),
                ReportText.markets(year, lastYear, markets), ReportText.initiatives(year, initiatives),
                ReportText.focus(year + 1, focus));
        return new YearlyReport(year, asOf, complete, lastYear, global, markets, initiatives, focus, sentences, method(year, complete));
    }

    /** What a part of the report read, or the exception it failed with, as the report's own. */
    private static <T> T result(Future<T> part) {
        try {
            return part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a part of the yearly report failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the yearly report was read", e);
        }
    }

    private static List<String> method(int year, boolean complete) {
        var notes = new ArrayList<String>();
        notes.add("CPM counts formal complaints per million purchases; " + (complete ? year + " is the whole year"
                : year + " runs from 1 January to the last full day") + ", compared with the whole of " + (year - 1) + ".");
        if (!complete) {
            notes.add("The projection (where a target is set) gives the rest of the year last year's purchases for the "
                    + "same days, scaled by this year's growth so far, at the complaint rate of the last 91 days.");
        }
        notes.add("A target is met when the figure as printed (one decimal) is at or below it; a running year is on "
                + "track when its projection is.");
        notes.add("An initiative's effect: its linked problems' complaints in the " + Insights.BASELINE_WEEKS
                + " full weeks before the fix's week against the full weeks after it, per purchase, with the conditional "
                + "binomial test; verified means p < " + Effect.ALPHA + " and a drop of at least "
                + (int) Effect.MIN_DROP_PERCENT + " %.");
        notes.add("Focus areas: open problems ranked by complaints in the last " + FOCUS_WEEKS
                + " full weeks; the trend compares the last six weeks with the six before.");
        return notes;
    }

    /** The markets with purchases this year or last. */
    private List<String> markets(int year, LocalDate asOf) {
        return List.copyOf(cpm.marketsWithPurchases(LocalDate.of(year - 1, 1, 1), asOf));
    }

    private YearlyReport.Figures figures(ReportTotals totals, Scope scope, String name, int year, LocalDate asOf,
            boolean complete) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        var now = totals.totals(scope, jan1, asOf);
        var before = totals.totals(scope, jan1.minusYears(1), LocalDate.of(year - 1, 12, 31));
        // a market without a target of its own is held to the global one, as on the dashboard
        var heldTo = targets.heldTo(year, scope);
        Double target = heldTo.map(t -> t.cpm().doubleValue()).orElse(null);
        Double projected = null;
        if (heldTo.isPresent() && !complete) {
            TargetProgress progress = targets.progress(heldTo.get(), scope, asOf, totals);
            projected = progress.projectedCpm();
        }
        Double change = ReportText.changePercent(before.cpm(), now.cpm());
        return new YearlyReport.Figures(name, now.complaints(), now.purchases(), now.cpm(), before.complaints(),
                before.purchases(), before.cpm(), change, target, projected, Verdict.of(target, now.cpm(), projected, complete),
                heldTo.isPresent() && !heldTo.get().scope().equals(scope));
    }

    // ---- initiatives -------------------------------------------------------------------------------------------

    /**
     * Insights verified during the year (still verified, or regressed since), and those resolved during the year and
     * still waiting for their verdict. The biggest drop in complaints a week first.
     */
    private List<YearlyReport.Initiative> initiatives(ReportTotals totals, int year, LocalDate today) {
        // First which insights count and the weeks each is measured over; then their linked problems' complaints for all
        // of them in one read of the weeks (a read per insight was a third of the report's time).
        var counted = new ArrayList<Measured>();
        for (Insight insight : insights.list(EnumSet.of(InsightState.RESOLVED, InsightState.VERIFIED, InsightState.REGRESSED))) {
            Instant resolved = last(insight, InsightState.RESOLVED, null);
            if (resolved == null) {
                continue;
            }
            Instant verified = last(insight, InsightState.VERIFIED, null);
            Instant regressed = insight.state() == InsightState.REGRESSED ? last(insight, InsightState.REGRESSED, null) : null;
            boolean counts = insight.state() == InsightState.RESOLVED ? yearOf(resolved) == year
                    : verified != null && yearOf(verified) == year;
            if (!counts) {
                continue;
            }
            // Measured as the verification measured it: up to the last full week before the verifying measurement.
            LocalDate fixWeek = monday(LocalDate.ofInstant(resolved, ZoneOffset.UTC));
            LocalDate measuredUpTo = monday(verified != null ? LocalDate.ofInstant(verified, ZoneOffset.UTC) : today).minusWeeks(1);
            int weeksAfter = (int) Math.max(0, ChronoUnit.WEEKS.between(fixWeek, measuredUpTo));
            counted.add(new Measured(insight, resolved, verified, regressed, fixWeek, measuredUpTo, weeksAfter,
                    !insight.content().problemIds().isEmpty() && weeksAfter > 0));
        }
        var measured = counted.stream().filter(Measured::measured).toList();
        if (!measured.isEmpty()) { // the world's purchases of the weeks every measured insight needs, in one read
            totals.readWeeks(measured.stream().map(m -> m.fixWeek().minusWeeks(Insights.BASELINE_WEEKS)).reduce(YearlyReports::min).orElseThrow(),
                    measured.stream().map(Measured::measuredUpTo).reduce(YearlyReports::max).orElseThrow());
        }
        List<Map<LocalDate, Long>> weeklies = measured.isEmpty() ? List.of() : problems.weeklyComplaintsOfEach(
                measured.stream().map(m -> m.insight().content().problemIds()).toList(),
                measured.stream().map(m -> m.fixWeek().minusWeeks(Insights.BASELINE_WEEKS)).min(Comparator.naturalOrder()).orElseThrow(),
                measured.stream().map(Measured::measuredUpTo).max(Comparator.naturalOrder()).orElseThrow());
        var result = new ArrayList<YearlyReport.Initiative>();
        for (Measured m : counted) {
            Insight insight = m.insight();
            LocalDate fixWeek = m.fixWeek(), measuredUpTo = m.measuredUpTo();
            var ids = insight.content().problemIds();
            Effect effect = null;
            Double perWeekBefore = null, perWeekAfter = null;
            if (m.measured()) {
                LocalDate baselineFrom = fixWeek.minusWeeks(Insights.BASELINE_WEEKS);
                // the weeks of every measured insight: summed here over this one's own weeks only
                var weekly = weeklies.get(measured.indexOf(m));
                long before = sum(weekly, baselineFrom, fixWeek.minusWeeks(1));
                long after = sum(weekly, fixWeek.plusWeeks(1), measuredUpTo);
                long purchasesBefore = totals.purchasesOfWeeks(baselineFrom, fixWeek.minusWeeks(1));
                long purchasesAfter = totals.purchasesOfWeeks(fixWeek.plusWeeks(1), measuredUpTo);
                effect = Effect.of(before, purchasesBefore, after, purchasesAfter);
                perWeekBefore = (double) before / Insights.BASELINE_WEEKS;
                perWeekAfter = (double) after / m.weeksAfter();
            }
            var linked = ids.stream().map(id -> new YearlyReport.LinkedProblem(id, label(id))).toList();
            var draft = new YearlyReport.Initiative(insight.id().value(), insight.content().title(), insight.content().ownerTeam(),
                    insight.state(), m.resolved(), m.verified(), m.regressed(), linked, effect, Insights.BASELINE_WEEKS,
                    m.weeksAfter(), perWeekBefore, perWeekAfter, null);
            result.add(new YearlyReport.Initiative(draft.insightId(), draft.title(), draft.ownerTeam(), draft.state(),
                    draft.resolvedAt(), draft.verifiedAt(), draft.regressedAt(), draft.problems(), draft.effect(),
                    draft.weeksBefore(), draft.weeksAfter(), draft.complaintsPerWeekBefore(),
                    draft.complaintsPerWeekAfter(), ReportText.initiative(draft)));
        }
        result.sort(Comparator.comparing((YearlyReport.Initiative i) -> i.verifiedAt() == null)
                .thenComparingDouble(i -> i.complaintsPerWeekAfter() == null ? 0
                        : i.complaintsPerWeekAfter() - i.complaintsPerWeekBefore())
                .thenComparingLong(YearlyReport.Initiative::insightId));
        return result;
    }

    /** An insight the report names, with the weeks its effect is measured over ({@code measured}: whether it is). */
    private record Measured(Insight insight, Instant resolved, Instant verified, Instant regressed, LocalDate fixWeek,
            LocalDate measuredUpTo, int weeksAfter, boolean measured) {
    }

    private String label(long problemId) {
        try {
            return problems.get(ProblemId.of(problemId)).label();
        } catch (ProblemNotFoundException e) {
            return "problem " + problemId + " (gone)";
        }
    }

    private @Nullable Problem problemOrNull(long id) {
        try {
            return problems.get(ProblemId.of(id));
        } catch (ProblemNotFoundException e) {
            return null;
        }
    }

    private static Instant last(Insight insight, InsightState to, Instant orElse) {
        return insight.history().stream().filter(t -> t.to() == to && t.from() != to).map(Insight.Transition::at)
                .reduce((a, b) -> b).orElse(orElse);
    }

    private static int yearOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).getYear();
    }

    // ---- focus areas -------------------------------------------------------------------------------------------

    /**
     * The open problems with the most complaints in the last {@link #FOCUS_WEEKS} full weeks of the year (for the
     * running year: up to last week), with their share of all complaints then and their trend.
     */
    private YearlyReport.Focus focus(int year) {
        LocalDate endOfYear = monday(LocalDate.of(year + 1, 1, 1)).minusWeeks(1);
        LocalDate lastWeek = problems.lastWeek();
        LocalDate to = lastWeek.isBefore(endOfYear) ? lastWeek : endOfYear;
        LocalDate from = to.minusWeeks(FOCUS_WEEKS - 1L);
        // one read of every problem's weeks in the window (it was a weekly top list per week, each with its trends)
        var weekly = problems.weeklyComplaintsByProblem(from, to);
        long all = cpm.weeklyTotals(from, to).values().stream().mapToLong(CpmService.Totals::complaints).sum();
        var owners = new HashMap<Long, Insight>();
        for (Insight i : insights.list(Insights.OPEN)) {
            for (long p : i.content().problemIds()) {
                // the one that owns it: an insight with an owner team before a draft without, the furthest along first
                owners.merge(p, i, (a, b) -> OWNER_FIRST.compare(a, b) <= 0 ? a : b);
            }
        }
        long total = all;
        // the most complained about first; a problem's state is looked up only until five open ones are found
        var states = new HashMap<Long, Problem>();
        var ranked = weekly.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -java.util.Arrays.stream(e.getValue()).sum())
                        .thenComparingLong(Map.Entry::getKey))
                .filter(e -> {
                    Problem p = states.computeIfAbsent(e.getKey(), this::problemOrNull);
                    return p != null && (p.state() == ProblemState.OPEN || p.state() == ProblemState.REGRESSED);
                })
                .limit(FOCUS_AREAS).toList();
        var areas = new ArrayList<YearlyReport.FocusArea>();
        for (var e : ranked) {
            long[] w = e.getValue();
            long sum = java.util.Arrays.stream(w).sum();
            int half = FOCUS_WEEKS / 2;
            long first = java.util.Arrays.stream(w, 0, half).sum(), second = java.util.Arrays.stream(w, half, FOCUS_WEEKS).sum();
            Double trendPercent = first == 0 ? null : (second - first) * 100.0 / first;
            Problem p = states.get(e.getKey());
            Insight owner = owners.get(p.id());
            var draft = new YearlyReport.FocusArea(areas.size() + 1, p.id(), p.label(), p.state(), sum,
                    total == 0 ? 0 : (double) sum / total, java.util.Arrays.stream(w).boxed().toList(), trendPercent,
                    Trend.of(trendPercent), owner == null ? null : owner.id().value(), owner == null ? null : owner.content().title(),
                    owner == null ? null : owner.state(), owner == null ? null : owner.content().ownerTeam(), null);
            areas.add(new YearlyReport.FocusArea(draft.rank(), draft.problemId(), draft.label(), draft.state(),
                    draft.complaints(), draft.share(), draft.weekly(), draft.trendPercent(), draft.trend(), draft.insightId(),
                    draft.insightTitle(), draft.insightState(), draft.ownerTeam(), ReportText.focusArea(draft)));
        }
        return new YearlyReport.Focus(from, to, Problems.weekLabel(from), Problems.weekLabel(to), total, areas);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static long sum(Map<LocalDate, Long> weekly, LocalDate from, LocalDate to) {
        return weekly.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
