package com.zeromission.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightState;
import com.zeromission.problems.ProblemViews.Emerging;
import com.zeromission.problems.ProblemViews.Regression;

/**
 * The weekly review of one ISO week, as the Monday meeting after it reads it: what the squads that worked in the
 * week did (their insight's state and latest step, as of now), the squads formed at the next Monday from the week's
 * top problems, what was resolved in the week, and whether anything blew up: problems spiking against their own
 * baseline, problems and fixes that came back.
 */
public record WeeklyReview(LocalDate weekStart, String week, LocalDate previousWeek, LocalDate nextWeek,
        List<SquadWork> squads, List<SquadWork> formedNext, List<ResolvedProblem> resolvedProblems,
        List<FinishedInsight> finishedInsights, List<Emerging> emerging, List<Regression> regressions,
        List<FinishedInsight> regressedInsights) {

    public WeeklyReview {
        squads = List.copyOf(squads);
        formedNext = List.copyOf(formedNext);
        resolvedProblems = List.copyOf(resolvedProblems);
        finishedInsights = List.copyOf(finishedInsights);
        emerging = List.copyOf(emerging);
        regressions = List.copyOf(regressions);
        regressedInsights = List.copyOf(regressedInsights);
    }

    /** A squad with its problem's label and where its insight stands (null fields: the insight is gone). */
    public record SquadWork(Squad squad, String problemLabel, String insightTitle, InsightState insightState,
            Insight.Transition latest, boolean overdue) {
    }

    public record ResolvedProblem(long problemId, String label, Instant resolvedAt) {
    }

    /** An insight that reached {@code state} in the week (resolved, verified or regressed), and when. */
    public record FinishedInsight(long insightId, String title, InsightState state, String ownerTeam, Instant at) {
    }
}
