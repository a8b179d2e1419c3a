package com.zeromission.problems;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.metrics.CpmService;
import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemViews.Assigned;
import com.zeromission.problems.ProblemViews.Consolidation;
import com.zeromission.problems.ProblemViews.Details;
import com.zeromission.problems.ProblemViews.EmergingReport;
import com.zeromission.problems.ProblemViews.Regression;
import com.zeromission.problems.ProblemViews.WeeklyTop;
import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.InboxRepository;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.problems.internal.SignalWordIndex;
import com.zeromission.problems.internal.ProblemsProperties;
import com.zeromission.problems.internal.ReplayedSignals;
import com.zeromission.problems.naming.ProblemNamer;
import com.zeromission.text.TextAnalyzer;

/**
 * The problems: grouping of new signals, the analysts' operations on problems, and the trends. Every change takes the
 * grouping locks (this instance's, then the database's, shared by every instance) and runs in one transaction, so the
 * grouper in memory and the tables never disagree for long: the grouper catches up with what other instances did
 * before a change, and when a transaction fails it is restored from the database.
 *
 * <p>This class is the module's API; the work is done by package-private collaborators, one per part: {@link
 * SignalDrain} (taking new signals in), {@link AnalystActions} (merge, undo, split, rename, pin, resolve, reopen),
 * {@link Regrouping} (consolidation and root causes), {@link ProblemReads} (problems, details, lists), {@link
 * WeeklyCounts} (weekly figures, top list, trends, emerging), {@link ProblemNaming} and {@link GroupingLocks}.
 */
@Service
public class Problems {

    public static final String SYSTEM = "system";
    public static final int MAX_LABEL = FreeText.Kind.NAME.max();
    public static final int MAX_SPLIT = 10_000;
    public static final int MAX_LIST = 500;
    /** Weeks of history in a trend and in the emerging baseline. */
    public static final int BASELINE_WEEKS = 8;
    /** The least weekly rate assumed for a baseline, so that a problem's first few signals are not a "spike". */
    public static final double BASELINE_FLOOR = 0.5;

    private final ProblemRepository repository;
    private final InboxRepository inbox;
    private final SignalDrain drain;
    private final AnalystActions actions;
    private final Regrouping regrouping;
    private final ProblemReads reads;
    private final WeeklyCounts weekly;
    private final ReplayedSignals replayed;

    Problems(GroupingEngine engine, ProblemRepository repository, ProblemsProperties properties, TransactionTemplate tx,
            CpmService cpm, TextMasker masker, Clock clock, TextAnalyzer analyzer, List<ProblemReferences> references,
            SignalWordIndex words, InboxRepository inbox, ReplayedSignals replayed) {
        this.inbox = inbox;
        this.replayed = replayed;
        this.repository = repository;
        var namer = new ProblemNamer(analyzer, properties.nameLanguage());
        this.reads = new ProblemReads(engine, repository, masker);
        var naming = new ProblemNaming(engine, repository, properties, namer, reads);
        var locks = new GroupingLocks(engine, repository, tx, clock);
        this.drain = new SignalDrain(engine, repository, properties, clock, naming, locks, words, inbox);
        this.actions = new AnalystActions(engine, repository, properties, masker, clock, reads, naming, locks);
        this.regrouping = new Regrouping(engine, repository, properties, clock, List.copyOf(references), actions, naming,
                locks);
        this.weekly = new WeeklyCounts(repository, properties, cpm, clock, reads);
    }

    // ---- grouping: SignalDrain ----------------------------------------------------------------------------------

    /** How many stored signals are not grouped yet: while grouping catches up, problem figures are partial. */
    public long signalsWaitingToBeGrouped() {
        return inbox.inboxSize();
    }

    /**
     * Groups every signal waiting in the inbox, a batch per transaction; returns what it did. Waits while another
     * instance (or thread) changes grouping, then goes on with whatever is still waiting.
     */
    public Assigned assignPending() {
        return assignPending(false);
    }

    /**
     * {@link #assignPending()}, unless another instance is changing grouping right now: then it returns at once (and
     * stops between batches when another instance takes over). The background drain: the instance that holds the
     * lock drains what every instance stored, so instances do not take turns batch by batch, each replaying the
     * other's batches first.
     */
    public Assigned assignPendingUnlessBusy() {
        return assignPending(true);
    }

