package com.zeromission.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zeromission.insights.Insights.Frequency;
import com.zeromission.insights.Insights.ImpactDefaults;
import com.zeromission.insights.internal.InsightRepository;
import com.zeromission.metrics.CpmService;
import com.zeromission.markets.Scope;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;

import static com.zeromission.insights.Insights.OPEN;
import static com.zeromission.insights.Insights.RECENT_FREQUENCY_WEEKS;
import static com.zeromission.insights.Insights.OCCURRENCE_WEEKS;

/**
 * The figures an insight's priority is measured from, for {@link Insights}: the linked problems' occurrences a year,
 * their probability and frequency, the ranked list of open insights scored from them, and the occurrences an impact
 * model keeps unless a person overrides them with a reason.
 */
final class ImpactMeasurement {

    private final InsightRepository repository;
    private final Problems problems;
    private final CpmService cpm;
    private final Clock clock;

    ImpactMeasurement(InsightRepository repository, Problems problems, CpmService cpm, Clock clock) {
        this.repository = repository;
        this.problems = problems;
        this.cpm = cpm;
        this.clock = clock;
    }

    /**
     * The ranked list of the insights still to be done, scored from the data: occurrences a year are the linked
     * problems' complaints in the last 52 full weeks unless a person overrode them with a reason, and probability is
     * their share of all complaints in the last {@link #RECENT_FREQUENCY_WEEKS} full weeks (not all time: a problem
     * fixed long ago must not keep its old weight). Each row explains its factors in words.
     */
    List<Ranking.Ranked> ranked(Ranking.Scoring scoring) {
        var window = FrequencyWindow.ending(LocalDate.now(clock));
        long allRecent = cpm.totals(Scope.GLOBAL, window.recentFrom(), window.to().plusDays(6)).complaints();
        var candidates = new ArrayList<Ranking.Candidate>();
        var rows = repository.all(List.copyOf(OPEN));
        // every insight's linked problems in one read of the weeks (one read per insight took half a second)
        var weeklies = problems.weeklyComplaintsOfEach(rows.stream().map(r -> r.content().problemIds()).toList(),
                window.from(), window.to());
        for (int k = 0; k < rows.size(); k++) {
            var row = rows.get(k);
            var c = row.content();
            var measured = c.problemIds().isEmpty() ? null : measure(c.problemIds(), weeklies.get(k), window, allRecent);
            ImpactModel impact = c.impact();
            if (impact != null && measured != null) {
                // the stored figure is from the last save: a figure that follows the data follows today's data
                impact = impact.overridden()
                        ? impact.withOccurrences(impact.occurrencesPerYear(), measured.occurrencesPerYear(), impact.occurrencesReason())
                        : impact.withOccurrences(measured.occurrencesPerYear(), measured.occurrencesPerYear(), null);
            }
            var facts = new Ranking.Facts(impact, measured == null ? null : measured.recentComplaints(),
                    measured == null ? null : allRecent, measured == null ? null : measured.weeksWithComplaints(),
                    RECENT_FREQUENCY_WEEKS);
            candidates.add(new Ranking.Candidate(InsightId.of(row.id()), c.title(), row.createdAt(),
                    impact == null || !impact.occurrencesKnown() ? null : impact.valuePerYear(), c.effortPersonDays(),
                    measured == null ? null : measured.probability(), impact == null ? null : impact.occurrencesPerYear(),
                    c.riceImpact(), c.confidence(), facts));
        }
        return Ranking.rank(candidates, scoring);
    }

    /** The last 52 full ISO weeks up to last week, and the last 12 of them. */
    record FrequencyWindow(LocalDate from, LocalDate recentFrom, LocalDate to) {
        static FrequencyWindow ending(LocalDate today) {
            LocalDate to = monday(today).minusWeeks(1);
            return new FrequencyWindow(to.minusWeeks(OCCURRENCE_WEEKS - 1L), to.minusWeeks(RECENT_FREQUENCY_WEEKS - 1L), to);
        }
    }

