package com.zeromission.problems;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.statistics.distribution.PoissonDistribution;

import com.zeromission.metrics.CpmService;
import com.zeromission.markets.Scope;
import com.zeromission.problems.ProblemViews.Emerging;
import com.zeromission.problems.ProblemViews.EmergingReport;
import com.zeromission.problems.ProblemViews.TopProblem;
import com.zeromission.problems.ProblemViews.WeeklyTop;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.problems.internal.ProblemsProperties;

import static com.zeromission.problems.Problems.BASELINE_FLOOR;
import static com.zeromission.problems.Problems.BASELINE_WEEKS;
import static com.zeromission.problems.Problems.MAX_LIST;
import static com.zeromission.problems.Problems.weekLabel;

/**
 * The problems' weekly figures for {@link Problems}: complaints per week of sets of problems, the week's top list,
 * trends, and emerging problems (spikes against their own baseline). Root causes count with their variants.
 */
final class WeeklyCounts {

    private final ProblemRepository repository;
    private final ProblemsProperties properties;
    private final CpmService cpm;
    private final Clock clock;
    private final ProblemReads reads;

    WeeklyCounts(ProblemRepository repository, ProblemsProperties properties, CpmService cpm, Clock clock,
            ProblemReads reads) {
        this.repository = repository;
        this.properties = properties;
        this.cpm = cpm;
        this.clock = clock;
        this.reads = reads;
    }

    /**
     * Complaints of the given problems per ISO week (keyed by Monday), for the weeks from {@code fromMonday} to
     * {@code toMonday} inclusive; weeks without complaints are absent. What effect measurement compares.
     */
    Map<LocalDate, Long> weeklyComplaints(java.util.Collection<Long> problemIds, LocalDate fromMonday, LocalDate toMonday) {
        // A root cause counts with its variants (each signal once, whichever of them the caller names).
        return weeklyComplaintsOfEach(List.of(problemIds), fromMonday, toMonday).getFirst();
    }

    /**
     * {@link #weeklyComplaints(java.util.Collection, LocalDate, LocalDate)} for several sets of problems at once, in one
     * read of the weeks (a ranking of every open insight asks for each insight's linked problems): the result's
     * {@code i}-th map is the {@code i}-th set's.
     */
    List<Map<LocalDate, Long>> weeklyComplaintsOfEach(List<? extends java.util.Collection<Long>> sets,
            LocalDate fromMonday, LocalDate toMonday) {
        var roots = repository.roots();
        var out = new ArrayList<Map<LocalDate, Long>>(sets.size());
        var setsOfRoot = new HashMap<Long, List<Integer>>();
        for (int i = 0; i < sets.size(); i++) {
            out.add(new TreeMap<>());
            var ids = new LinkedHashSet<Long>();
            for (Long id : sets.get(i)) {
                ids.add(roots.getOrDefault(id, id)); // a root cause with its variants, each signal once
            }
            for (Long root : ids) {
                setsOfRoot.computeIfAbsent(root, k -> new ArrayList<>()).add(i);
            }
        }
        if (setsOfRoot.isEmpty()) {
            return out;
        }
        repository.forEachRootWeekTotal(List.copyOf(setsOfRoot.keySet()), roots, fromMonday, toMonday,
                CpmService.COMPLAINT_CHANNELS, w -> {
                    for (int i : setsOfRoot.getOrDefault(w.problemId(), List.of())) {
                        out.get(i).merge(w.weekStart(), w.signals(), Long::sum);
                    }
                });
        return out;
    }

    /** A problem's signals and complaints in one week. */
    private record WeekCount(long signals, long complaints) {

        WeekCount plus(WeekCount other) {
            return new WeekCount(signals + other.signals, complaints + other.complaints);
        }

        /** The count a top list ranks by: every signal, or complaints (for complaints and CPM alike). */
        long rankedBy(TopOrder order) {
            return order == TopOrder.SIGNALS ? signals : complaints;
        }

        /** The other count: what breaks ties. */
        long tieBreak(TopOrder order) {
            return order == TopOrder.SIGNALS ? complaints : signals;
        }
    }

    /** The week's top problems by complaints (the CPM numerator; {@code sort=signals} ranks by every signal). */
    WeeklyTop top(LocalDate week, TopOrder sort, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        java.util.Objects.requireNonNull(sort, "sort");
        LocalDate monday = ProblemRepository.weekOf(week.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        var counts = new HashMap<Long, WeekCount>();
        var roots = repository.roots();
        repository.forEachRootWeek(null, roots, monday, monday, c -> counts.merge(c.cell().problemId(), new WeekCount(
                c.signals(), CpmService.COMPLAINT_CHANNELS.contains(c.cell().channel()) ? c.signals() : 0), WeekCount::plus));
        var totals = cpm.totals(Scope.GLOBAL, monday, monday.plusDays(6));
        var ranked = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, WeekCount>>comparingLong(e -> -e.getValue().rankedBy(sort))
                        .thenComparingLong(e -> -e.getValue().tieBreak(sort)).thenComparingLong(Map.Entry::getKey))
                .filter(e -> e.getValue().rankedBy(sort) > 0).limit(limit).toList();
        var ids = ranked.stream().map(Map.Entry::getKey).toList();
        var trends = trends(ids, monday);
        var problems = new HashMap<Long, Problem>();
        repository.findAll(ids).forEach(p -> problems.put(p.id(), reads.withVariants(p, roots)));
        var result = new ArrayList<TopProblem>();
        for (var e : ranked) {
            long complaints = e.getValue().complaints();
            List<Long> trend = trends.getOrDefault(e.getKey(), List.of());
            result.add(new TopProblem(result.size() + 1, problems.get(e.getKey()), e.getValue().signals(), complaints,
                    totals.complaints() == 0 ? 0 : (double) complaints / totals.complaints(),
                    totals.purchases() == 0 ? null : complaints * 1e6 / totals.purchases(),
                    trend.size() >= 2 ? trend.get(trend.size() - 2) : 0, trend));
        }
        return new WeeklyTop(monday, weekLabel(monday), sort, totals.complaints(), totals.purchases(), result);
    }

