package com.zeromission.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The read models the problems module answers with. All texts in them are the stored, masked ones. */
public final class ProblemViews {

    private ProblemViews() {
    }

    /** A real example of a problem: a member signal, masked as stored. */
    public record Example(String signalId, Instant receivedAt, String market, String product, String channel,
            String language, String text, double similarity) {
    }

    /** Signals and complaints of a problem in one ISO week. */
    public record WeekFigure(LocalDate weekStart, String week, long signals, long complaints) {
    }

    /**
     * A problem with everything its page shows. For a root cause the figures include its variants, which are listed
     * with examples in their languages; for a variant, {@code rootCause} is the root cause it belongs to (else null).
     * {@code namesByLanguage}: its automatic name in each language of its texts ("also written as"), most texts
     * first; the label is one of them unless an analyst named it.
     */
    public record Details(Problem problem, List<String> topTerms, List<Example> examples, List<WeekFigure> weeks,
            Map<String, Long> byMarket, Map<String, Long> byProduct, Map<String, Long> byChannel,
            List<ProblemEvent> events, Map<String, String> namesByLanguage, List<Variant> variants, Problem rootCause) {

        public Details {
            variants = List.copyOf(variants);
        }
    }

    /** A variant of a root cause (one of its phrasings or languages) with an example per language it is written in. */
    public record Variant(Problem problem, List<Example> examples) {

        public Variant {
            Objects.requireNonNull(problem, "problem");
            examples = List.copyOf(examples);
        }
    }

    /**
     * One of a week's top problems. {@code shareOfComplaints} is its part of all complaints that week (the
     * "probability" the program ranks by); {@code cpmContribution} is how many complaints per million purchases it
     * alone accounts for (null without purchase figures for the week). {@code trend}: complaints in each of the
     * eight weeks up to and including this one, oldest first.
     */
    public record TopProblem(int rank, Problem problem, long signals, long complaints, double shareOfComplaints,
            Double cpmContribution, long previousWeekComplaints, List<Long> trend) {
    }

    public record WeeklyTop(LocalDate weekStart, String week, TopOrder sortedBy, long complaintsInWeek,
            long purchasesInWeek, List<TopProblem> problems) {
    }

    /**
     * A problem with unusually many signals this week against its own baseline: the mean of the eight weeks before.
     * {@code pValue}: the chance of at least this many under a Poisson rate at the baseline.
     */
    public record Emerging(Problem problem, long signals, double baselinePerWeek, double pValue, boolean newProblem) {
    }

    public record EmergingReport(LocalDate weekStart, String week, List<Emerging> problems) {
    }

    /** A resolved problem whose signals came back. */
    public record Regression(Problem problem, Instant resolvedAt, Instant regressedAt, long signalsSinceResolved) {
    }

    /** What one consolidation pass did. */
    public record Consolidation(Instant at, int candidates, List<ProblemEvent> merges, int skippedPinned,
            int skippedKeptApart) {
        public Consolidation {
            Objects.requireNonNull(at, "at");
            merges = List.copyOf(merges);
        }
    }

    /** What a drain of the inbox did. */
    public record Assigned(int signals, int newProblems, long stillWaiting) {
    }

    /**
     * A signal found by a search: its stored, masked text and where it came from, and the problem it was grouped
     * into ({@code problemId} and {@code problemLabel} null while it waits to be grouped).
     */
    public record SignalHit(String signalId, Instant receivedAt, String market, String product, String channel,
            String journeyStage, String language, String text, Long problemId, String problemLabel) {
        public SignalHit {
            Objects.requireNonNull(signalId, "signalId");
            Objects.requireNonNull(text, "text");
        }
    }

    /** One page of a search: {@code total} signals match, in {@code pages} pages of {@code size}, newest first. */
    public record SignalPage(int page, int size, long total, int pages, List<SignalHit> signals) {
        public SignalPage {
            if (page < 1 || size < 1 || total < 0) {
                throw new IllegalArgumentException("page and size must be positive and total not negative, were "
                        + page + ", " + size + ", " + total);
            }
            signals = List.copyOf(signals);
        }
    }

    /** A problem that a merge would move, with a few of its examples. */
    public record Moving(Problem problem, List<Example> examples) {
        public Moving {
            Objects.requireNonNull(problem, "problem");
            examples = List.copyOf(examples);
        }
    }

    /**
     * What merging {@code moving} into {@code into} would do, changing nothing: the signals and complaints of each
     * before, and of {@code into} after (the merged ones then have none of their own).
     */
    public record MergePreview(Problem into, List<Moving> moving, long signalsAfter, long complaintsAfter) {
        public MergePreview {
            Objects.requireNonNull(into, "into");
            if (moving.isEmpty()) {
                throw new IllegalArgumentException("a merge preview needs at least one problem to move");
            }
            moving = List.copyOf(moving);
        }
    }
}
