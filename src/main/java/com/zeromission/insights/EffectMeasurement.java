package com.zeromission.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.insights.Insights.Measurement;
import com.zeromission.insights.internal.InsightRepository;
import com.zeromission.metrics.CpmService;
import com.zeromission.markets.Scope;
import com.zeromission.problems.Problems;

import static com.zeromission.insights.Insights.BASELINE_WEEKS;
import static com.zeromission.insights.Insights.MIN_WEEKS_AFTER;
import static com.zeromission.insights.Insights.RECENT_WEEKS;
import static com.zeromission.insights.ImpactMeasurement.monday;
import static com.zeromission.insights.ImpactMeasurement.sum;

/**
 * The effect measurement for {@link Insights}: whether a resolved insight's fix worked (verified), and whether a
 * verified one still holds (else regressed), from the linked problems' complaint rate per purchase.
 */
final class EffectMeasurement {

    private final Insights insights;
    private final InsightRepository repository;
    private final Problems problems;
    private final CpmService cpm;
    private final TransactionTemplate tx;
    private final Clock clock;

    EffectMeasurement(Insights insights, InsightRepository repository, Problems problems, CpmService cpm,
            TransactionTemplate tx, Clock clock) {
        this.insights = insights;
        this.repository = repository;
        this.problems = problems;
        this.cpm = cpm;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Measures whether the fix worked: the linked problems' complaint rate in the {@link #BASELINE_WEEKS} full weeks
     * before the resolution week against the full weeks since (at least {@link #MIN_WEEKS_AFTER}), per purchase.
     * A resolved insight becomes verified only when the drop is real ({@link Effect}); a verified one becomes regressed
     * when its last {@link #RECENT_WEEKS} weeks no longer show a real drop against the baseline. Each decision is
     * recorded with its figures.
     */
    Measurement measure(long id, String actor) {
        return tx.execute(s -> {
            var row = repository.find(id, true).orElseThrow(() -> new InsightNotFoundException(id));
            if (row.state() != InsightState.RESOLVED && row.state() != InsightState.VERIFIED) {
                throw new InsightTransitionRefusedException(id, row.state(), InsightState.VERIFIED,
                        "only a resolved or verified insight is measured; it is " + row.state().code());
            }
            if (row.content().problemIds().isEmpty()) {
                return new Measurement(insights.load(id), null, "not measurable: no linked problem");
            }
            var resolvedAt = repository.history(id).stream().filter(t -> t.to() == InsightState.RESOLVED)
                    .reduce((a, b) -> b).orElseThrow().at();
            LocalDate fixWeek = monday(LocalDate.ofInstant(resolvedAt, java.time.ZoneOffset.UTC));
            LocalDate lastFullWeek = monday(LocalDate.now(clock)).minusWeeks(1);
            long weeksAfter = java.time.temporal.ChronoUnit.WEEKS.between(fixWeek, lastFullWeek);
            if (weeksAfter < MIN_WEEKS_AFTER) {
                return new Measurement(insights.load(id), null, "too early: " + Math.max(0, weeksAfter) + " of the "
                        + MIN_WEEKS_AFTER + " full weeks after the fix's week have passed");
            }
            LocalDate baselineFrom = fixWeek.minusWeeks(BASELINE_WEEKS);
            LocalDate afterFrom = row.state() == InsightState.RESOLVED ? fixWeek.plusWeeks(1)
                    : lastFullWeek.minusWeeks(RECENT_WEEKS - 1L);
            var weekly = problems.weeklyComplaints(row.content().problemIds(), baselineFrom, lastFullWeek);
            long before = sum(weekly, baselineFrom, fixWeek.minusWeeks(1)), after = sum(weekly, afterFrom, lastFullWeek);
            long purchasesBefore = cpm.totals(Scope.GLOBAL, baselineFrom, fixWeek.minusDays(1)).purchases();
            long purchasesAfter = cpm.totals(Scope.GLOBAL, afterFrom, lastFullWeek.plusDays(6)).purchases();
            var effect = Effect.of(before, purchasesBefore, after, purchasesAfter);
            Instant now = clock.instant();
            String outcome;
            if (row.state() == InsightState.RESOLVED && effect.real()) {
                repository.setState(id, InsightState.VERIFIED, now);
                repository.recordTransition(id, InsightState.RESOLVED, InsightState.VERIFIED, actor, now, effect.describe());
                outcome = "verified";
            } else if (row.state() == InsightState.VERIFIED && !effect.real()) {
                repository.setState(id, InsightState.REGRESSED, now);
                repository.recordTransition(id, InsightState.VERIFIED, InsightState.REGRESSED, actor, now,
                        "complaints came back in the last " + RECENT_WEEKS + " weeks: " + effect.describe());
                outcome = "regressed";
            } else {
                outcome = row.state() == InsightState.RESOLVED ? "not verified yet: " + effect.describe()
                        : "still verified: " + effect.describe();
            }
            return new Measurement(insights.load(id), effect, outcome);
        });
    }

    /** Measures every resolved and verified insight (the daily job). */
    List<Measurement> measureAll(String actor) {
        var result = new ArrayList<Measurement>();
        for (var row : repository.all(List.of(InsightState.RESOLVED, InsightState.VERIFIED))) {
            result.add(measure(row.id(), actor));
        }
        return result;
    }
}
