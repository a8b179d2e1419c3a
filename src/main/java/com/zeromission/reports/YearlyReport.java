package com.zeromission.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.zeromission.insights.Effect;
import com.zeromission.insights.InsightState;
import com.zeromission.problems.ProblemState;

/**
 * The yearly report: figures and the sentences written from them. {@code asOf} is the last day counted (31 December
 * for a finished year, yesterday for the running one); {@code complete} says which.
 */
public record YearlyReport(int year, LocalDate asOf, boolean complete, int lastYear, Figures global,
        List<Figures> markets, List<Initiative> initiatives, Focus focus, Sentences sentences, List<String> method) {

    public YearlyReport {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(global, "global");
        markets = List.copyOf(markets);
        initiatives = List.copyOf(initiatives);
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(sentences, "sentences");
        method = List.copyOf(method);
    }

    /**
     * CPM of one scope ("global" or a market code): the whole of last year, this year up to {@code asOf}, the change,
     * the target it is held to if one is set, the full-year projection (running years with a target) and the verdict.
     * {@code globalTarget}: a market without a target of its own is held to the global one (see Targets.heldTo).
     */
    public record Figures(String scope, long complaints, long purchases, Double cpm, long lastYearComplaints,
            long lastYearPurchases, Double lastYearCpm, Double changePercent, Double target, Double projectedCpm,
            Verdict verdict, boolean globalTarget) {

        public Figures {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /** A linked problem by id and label (the label as it reads today). */
    public record LinkedProblem(long id, String label) {
    }

    /**
     * An insight whose fix was verified (or resolved) during the year, with its measured effect: the linked problems'
     * complaints in the {@code weeksBefore} full weeks before the fix's week against the {@code weeksAfter} full weeks
     * after it, up to the measurement that verified it. {@code effect} is null while no full week has passed.
     */
    public record Initiative(long insightId, String title, String ownerTeam, InsightState state, Instant resolvedAt,
            Instant verifiedAt, Instant regressedAt, List<LinkedProblem> problems, Effect effect, int weeksBefore,
            int weeksAfter, Double complaintsPerWeekBefore, Double complaintsPerWeekAfter, String sentence) {

        public Initiative {
            problems = List.copyOf(problems);
        }
    }

    /** One of next year's focus areas: an open problem among the most complained about in the window. */
    public record FocusArea(int rank, long problemId, String label, ProblemState state, long complaints, double share,
            List<Long> weekly, Double trendPercent, Trend trend, Long insightId, String insightTitle,
            InsightState insightState, String ownerTeam, String sentence) {

        public FocusArea {
            weekly = List.copyOf(weekly);
        }
    }

    /** The window the focus areas are read from (whole ISO weeks) and what it holds. */
    public record Focus(LocalDate fromMonday, LocalDate toMonday, String fromWeek, String toWeek, long complaints,
            List<FocusArea> areas) {

        public Focus {
            areas = List.copyOf(areas);
        }
    }

    /** The report's prose, one paragraph per part. */
    public record Sentences(String headline, String markets, String initiatives, String focus) {
    }
}