    private Assigned assignPending(boolean skipIfBusy) {
        return drain.assignPending(skipIfBusy);
    }

    /** The application is stopping: a drain in progress ends after the batch in hand, and none starts. */
    public void stopDraining() {
        drain.stop();
    }

    /**
     * Saves the grouper's state now (at shutdown, after a catch-up): unless another instance is changing grouping or
     * has changed it since this one last did (its own snapshots then cover it).
     */
    public void snapshot() {
        drain.snapshot();
    }

    // ---- analysts' operations: AnalystActions ----------------------------------------------------------------

    /** Merges {@code from} into {@code into}: its signals move, it becomes a pointer. Reversible with {@link #undo}. */
    public ProblemEvent merge(ProblemId into, ProblemId from, String actor) {
        return actions.merge(into.value(), from.value(), actor);
    }

    /** Merges several problems into one, all or none. */
    public List<ProblemEvent> merge(ProblemId into, List<ProblemId> from, String actor) {
        return actions.merge(into.value(), values(from), actor);
    }

    /**
     * What {@link #merge(ProblemId, List, String)} would do, changing nothing: the problems that would move with a few
     * examples each, and the counts before and after. Refused (as the merge would be) for an unknown problem, a
     * problem merged already, or a problem into itself.
     */
    public ProblemViews.MergePreview previewMerge(ProblemId into, List<ProblemId> from) {
        return actions.previewMerge(into.value(), values(from));
    }

    /**
     * Undoes a merge (automatic or by an analyst): the signals it moved go back, the merged problem is restored, and
     * the pair is kept apart from then on so the next consolidation pass does not merge them again.
     */
    public ProblemEvent undo(long eventId, String actor) {
        return actions.undo(eventId, actor);
    }

    /** Moves the given signals of a problem into a new problem, kept apart from the old one from then on. */
    public Problem split(ProblemId problemId, List<String> signalIds, String label, String actor) {
        return actions.split(problemId.value(), signalIds, label, actor);
    }

    /** Names a problem; a blank label goes back to the automatic one. Personal data in the label is masked. */
    public Problem rename(ProblemId problemId, String label, String actor) {
        return actions.rename(problemId.value(), label, actor);
    }

    /** A pinned problem is never merged by the consolidation pass. */
    public Problem pin(ProblemId problemId, boolean pinned, String actor) {
        return actions.pin(problemId.value(), pinned, actor);
    }

    /** Marks a problem resolved: signals received after now that join it count toward a regression. */
    public Problem resolve(ProblemId problemId, String actor) {
        return actions.resolve(problemId.value(), actor);
    }

    public Problem reopen(ProblemId problemId, String actor) {
        return actions.reopen(problemId.value(), actor);
    }

    // ---- re-grouping: Regrouping ------------------------------------------------------------------------------

    /**
     * The consolidation pass: merges problems whose centroids turned out to be close. Never touches a pinned problem
     * or a pair an analyst kept apart, and never merges an analyst-named problem into another (the other way round
     * keeps the analyst's name). Every merge is recorded and can be undone.
     */
    public Consolidation consolidate(String actor) {
        return regrouping.consolidate(actor);
    }

    // ---- reading: ProblemReads -------------------------------------------------------------------------------

    /** A problem; a root cause with its variants' counts added. */
    public Problem get(ProblemId id) {
        return reads.get(id.value());
    }

    /** The variants of a root cause (its other phrasings and languages), largest first; empty for other problems. */
    public List<Problem> variants(ProblemId rootId) {
        return reads.variants(rootId.value());
    }

    /**
     * The ids of the signals of a problem received in the ISO week of {@code week} (UTC), oldest first, at most
     * {@code limit}. Ids only: the signals themselves (channel, pseudonym, source) are intake's, read through its API.
     */
    public List<UUID> signalsInWeek(ProblemId problemId, LocalDate week, int limit) {
        return reads.signalsInWeek(problemId.value(), week, limit);
    }

    /** The problem a signal was grouped into (empty while it waits in the inbox, or for an unknown id). */
    public java.util.Optional<Problem> problemOf(String signalId) {
        return reads.problemOf(signalId);
    }

    public List<Problem> list(List<ProblemState> states, int limit) {
        return reads.list(states, limit);
    }