    ImpactDefaults impactDefaults(List<Long> problemIds) {
        if (problemIds == null || problemIds.isEmpty()) {
            throw new IllegalArgumentException("problems: give at least one problem id, e.g. problems=12,40");
        }
        if (problemIds.size() > InsightContent.MAX_PROBLEMS) {
            throw new IllegalArgumentException("problems: at most " + InsightContent.MAX_PROBLEMS + " ids, was " + problemIds.size());
        }
        for (long p : problemIds) {
            problems.get(ProblemId.lookup(p)); // throws ProblemNotFoundException naming the id
        }
        var window = FrequencyWindow.ending(LocalDate.now(clock));
        return measure(List.copyOf(new java.util.LinkedHashSet<>(problemIds)), window,
                cpm.totals(Scope.GLOBAL, window.recentFrom(), window.to().plusDays(6)).complaints());
    }

    private ImpactDefaults measure(List<Long> problemIds, FrequencyWindow w, long allRecent) {
        return measure(problemIds, problems.weeklyComplaints(problemIds, w.from(), w.to()), w, allRecent);
    }

    private ImpactDefaults measure(List<Long> problemIds, Map<LocalDate, Long> weekly, FrequencyWindow w, long allRecent) {
        long year = sum(weekly, w.from(), w.to()), recent = sum(weekly, w.recentFrom(), w.to());
        int weeks = (int) weekly.entrySet().stream().filter(e -> !e.getKey().isBefore(w.recentFrom()) && e.getValue() > 0).count();
        double probability = allRecent == 0 ? 0 : Math.min(1.0, (double) recent / allRecent);
        return new ImpactDefaults(List.copyOf(problemIds), w.from(), w.to().plusDays(6), year, w.recentFrom(), recent, allRecent,
                weeks, RECENT_FREQUENCY_WEEKS, probability, String.format(java.util.Locale.ROOT,
                        "%,d complaints in the last %d weeks (%s to %s) are the occurrences a year; %,d of the %,d complaints in "
                                + "the last %d weeks (%.2f %%) are the probability; complaints in %d of the last %d weeks",
                        year, OCCURRENCE_WEEKS, w.from(), w.to().plusDays(6), recent, allRecent, RECENT_FREQUENCY_WEEKS,
                        probability * 100, weeks, RECENT_FREQUENCY_WEEKS));
    }

    /**
     * The content with its impact's occurrences decided from the data: left out (or equal to the measured number), or
     * unchanged from a stored figure that followed the data, they are the linked problems' complaints in the last 52
     * weeks; another number needs a reason ({@link OccurrencesOverrideWithoutReasonException}), and is kept with the
     * measured number beside it. An unchanged override keeps its reason. Without a linked problem, what is typed stands.
     * Whatever measured figure a client sends is replaced by the server's.
     */
    InsightContent withMeasuredImpact(InsightContent content, InsightContent stored) {
        var impact = content.impact();
        if (impact == null) {
            return content;
        }
        if (content.problemIds().isEmpty()) {
            return content.withImpact(impact.withOccurrences(impact.occurrencesPerYear(), null, impact.occurrencesReason()));
        }
        long measured = occurrences(content.problemIds(), FrequencyWindow.ending(LocalDate.now(clock)));
        var before = stored == null ? null : stored.impact();
        Long typed = impact.occurrencesPerYear();
        String reason = impact.occurrencesReason();
        boolean unchanged = before != null && java.util.Objects.equals(typed, before.occurrencesPerYear());
        if (reason == null && unchanged && before.overridden()) {
            reason = before.occurrencesReason();
        }
        if (typed == null || typed == measured || (reason == null && unchanged)) {
            return content.withImpact(impact.withOccurrences(measured, measured, null));
        }
        if (reason == null) {
            throw new OccurrencesOverrideWithoutReasonException(typed, measured);
        }
        return content.withImpact(impact.withOccurrences(typed, measured, reason));
    }

    /** The linked problems' complaints in the last 52 full weeks. */
    Frequency frequency(List<Long> problemIds) {
        for (long p : problemIds) {
            problems.get(ProblemId.lookup(p));
        }
        var window = FrequencyWindow.ending(LocalDate.now(clock));
        long complaints = occurrences(problemIds, window);
        return new Frequency(List.copyOf(problemIds), window.from(), window.to().plusDays(6), complaints, complaints);
    }

    /** The problems' complaints in the window's 52 full weeks: the measured occurrences a year. */
    private long occurrences(List<Long> problemIds, FrequencyWindow window) {
        return sum(problems.weeklyComplaints(problemIds, window.from(), window.to()), window.from(), window.to());
    }

    static LocalDate monday(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    static long sum(java.util.Map<LocalDate, Long> weekly, LocalDate from, LocalDate to) {
        return weekly.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }
}