    /**
     * Complaints per week of every root problem with any between two Mondays (inclusive), one count per week, oldest
     * first: what a ranking over several weeks reads in one go instead of one weekly top list per week.
     */
    Map<Long, long[]> weeklyComplaintsByProblem(LocalDate fromMonday, LocalDate toMonday) {
        int weeks = (int) java.time.temporal.ChronoUnit.WEEKS.between(fromMonday, toMonday) + 1;
        if (weeks < 1 || weeks > 53 || fromMonday.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("from must be a Monday up to 53 weeks before to, was " + fromMonday
                    + " to " + toMonday);
        }
        var weekly = new HashMap<Long, long[]>();
        // summed by the database per problem and week (a row per market, product and channel was a tenth of the
        // yearly report's time)
        repository.forEachRootWeekTotal(null, repository.roots(), fromMonday, toMonday, CpmService.COMPLAINT_CHANNELS, w -> {
            if (w.signals() > 0) {
                int i = (int) java.time.temporal.ChronoUnit.WEEKS.between(fromMonday, w.weekStart());
                weekly.computeIfAbsent(w.problemId(), k -> new long[weeks])[i] += w.signals();
            }
        });
        return weekly;
    }

    /**
     * Complaints per week for each of the given problems, the {@link #BASELINE_WEEKS} weeks up to and including the
     * week of {@code week}, oldest first (zeros where none): the trend a list of problems draws, in one read.
     */
    Map<Long, List<Long>> trends(java.util.Collection<Long> problemIds, LocalDate week) {
        if (problemIds.size() > MAX_LIST) {
            throw new IllegalArgumentException("at most " + MAX_LIST + " problems at once, got " + problemIds.size());
        }
        LocalDate monday = ProblemRepository.weekOf(week.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        return trends(List.copyOf(new LinkedHashSet<>(problemIds)), monday);
    }

    /** Complaints per week for each problem, the {@link #BASELINE_WEEKS} weeks up to and including {@code monday}. */
    private Map<Long, List<Long>> trends(List<Long> ids, LocalDate monday) {
        var weekly = new HashMap<Long, long[]>();
        LocalDate from = monday.minusWeeks(BASELINE_WEEKS - 1);
        repository.forEachRootWeek(ids, repository.roots(), from, monday, c -> {
            if (CpmService.COMPLAINT_CHANNELS.contains(c.cell().channel())) {
                int i = (int) java.time.temporal.ChronoUnit.WEEKS.between(from, c.cell().weekStart());
                weekly.computeIfAbsent(c.cell().problemId(), k -> new long[BASELINE_WEEKS])[i] += c.signals();
            }
        });
        var result = new HashMap<Long, List<Long>>();
        for (Long id : ids) {
            long[] w = weekly.getOrDefault(id, new long[BASELINE_WEEKS]);
            result.put(id, java.util.Arrays.stream(w).boxed().toList());
        }
        return result;
    }

    /** A problem's signals in a week, its baseline per week before, and the chance of at least as many. */
    private record Spike(long problemId, long signals, double baseline, double pValue) {
    }

    /**
     * Problems with a spike in the week against their own baseline (mean of the eight weeks before, at least
     * {@link #BASELINE_FLOOR} per week): at least the configured number of signals and a one-sided Poisson p-value
     * below the configured threshold. Counts are signals of every channel: a spike in feedback is news too.
     */
    EmergingReport emerging(LocalDate week) {
        LocalDate monday = ProblemRepository.weekOf(week.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        LocalDate from = monday.minusWeeks(BASELINE_WEEKS);
        var weekly = new HashMap<Long, long[]>();
        var roots = repository.roots();
        repository.forEachRootWeek(null, roots, from, monday, c -> {
            int i = (int) java.time.temporal.ChronoUnit.WEEKS.between(from, c.cell().weekStart());
            weekly.computeIfAbsent(c.cell().problemId(), k -> new long[BASELINE_WEEKS + 1])[i] += c.signals();
        });
        var found = new ArrayList<Spike>();
        weekly.forEach((id, w) -> {
            long now = w[BASELINE_WEEKS];
            if (now < properties.emergingMinSignals()) {
                return;
            }
            double baseline = 0;
            for (int i = 0; i < BASELINE_WEEKS; i++) {
                baseline += w[i];
            }
            baseline /= BASELINE_WEEKS;
            double p = PoissonDistribution.of(Math.max(BASELINE_FLOOR, baseline)).survivalProbability((int) Math.min(Integer.MAX_VALUE, now - 1));
            if (p < properties.emergingPValue()) {
                found.add(new Spike(id, now, baseline, p));
            }
        });
        found.sort(Comparator.comparingDouble(Spike::pValue).thenComparingLong(f -> -f.signals()));
        var problems = new HashMap<Long, Problem>();
        repository.findAll(found.stream().map(Spike::problemId).toList()).forEach(p -> problems.put(p.id(), reads.withVariants(p, roots)));
        var result = found.stream().map(f -> new Emerging(problems.get(f.problemId()), f.signals(), f.baseline(), f.pValue(),
                f.baseline() == 0)).toList();
        return new EmergingReport(monday, weekLabel(monday), result);
    }

    /** The Monday of the last complete ISO week, by the clock. */
    LocalDate lastWeek() {
        return ProblemRepository.weekOf(clock.instant()).minusWeeks(1);
    }
}