    /**
     * The newest {@code limit} signals of a problem that came with a session replay, newest first; a root cause's
     * include its variants'.
     */
    public List<ReplayedSignal> replayedSignals(ProblemId id, int limit) {
        long problem = id.value();
        var ids = new ArrayList<Long>(List.of(problem));
        repository.roots().forEach((variant, root) -> {
            if (root == problem) {
                ids.add(variant);
            }
        });
        return replayed.of(ids, limit);
    }

    public Details details(ProblemId id) {
        return reads.details(id.value());
    }

    /**
     * A problem's details, with examples for its {@code variantsWithExamples} largest variants only (the others are
     * listed with their counts and no examples): a big root cause has dozens of variants, and reading each one's
     * members was most of its page's time, for examples the page folds away.
     */
    public Details details(ProblemId id, int variantsWithExamples) {
        return reads.details(id.value(), variantsWithExamples);
    }

    /**
     * The text of each problem's most representative example (its first example in {@link #details}), masked as
     * stored; absent for a problem without members. What makes a list of auto-labelled problems readable.
     */
    public Map<Long, String> representativeTexts(java.util.Collection<Long> problemIds) {
        return reads.representativeTexts(problemIds);
    }

    public List<Regression> regressions() {
        return reads.regressions();
    }

    public List<ProblemEvent> recentMerges(int limit) {
        return reads.recentMerges(limit);
    }

    // ---- weekly figures: WeeklyCounts -------------------------------------------------------------------------

    /**
     * Complaints of the given problems per ISO week (keyed by Monday), for the weeks from {@code fromMonday} to
     * {@code toMonday} inclusive; weeks without complaints are absent. What effect measurement compares.
     */
    public Map<LocalDate, Long> weeklyComplaints(java.util.Collection<Long> problemIds, LocalDate fromMonday, LocalDate toMonday) {
        return weekly.weeklyComplaints(problemIds, fromMonday, toMonday);
    }

    /**
     * {@link #weeklyComplaints(java.util.Collection, LocalDate, LocalDate)} for several sets of problems at once, in one
     * read of the weeks (a ranking of every open insight asks for each insight's linked problems): the result's
     * {@code i}-th map is the {@code i}-th set's.
     */
    public List<Map<LocalDate, Long>> weeklyComplaintsOfEach(List<? extends java.util.Collection<Long>> sets,
            LocalDate fromMonday, LocalDate toMonday) {
        return weekly.weeklyComplaintsOfEach(sets, fromMonday, toMonday);
    }

    /** The week's top problems by complaints (the CPM numerator; {@code sort=signals} ranks by every signal). */
    public WeeklyTop top(LocalDate week, TopOrder sort, int limit) {
        return weekly.top(week, sort, limit);
    }

    /**
     * Complaints per week of every root problem with any between two Mondays (inclusive), one count per week, oldest
     * first: what a ranking over several weeks reads in one go instead of one weekly top list per week.
     */
    public Map<Long, long[]> weeklyComplaintsByProblem(LocalDate fromMonday, LocalDate toMonday) {
        return weekly.weeklyComplaintsByProblem(fromMonday, toMonday);
    }

    /**
     * Complaints per week for each of the given problems, the {@link #BASELINE_WEEKS} weeks up to and including the
     * week of {@code week}, oldest first (zeros where none): the trend a list of problems draws, in one read.
     */
    public Map<Long, List<Long>> trends(java.util.Collection<Long> problemIds, LocalDate week) {
        return weekly.trends(problemIds, week);
    }

    /**
     * Problems with a spike in the week against their own baseline (mean of the eight weeks before, at least
     * {@link #BASELINE_FLOOR} per week): at least the configured number of signals and a one-sided Poisson p-value
     * below the configured threshold. Counts are signals of every channel: a spike in feedback is news too.
     */
    public EmergingReport emerging(LocalDate week) {
        return weekly.emerging(week);
    }

    /** The Monday of the last complete ISO week, by the clock. */
    public LocalDate lastWeek() {
        return weekly.lastWeek();
    }

    public static String weekLabel(LocalDate monday) {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    // the public API speaks ProblemId, the parts behind it keep the stored number: unwrapped and wrapped here

    private static List<Long> values(java.util.Collection<ProblemId> ids) {
        return ids.stream().map(ProblemId::value).toList();
    }
}
