package com.zeromission.problems;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Scope;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemEvent.Kind;
import com.zeromission.problems.ProblemViews.Assigned;
import com.zeromission.problems.ProblemViews.Consolidation;
import com.zeromission.problems.ProblemViews.Details;
import com.zeromission.problems.ProblemViews.Variant;
import com.zeromission.problems.ProblemViews.Emerging;
import com.zeromission.problems.ProblemViews.EmergingReport;
import com.zeromission.problems.ProblemViews.Example;
import com.zeromission.problems.ProblemViews.Regression;
import com.zeromission.problems.ProblemViews.TopProblem;
import com.zeromission.problems.ProblemViews.WeekFigure;
import com.zeromission.problems.ProblemViews.WeeklyTop;
import com.zeromission.problems.grouping.OnlineGrouper;
import com.zeromission.problems.grouping.RootCauseSettings;
import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.problems.internal.ProblemRepository.Member;
import com.zeromission.problems.internal.ProblemRepository.WeekCell;
import com.zeromission.problems.internal.ProblemsProperties;
import com.zeromission.problems.naming.ProblemNamer;
import com.zeromission.text.TextAnalyzer;

/**
 * The problems: grouping of new signals, the analysts' operations on problems, and the trends. Every change takes the
 * grouping locks (this instance's, then the database's, shared by every instance) and runs in one transaction, so the
 * grouper in memory and the tables never disagree for long: the grouper catches up with what other instances did
 * before a change, and when a transaction fails it is restored from the database.
 */
@Service
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    public static final String SYSTEM = "system";
    public static final int MAX_LABEL = com.zeromission.privacy.FreeText.Kind.NAME.max();
    public static final int MAX_SPLIT = 10_000;
    public static final int MAX_LIST = 500;
    /** Weeks of history in a trend and in the emerging baseline. */
    public static final int BASELINE_WEEKS = 8;
    /** The least weekly rate assumed for a baseline, so that a problem's first few signals are not a "spike". */
    public static final double BASELINE_FLOOR = 0.5;

    private final GroupingEngine engine;
    private final ProblemRepository repository;
    private final ProblemsProperties properties;
    private final TransactionTemplate tx;
    private final com.zeromission.problems.internal.SignalWordIndex words;
    private final CpmService cpm;
    private final TextMasker masker;
    private final Clock clock;
    private final List<ProblemReferences> references;
    private final ProblemNamer namer;
    private volatile Instant lastSnapshot = Instant.EPOCH;
    /** Signals grouped per language, for the names' background (loaded from the database at first use). */
    private final Map<String, Long> languages = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean languagesLoaded;
    /** Whether problems named the old way (or never) were named since start-up. */
    private volatile boolean unnamedDone;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time spent naming problems, and how many namings, since start-up (logged at debug level after each drain). */
    private final java.util.concurrent.atomic.AtomicLong namingNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong namings = new java.util.concurrent.atomic.AtomicLong();

    Problems(GroupingEngine engine, ProblemRepository repository, ProblemsProperties properties, TransactionTemplate tx,
            CpmService cpm, TextMasker masker, Clock clock, TextAnalyzer analyzer, List<ProblemReferences> references,
            com.zeromission.problems.internal.SignalWordIndex words) {
        this.words = words;
        this.references = List.copyOf(references);
        this.engine = engine;
        this.repository = repository;
        this.properties = properties;
        this.tx = tx;
        this.cpm = cpm;
        this.masker = masker;
        this.clock = clock;
        this.namer = new ProblemNamer(analyzer, properties.nameLanguage());
    }

    // ---- grouping ----------------------------------------------------------------------------------------------

    /** How many stored signals are not grouped yet: while grouping catches up, problem figures are partial. */
    public long signalsWaitingToBeGrouped() {
        return repository.inboxSize();
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
        long cpu0 = CPU.getCurrentThreadCpuTime();
        int signals = 0, created = 0;
        // An interrupted worker (the application is stopping) ends after the batch in hand; the rest waits, safely.
        while (!Thread.currentThread().isInterrupted()) {
            int[] done = locked(skipIfBusy, this::drainOnce);
            if (done == null || done[2] == 0) {
                break; // busy elsewhere, or the inbox is empty
            }
            signals += done[0];
            created += done[1];
        }
        if (!unnamedDone && !Thread.currentThread().isInterrupted()) {
            // Problems from before names came in (or a naming that failed) are named once the inbox is empty.
            Boolean more;
            do {
                more = locked(skipIfBusy, () -> {
                    var unnamed = repository.unnamed(100);
                    unnamed.forEach(this::name);
                    return unnamed.size() == 100;
                });
            } while (Boolean.TRUE.equals(more) && !Thread.currentThread().isInterrupted());
            unnamedDone = more != null;
        }
        if (signals > 0) {
            log.debug("Grouped {} signals with {} ms of this thread's CPU; since start-up {} namings took {} ms of CPU, "
                    + "the process {} ms", signals, (CPU.getCurrentThreadCpuTime() - cpu0) / 1_000_000, namings.get(),
                    namingNanos.get() / 1_000_000, processCpuMillis());
        }
        return new Assigned(signals, created, repository.inboxSize());
    }

    private int[] drainOnce() {
        var batch = repository.pending(properties.batchSize());
        var pending = batch.signals();
        long lastRow = batch.lastRow();
        if (lastRow == 0) {
            return new int[3]; // the inbox is empty
        }
        if (pending.isEmpty()) {
            repository.dequeue(lastRow); // rows whose signals were all erased before they were grouped
            return new int[] {0, 0, 1};
        }
        Instant now = clock.instant();
        OnlineGrouper grouper = engine.grouper();
        var assignments = new ArrayList<ProblemRepository.Assignment>(pending.size());
        var weeks = new HashMap<WeekCell, Long>();
        var touched = new LinkedHashMap<Long, List<ProblemRepository.Pending>>();
        int created = 0;
        long maxSeq = 0;
        // The whole batch is analysed first: its sentence embeddings are computed together, several times faster, and
        // only for the texts whose words do not already decide where they go (the evaluation harness does the same).
        var analysed = engine.analyzeAll(pending.stream().map(ProblemRepository.Pending::text).toList(),
                pending.stream().map(ProblemRepository.Pending::language).toList(), grouper::wantsEmbedding);
        for (int i = 0; i < pending.size(); i++) {
            var p = pending.get(i);
            if (languagesLoaded) {
                languages.merge(analysed.get(i).language(), 1L, Long::sum);
            }
            var a = grouper.assign(analysed.get(i));
            if (a.newGroup()) {
                repository.create(a.groupId(), "(new)", now);
                created++;
            }
            assignments.add(new ProblemRepository.Assignment(p.signalId(), a.groupId(), p.seq(), a.similarity(), p.receivedAt(),
                    analysed.get(i).embedding() != null));
            weeks.merge(new WeekCell(a.groupId(), ProblemRepository.weekOf(p.receivedAt()), p.market(), p.product(),
                    p.channel()), 1L, Long::sum);
            touched.computeIfAbsent(a.groupId(), k -> new ArrayList<>()).add(p);
            maxSeq = Math.max(maxSeq, p.seq());
        }
        repository.assign(assignments, engine.changed(false));
        repository.addWeeks(weeks);
        var states = new HashMap<Long, Problem>();
        repository.findAll(touched.keySet()).forEach(p -> states.put(p.id(), p));
        var namedSizes = repository.namedSizes(touched.keySet());
        touched.forEach((id, members) -> {
            Problem problem = states.get(id);
            long complaints = members.stream().filter(ProblemRepository.Pending::complaint).count();
            Instant first = members.stream().map(ProblemRepository.Pending::receivedAt).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = members.stream().map(ProblemRepository.Pending::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
            long after = 0;
            if (problem.state() == ProblemState.RESOLVED && problem.resolvedAt() != null) {
                after = members.stream().filter(m -> m.receivedAt().isAfter(problem.resolvedAt())).count();
            }
            repository.addCounts(id, members.size(), complaints, first, last, after);
            // Named when new and again each time it has grown by the factor: a sample of its texts is read for that.
            long size = problem.signals() + members.size();
            long named = namedSizes.getOrDefault(id, 0L);
            if (problem.signals() == 0) {
                // new in this batch: its texts are all at hand, no need to read them back
                name(id, size, members.stream().limit(properties.namingSample())
                        .map(m -> new ProblemNamer.Text(m.text(), m.language())).toList());
            } else if (named == 0 || size >= properties.renameGrowth() * named) {
                name(id, size);
            }
            long sinceResolved = after > 0 ? repository.sinceResolved(id) : 0;
            if (sinceResolved >= properties.regressionSignals()) {
                repository.regress(id, now);
                repository.record(Kind.REGRESS, id, null, SYSTEM, now, sinceResolved
                        + " signals received after it was resolved on " + problem.resolvedAt());
                log.info("Problem {} regressed: signals came back after it was resolved", id);
            }
        });
        // taken in: searchable by their words from now on (SignalWordIndex), in this same transaction
        words.index(pending.stream().collect(java.util.stream.Collectors.toMap(ProblemRepository.Pending::signalId,
                ProblemRepository.Pending::text, (a, b) -> a)));
        repository.dequeue(lastRow);
        if (!now.isBefore(lastSnapshot.plus(properties.snapshotInterval()))) {
            engine.snapshot(maxSeq, now);
            lastSnapshot = now;
        }
        return new int[] {pending.size(), created, 1};
    }

    /**
     * Saves the grouper's state now (at shutdown, after a catch-up): unless another instance is changing grouping or
     * has changed it since this one last did (its own snapshots then cover it).
     */
    public void snapshot() {
        locked(true, () -> {
            if (engine.isCurrent()) {
                engine.snapshot(repository.maxAssignedSeq(), clock.instant());
                lastSnapshot = clock.instant();
            }
            return null;
        });
    }

    /**
     * Names a problem of {@code size} signals from a sample of its texts, the most similar to it (see {@link
     * ProblemNamer}): its automatic label and its names per language.
     */
    private void name(long id, long size) {
        name(id, size, null);
    }

    /** {@link #name(long, long)} from the given texts (null: a sample read from the database). */
    private void name(long id, long size, List<ProblemNamer.Text> texts) {
        long t0 = CPU.getCurrentThreadCpuTime();
        try {
            nameNow(id, size, texts);
        } finally {
            namingNanos.addAndGet(CPU.getCurrentThreadCpuTime() - t0);
            namings.incrementAndGet();
        }
    }

    private void nameNow(long id, long size, List<ProblemNamer.Text> texts) {
        var sample = texts != null ? texts : repository.mostSimilar(id, properties.namingSample()).stream()
                .map(m -> new ProblemNamer.Text(m.text(), m.language())).toList();
        if (!languagesLoaded) {
            repository.languages().forEach((language, n) -> languages.merge(language, n, Long::sum));
            languagesLoaded = true;
        }
        OnlineGrouper grouper = engine.grouper();
        var names = namer.name(sample, ProblemNamer.background(grouper::documentFrequency, grouper.documents(),
                Map.copyOf(languages)));
        var lines = new StringBuilder();
        names.byLanguage().forEach((language, name) -> {
            String line = language + "\t" + names.texts().get(language) + "\t" + name.replaceAll("\\s+", " ") + "\n";
            if (lines.length() + line.length() <= 4_000) {
                lines.append(line);
            }
        });
        String label = names.name().length() <= MAX_LABEL ? names.name() : names.name().substring(0, MAX_LABEL);
        repository.setNames(id, label, lines.isEmpty() ? null : lines.toString(), Math.max(1, size));
    }

    private void name(long id) {
        name(id, require(id).signals());
    }

    private static long processCpuMillis() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** A problem's names per language as stored, most texts first. */
    private Map<String, String> namesByLanguage(long id) {
        var names = new LinkedHashMap<String, String>();
        String stored = repository.names(id);
        if (stored != null) {
            for (String line : stored.split("\n")) {
                String[] parts = line.split("\t", 3);
                if (parts.length == 3) {
                    names.put(parts[0], parts[2]);
                }
            }
        }
        return names;
    }

    // ---- analysts' operations ----------------------------------------------------------------------------------

    /** Merges {@code from} into {@code into}: its signals move, it becomes a pointer. Reversible with {@link #undo}. */
    public ProblemEvent merge(long into, long from, String actor) {
        return merge(into, List.of(from), actor).getFirst();
    }

    /** Merges several problems into one, all or none. */
    public List<ProblemEvent> merge(long into, List<Long> from, String actor) {
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("from must name at least one problem to merge into " + into);
        }
        return changed(() -> {
            // Check every one first: a list refused half-way must not have merged its first half.
            Problem target = require(into);
            for (Long f : new LinkedHashSet<>(from)) {
                Problem p = require(f == null ? 0 : f);
                for (Problem x : List.of(target, p)) {
                    if (x.state() == ProblemState.MERGED) {
                        throw new ProblemChangeRefusedException("problem " + x.id() + " was merged into " + x.mergedInto()
                                + " already; use that one");
                    }
                }
                if (p.id() == target.id()) {
                    throw new ProblemChangeRefusedException("cannot merge problem " + into + " into itself");
                }
            }
            var events = new ArrayList<ProblemEvent>();
            for (Long f : new LinkedHashSet<>(from)) {
                // re-read each time: the previous merge changed the target's counts
                events.add(merge(require(into), require(f), actor(actor), Kind.MERGE));
            }
            return events;
        });
    }

    /**
     * What {@link #merge(long, List, String)} would do, changing nothing: the problems that would move with a few
     * examples each, and the counts before and after. Refused (as the merge would be) for an unknown problem, a
     * problem merged already, or a problem into itself.
     */
    public ProblemViews.MergePreview previewMerge(long into, List<Long> from) {
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("name at least one problem to merge into problem " + into);
        }
        Problem target = require(into);
        if (target.state() == ProblemState.MERGED) {
            throw new ProblemChangeRefusedException("problem " + into + " was merged into problem " + target.mergedInto()
                    + " already; merge into that one");
        }
        var moving = new ArrayList<ProblemViews.Moving>();
        long signals = target.signals(), complaints = target.complaints();
        for (Long f : new LinkedHashSet<>(from)) {
            Problem p = require(f == null ? 0 : f);
            if (p.id() == target.id()) {
                throw new ProblemChangeRefusedException("a problem cannot be merged into itself (problem " + into + ")");
            }
            if (p.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + p.id() + " was merged into problem " + p.mergedInto()
                        + " already; its signals are there");
            }
            var examples = repository.mostSimilar(p.id(), 3).stream().map(Problems::example).toList();
            moving.add(new ProblemViews.Moving(p, examples));
            signals += p.signals();
            complaints += p.complaints();
        }
        return new ProblemViews.MergePreview(target, moving, signals, complaints);
    }

    private ProblemEvent merge(Problem into, Problem from, String actor, Kind kind) {
        return merge(into, from, actor, kind, null);
    }

    private ProblemEvent merge(Problem into, Problem from, String actor, Kind kind, String why) {
        if (into.id() == from.id()) {
            throw new ProblemChangeRefusedException("cannot merge problem " + into.id() + " into itself");
        }
        for (Problem p : List.of(into, from)) {
            if (p.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + p.id() + " was merged into " + p.mergedInto()
                        + " already; use that one");
            }
        }
        Instant now = clock.instant();
        long event = repository.record(kind, from.id(), into.id(), actor, now, (why == null ? "" : why + ": ")
                + "merged " + from.id() + " (" + shorten(from.label()) + ") into " + into.id() + "; was " + from.state().code());
        repository.moveAll(from.id(), into.id(), event);
        var cells = new HashMap<WeekCell, Long>();
        repository.forEachWeek(List.of(from.id()), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31), c -> cells.merge(
                new WeekCell(into.id(), c.cell().weekStart(), c.cell().market(), c.cell().product(), c.cell().channel()),
                c.signals(), Long::sum));
        repository.deleteWeeks(from.id());
        repository.addWeeks(cells);
        repository.setCounts(into.id(), into.signals() + from.signals(), into.complaints() + from.complaints(),
                min(into.firstSeen(), from.firstSeen()), max(into.lastSeen(), from.lastSeen()));
        repository.setCounts(from.id(), 0, 0, from.firstSeen(), from.lastSeen());
        repository.setState(from.id(), ProblemState.MERGED, into.id());
        // The merged problem's variants become the target's, unless the target is one of them.
        repository.roots().forEach((variant, root) -> {
            if (root == from.id()) {
                repository.setRoot(variant, variant == into.id() ? null : into.id());
            }
        });
        repository.setRoot(from.id(), null); // a merged problem is nobody's variant: its signals are the target's now
        OnlineGrouper grouper = engine.grouper();
        grouper.merge(into.id(), from.id());
        // An analyst's merge renames; an automatic one (consolidation, re-homing: mostly small problems into large
        // ones) when the problem has grown by the factor since it was last named, as the drain does.
        long size = into.signals() + from.signals();
        long named = repository.namedSizes(List.of(into.id())).getOrDefault(into.id(), 0L);
        if (kind == Kind.MERGE || named == 0 || size >= properties.renameGrowth() * named) {
            name(into.id(), size);
        }
        return repository.event(event).orElseThrow();
    }

    /**
     * Undoes a merge (automatic or by an analyst): the signals it moved go back, the merged problem is restored, and
     * the pair is kept apart from then on so the next consolidation pass does not merge them again.
     */
    public ProblemEvent undo(long eventId, String actor) {
        return changed(() -> {
            var event = repository.event(eventId).orElseThrow(() -> new ProblemEventNotFoundException(eventId));
            if (!event.kind().isMerge()) {
                throw new ProblemChangeRefusedException("event " + eventId + " is a " + event.kind().code()
                        + ", not a merge; only merges can be undone");
            }
            if (event.undoneBy() != null) {
                throw new ProblemChangeRefusedException("merge " + eventId + " was undone already (event " + event.undoneBy() + ")");
            }
            Problem from = require(event.problemId()), into = require(event.otherId());
            if (from.state() != ProblemState.MERGED || !Long.valueOf(into.id()).equals(from.mergedInto())) {
                throw new ProblemChangeRefusedException("problem " + from.id() + " is no longer merged into " + into.id());
            }
            if (into.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + into.id() + " was merged into " + into.mergedInto()
                        + " since; undo that merge first");
            }
            Instant now = clock.instant();
            long undo = repository.record(Kind.UNDO, from.id(), into.id(), actor(actor), now, "undid merge " + eventId);
            int moved = repository.moveBack(eventId, into.id(), from.id());
            String previous = event.detail() == null ? "open" : event.detail().replaceAll(".*; was (\\w+)$", "$1");
            ProblemState state = ProblemState.OPEN;
            try {
                state = ProblemState.parse(previous);
            } catch (IllegalArgumentException e) {
                // an event written by hand or by an older version: open is the safe state
            }
            repository.setState(from.id(), state == ProblemState.MERGED ? ProblemState.OPEN : state, null);
            recount(from.id());
            recount(into.id());
            repository.keepApart(from.id(), into.id());
            repository.markUndone(eventId, undo);
            engine.rebuild(into.id(), into.pinned());
            engine.rebuild(from.id(), from.pinned());
            relabel(from.id());
            relabel(into.id());
            log.info("Merge {} undone: {} signals back in problem {}", eventId, moved, from.id());
            return repository.event(undo).orElseThrow();
        });
    }

    /** Moves the given signals of a problem into a new problem, kept apart from the old one from then on. */
    public Problem split(long problemId, List<String> signalIds, String label, String actor) {
        return changed(() -> {
            Problem problem = require(problemId);
            if (problem.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + problemId + " was merged into " + problem.mergedInto()
                        + "; split that one");
            }
            if (signalIds == null || signalIds.isEmpty()) {
                throw new IllegalArgumentException("signalIds must name at least one signal of problem " + problemId);
            }
            if (signalIds.size() > MAX_SPLIT) {
                throw new IllegalArgumentException("at most " + MAX_SPLIT + " signals can be split off at once, got " + signalIds.size());
            }
            var ids = new LinkedHashSet<UUID>();
            for (String s : signalIds) {
                try {
                    ids.add(UUID.fromString(s == null ? "" : s.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("signalIds: '" + masker.mask(String.valueOf(s)).text() + "' is not a signal id");
                }
            }
            var members = new HashSet<>(repository.membersAmong(problemId, ids));
            var strangers = ids.stream().filter(id -> !members.contains(id)).limit(5).map(UUID::toString).toList();
            if (!strangers.isEmpty()) {
                throw new ProblemChangeRefusedException("not in problem " + problemId + ": " + String.join(", ", strangers)
                        + (ids.size() - members.size() > 5 ? " and " + (ids.size() - members.size() - 5) + " more" : ""));
            }
            if (members.size() >= problem.signals()) {
                throw new ProblemChangeRefusedException("splitting off all " + problem.signals() + " signals of problem "
                        + problemId + " would leave it empty; rename it instead");
            }
            String custom = cleanLabel(label);
            Instant now = clock.instant();
            long id = repository.nextId();
            repository.create(id, "(split)", now);
            if (custom != null) {
                repository.setCustomLabel(id, custom);
            }
            long event = repository.record(Kind.SPLIT, problemId, id, actor(actor), now, members.size()
                    + " signals split off into " + id);
            repository.move(members, problemId, id, event);
            recount(problemId);
            recount(id);
            repository.keepApart(problemId, id);
            engine.rebuild(problemId, problem.pinned());
            engine.rebuild(id, false);
            relabel(problemId);
            relabel(id);
            return require(id);
        });
    }

    /** Names a problem; a blank label goes back to the automatic one. Personal data in the label is masked. */
    public Problem rename(long problemId, String label, String actor) {
        return changed(false, () -> {
            require(problemId);
            String custom = cleanLabel(label);
            repository.setCustomLabel(problemId, custom);
            repository.record(Kind.RENAME, problemId, null, actor(actor), clock.instant(),
                    custom == null ? "back to the automatic label" : "named '" + custom + "'");
            return require(problemId);
        });
    }

    /** A pinned problem is never merged by the consolidation pass. */
    public Problem pin(long problemId, boolean pinned, String actor) {
        return changed(() -> {
            Problem p = require(problemId);
            if (p.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + problemId + " was merged into " + p.mergedInto());
            }
            repository.setPinned(problemId, pinned);
            engine.grouper().pin(problemId, pinned);
            repository.record(pinned ? Kind.PIN : Kind.UNPIN, problemId, null, actor(actor), clock.instant(), null);
            return require(problemId);
        });
    }

    /** Marks a problem resolved: signals received after now that join it count toward a regression. */
    public Problem resolve(long problemId, String actor) {
        return changed(false, () -> {
            Problem p = require(problemId);
            if (p.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + problemId + " was merged into " + p.mergedInto()
                        + "; resolve that one");
            }
            Instant now = clock.instant();
            repository.resolve(problemId, now);
            repository.record(Kind.RESOLVE, problemId, null, actor(actor), now, null);
            return require(problemId);
        });
    }

    public Problem reopen(long problemId, String actor) {
        return changed(false, () -> {
            Problem p = require(problemId);
            if (p.state() == ProblemState.MERGED || p.state() == ProblemState.OPEN) {
                throw new ProblemChangeRefusedException("problem " + problemId + " is " + p.state().code() + ", not resolved or regressed");
            }
            repository.setState(problemId, ProblemState.OPEN, null);
            repository.record(Kind.REOPEN, problemId, null, actor(actor), clock.instant(), null);
            return require(problemId);
        });
    }

    /**
     * The consolidation pass: merges problems whose centroids turned out to be close. Never touches a pinned problem
     * or a pair an analyst kept apart, and never merges an analyst-named problem into another (the other way round
     * keeps the analyst's name). Every merge is recorded and can be undone.
     */
    public Consolidation consolidate(String actor) {
        return changed(() -> {
            Instant now = clock.instant();
            OnlineGrouper grouper = engine.grouper();
            var merges = new ArrayList<ProblemEvent>();
            var refused = new HashSet<List<Long>>();
            int[] skipped = new int[2]; // pinned, kept apart
            Set<Long> referenced = referencedProblems();
            int candidates = 0;
            // Rounds until nothing merges, most similar pair first, as OnlineGrouper.consolidate does (and the
            // evaluation measures): a problem that merged in a round waits for the next, its centroid changed.
            for (int round = 0; round < 100; round++) {
                var touched = new HashSet<Long>();
                boolean merged = false;
                for (long[] pair : grouper.mergeCandidates(properties.consolidationSimilarity())) {
                    var key = List.of(Math.min(pair[0], pair[1]), Math.max(pair[0], pair[1]));
                    if (refused.contains(key) || touched.contains(pair[0]) || touched.contains(pair[1])) {
                        continue;
                    }
                    candidates++;
                    var event = autoMerge(pair[0], pair[1], actor, skipped, "similar", referenced);
                    if (event == null) {
                        refused.add(key);
                        continue;
                    }
                    merges.add(event);
                    touched.add(pair[0]);
                    touched.add(pair[1]);
                    merged = true;
                }
                if (!merged) {
                    break;
                }
            }
            grouper.retrainTermWeights();
            merges.addAll(rehome(grouper, actor, skipped, referenced));
            if (!merges.isEmpty()) {
                log.info("Consolidation merged {} problems ({} candidates)", merges.size(), candidates);
                log.debug("Since start-up {} namings took {} ms of CPU, the process {} ms", namings.get(),
                        namingNanos.get() / 1_000_000, processCpuMillis());
            }
            if (properties.rootCauses()) {
                rootCauses(grouper, actor, now, referenced);
            }
            return new Consolidation(now, candidates, merges, skipped[0], skipped[1]);
        });
    }

    /**
     * Root causes, afresh from the groups as they are now ({@link OnlineGrouper#rootCauses}): each community's
     * problems become variants of one of them, which stands for the root cause. Which one: a problem that already is
     * the root cause of most of the community's problems (so root causes keep their id, name and links from pass to
     * pass), else the largest. Never made a variant: a pinned problem, one an analyst named (it is what the analyst
     * calls a problem of its own), a problem an insight or a squad refers to ({@link ProblemReferences}: re-grouping
     * must not move what people work on), and one kept apart from the root cause by an analyst. Every change is
     * recorded as an event of both problems.
     */
    private void rootCauses(OnlineGrouper grouper, String actor, Instant now, Set<Long> referenced) {
        Map<Long, Long> before = repository.roots();
        Map<Long, Long> after = new HashMap<>();
        for (List<Long> community : grouper.rootCauses(RootCauseSettings.defaults())) {
            var members = new HashMap<Long, Problem>();
            repository.findAll(community).forEach(p -> members.put(p.id(), p));
            Map<Long, Integer> votes = new HashMap<>();
            for (long id : community) {
                Long old = before.get(id);
                if (old != null && members.containsKey(old)) {
                    votes.merge(old, 1, Integer::sum);
                }
            }
            long root = votes.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                    .thenComparing(e -> -community.indexOf(e.getKey()))).map(Map.Entry::getKey).orElse(community.getFirst());
            for (long id : community) {
                Problem p = members.get(id);
                if (id == root || p == null || p.state() == ProblemState.MERGED || p.pinned() || p.customLabel() != null
                        || referenced.contains(id) || repository.keptApart(id, root)) {
                    continue;
                }
                after.put(id, root);
            }
        }
        // Only what changed is written and recorded: a variant that joined, moved to another root cause, or left one.
        int joined = 0;
        int left = 0;
        var changed = new java.util.TreeSet<Long>(before.keySet());
        changed.addAll(after.keySet());
        for (long id : changed) {
            Long was = before.get(id);
            Long is = after.get(id);
            if (java.util.Objects.equals(was, is)) {
                continue;
            }
            repository.setRoot(id, is);
            if (is != null) {
                repository.record(Kind.ROOT_CAUSE, id, is, actor(actor), now, "a variant of root cause " + is
                        + (was == null ? "" : " (was of " + was + ")"));
                joined++;
            } else {
                repository.record(Kind.ROOT_CAUSE, id, was, actor(actor), now, "no longer a variant of root cause " + was);
                left++;
            }
        }
        if (joined + left > 0) {
            log.info("Root causes: {} problems joined one, {} left one ({} variants in all)", joined, left, after.size());
            after.values().stream().distinct().forEach(this::relabelRootCause);
        }
    }

    /**
     * Re-homes small problems: one with fewer than {@code rehome-below} signals moves into the most similar problem
     * that has at least that many, when they are at least {@code rehome-similarity} similar. Online grouping starts
     * a new problem whenever a text is unlike every group so far; most such starts are paraphrases of a known
     * problem, and an analyst would rather see them there. Recorded as automatic merges, so each can be undone.
     */
    private List<ProblemEvent> rehome(OnlineGrouper grouper, String actor, int[] skipped, Set<Long> referenced) {
        var events = new ArrayList<ProblemEvent>();
        if (properties.rehomeBelow() < 2) {
            return events;
        }
        for (var proposal : grouper.rehomeCandidates(properties.rehomeBelow(), properties.rehomeSimilarity())) {
            var small = repository.find(proposal.fromId());
            if (small.isEmpty() || small.get().customLabel() != null) {
                skipped[1]++; // an analyst named it: it stays a problem of its own
                continue;
            }
            var event = autoMerge(proposal.intoId(), proposal.fromId(), actor, skipped, "re-homed", referenced);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * One automatic merge of two problems, if the analysts' decisions allow it: never a pinned problem or a pair kept
     * apart, never an analyst-named problem into another (the other way round keeps the analyst's name). The larger
     * one absorbs the smaller. Null when refused.
     */
    private ProblemEvent autoMerge(long first, long second, String actor, int[] skipped, String why, Set<Long> referenced) {
        var found = repository.findAll(List.of(first, second));
        if (found.size() != 2) {
            return null;
        }
        Problem a = found.get(0), b = found.get(1);
        if (a.state() == ProblemState.MERGED || b.state() == ProblemState.MERGED) {
            return null;
        }
        if (a.pinned() || b.pinned()) {
            skipped[0]++;
            return null;
        }
        if (repository.keptApart(a.id(), b.id()) || (a.customLabel() != null && b.customLabel() != null)) {
            skipped[1]++;
            return null;
        }
        // A problem an insight or a squad refers to is never merged away automatically (others may join it).
        boolean aKept = a.customLabel() != null || referenced.contains(a.id());
        boolean bKept = b.customLabel() != null || referenced.contains(b.id());
        if (aKept && bKept) {
            skipped[1]++;
            return null;
        }
        boolean aFirst = aKept || (!bKept
                && (a.signals() > b.signals() || (a.signals() == b.signals() && a.id() < b.id())));
        return merge(aFirst ? a : b, aFirst ? b : a, actor(actor), Kind.AUTO_MERGE, why);
    }

    /** The problems other modules' work refers to ({@link ProblemReferences}). */
    private Set<Long> referencedProblems() {
        Set<Long> referenced = new HashSet<>();
        references.forEach(r -> referenced.addAll(r.referencedProblems()));
        return referenced;
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** A problem; a root cause with its variants' counts added. */
    public Problem get(long id) {
        return withVariants(require(id), repository.roots());
    }

    /** A root cause's counts with its variants' added (other problems as they are). */
    private Problem withVariants(Problem p, Map<Long, Long> roots) {
        var variants = variantIds(p.id(), roots);
        if (p.rootId() != null || variants.isEmpty()) {
            return p;
        }
        long signals = p.signals();
        long complaints = p.complaints();
        Instant first = p.firstSeen();
        Instant last = p.lastSeen();
        for (Problem v : repository.findAll(variants)) {
            signals += v.signals();
            complaints += v.complaints();
            first = first == null ? v.firstSeen() : v.firstSeen() == null ? first : min(first, v.firstSeen());
            last = last == null ? v.lastSeen() : v.lastSeen() == null ? last : max(last, v.lastSeen());
        }
        return p.withTotals(signals, complaints, first, last);
    }

    /** The variants of a root cause (its other phrasings and languages), largest first; empty for other problems. */
    public List<Problem> variants(long rootId) {
        return variants(rootId, repository.roots());
    }

    private List<Problem> variants(long rootId, Map<Long, Long> roots) {
        return repository.findAll(variantIds(rootId, roots)).stream().sorted(Comparator.comparingLong(Problem::signals)
                .reversed().thenComparingLong(Problem::id)).toList();
    }

    /** The ids of a root cause's variants, from the map of variant → root cause that {@code repository.roots()} reads. */
    private static List<Long> variantIds(long rootId, Map<Long, Long> roots) {
        return roots.entrySet().stream().filter(e -> e.getValue() == rootId).map(Map.Entry::getKey).toList();
    }

    /**
     * Complaints of the given problems per ISO week (keyed by Monday), for the weeks from {@code fromMonday} to
     * {@code toMonday} inclusive; weeks without complaints are absent. What effect measurement compares.
     */
    public Map<LocalDate, Long> weeklyComplaints(java.util.Collection<Long> problemIds, LocalDate fromMonday, LocalDate toMonday) {
        // A root cause counts with its variants (each signal once, whichever of them the caller names).
        return weeklyComplaintsOfEach(List.of(problemIds), fromMonday, toMonday).getFirst();
    }

    /**
     * {@link #weeklyComplaints(java.util.Collection, LocalDate, LocalDate)} for several sets of problems at once, in one
     * read of the weeks (a ranking of every open insight asks for each insight's linked problems): the result's
     * {@code i}-th map is the {@code i}-th set's.
     */
    public List<Map<LocalDate, Long>> weeklyComplaintsOfEach(List<? extends java.util.Collection<Long>> sets,
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
        repository.forEachRootWeek(List.copyOf(setsOfRoot.keySet()), roots, fromMonday, toMonday, c -> {
            if (CpmService.COMPLAINT_CHANNELS.contains(c.cell().channel())) {
                for (int i : setsOfRoot.getOrDefault(c.cell().problemId(), List.of())) {
                    out.get(i).merge(c.cell().weekStart(), c.signals(), Long::sum);
                }
            }
        });
        return out;
    }

    /**
     * The ids of the signals of a problem received in the ISO week of {@code week} (UTC), oldest first, at most
     * {@code limit}. Ids only: the signals themselves (channel, pseudonym, source) are intake's, read through its API.
     */
    public List<UUID> signalsInWeek(long problemId, LocalDate week, int limit) {
        if (limit < 1 || limit > MAX_SPLIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_SPLIT + ", was " + limit);
        }
        LocalDate monday = ProblemRepository.weekOf(week.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        Instant from = monday.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        var ids = new ArrayList<UUID>(repository.signalIdsReceived(problemId, from, from.plus(java.time.Duration.ofDays(7)), limit));
        for (Problem v : variants(problemId)) {
            if (ids.size() >= limit) {
                break;
            }
            ids.addAll(repository.signalIdsReceived(v.id(), from, from.plus(java.time.Duration.ofDays(7)), limit - ids.size()));
        }
        return ids;
    }

    /** The problem a signal was grouped into (empty while it waits in the inbox, or for an unknown id). */
    public java.util.Optional<Problem> problemOf(String signalId) {
        UUID id;
        try {
            id = UUID.fromString(signalId.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + masker.mask(String.valueOf(signalId)).text() + "' is not a signal id");
        }
        return repository.problemOf(id).map(this::require);
    }

    public List<Problem> list(List<ProblemState> states, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        // Root causes only, each with its variants' counts; largest first.
        var roots = repository.roots();
        return repository.list(states.isEmpty() ? List.of(ProblemState.OPEN, ProblemState.REGRESSED) : states, 100_000)
                .stream().filter(p -> !roots.containsKey(p.id())).map(p -> withVariants(p, roots))
                .sorted(Comparator.comparingLong(Problem::signals).reversed().thenComparingLong(Problem::id))
                .limit(limit).toList();
    }

    public Details details(long id) {
        return details(id, Integer.MAX_VALUE);
    }

    /**
     * A problem's details, with examples for its {@code variantsWithExamples} largest variants only (the others are
     * listed with their counts and no examples): a big root cause has dozens of variants, and reading each one's
     * members was most of its page's time, for examples the page folds away.
     */
    public Details details(long id, int variantsWithExamples) {
        if (variantsWithExamples < 0) {
            throw new IllegalArgumentException("variantsWithExamples must be 0 or more, was " + variantsWithExamples);
        }
        var roots = repository.roots();
        Problem problem = withVariants(require(id), roots);
        List<String> terms = problem.state() == ProblemState.MERGED ? List.of() : engine.topTerms(id, 10);
        // The most similar members, one per wording: many complaints repeat the same sentence. The first few members
        // usually give all five; the 1,000 (texts and all) are read only when they do not (that read was most of the
        // page's time for a big problem); a problem with fewer members than were asked for has given them all.
        var best = repository.mostSimilar(id, FEW_MEMBERS);
        var examples = examples(best);
        if (examples.size() < 5 && best.size() == FEW_MEMBERS) {
            examples = examples(repository.mostSimilar(id, 1_000));
        }
        // Its variants: each with its examples, one per language (at most three), read the same way (for all of them in
        // one statement, and again with 200 for those whose few best lack three languages).
        var variants = new ArrayList<Variant>();
        var all = variants(id, roots);
        var shown = all.stream().limit(variantsWithExamples).map(Problem::id).toList();
        var few = repository.mostSimilarOfEach(shown, FEW_MEMBERS);
        var more = repository.mostSimilarOfEach(shown.stream().filter(v -> few.get(v).size() == FEW_MEMBERS
                && byLanguage(few.get(v)).size() < 3).toList(), 200);
        for (Problem v : all) {
            variants.add(new Variant(v, few.containsKey(v.id()) ? byLanguage(more.getOrDefault(v.id(), few.get(v.id())))
                    : List.of()));
        }
        Problem rootCause = problem.rootId() == null ? null : repository.find(problem.rootId()).orElse(null);
        var weeks = new TreeMap<LocalDate, long[]>();
        var markets = new TreeMap<String, Long>();
        var products = new TreeMap<String, Long>();
        var channels = new TreeMap<String, Long>();
        repository.forEachRootWeek(List.of(id), roots, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31), c -> {
            long[] w = weeks.computeIfAbsent(c.cell().weekStart(), k -> new long[2]);
            w[0] += c.signals();
            if (CpmService.COMPLAINT_CHANNELS.contains(c.cell().channel())) {
                w[1] += c.signals();
            }
            markets.merge(c.cell().market(), c.signals(), Long::sum);
            products.merge(c.cell().product(), c.signals(), Long::sum);
            channels.merge(c.cell().channel(), c.signals(), Long::sum);
        });
        var figures = weeks.entrySet().stream().map(e -> new WeekFigure(e.getKey(), weekLabel(e.getKey()), e.getValue()[0],
                e.getValue()[1])).toList();
        return new Details(problem, terms, examples, figures, markets, products, channels, repository.events(id, 100),
                namesByLanguage(id), variants, rootCause);
    }

    /** Members read first for a problem's examples; more only when these lack enough wordings or languages. */
    private static final int FEW_MEMBERS = 40;
    private static final java.util.regex.Pattern NON_WORDS = java.util.regex.Pattern.compile("\\W+");

    /** Up to five examples, the first member of each wording (in the order given). */
    private static List<Example> examples(List<Member> members) {
        var examples = new ArrayList<Example>();
        var seen = new HashSet<String>();
        for (Member m : members) {
            if (seen.add(NON_WORDS.matcher(m.text().toLowerCase(Locale.ROOT)).replaceAll(" ").strip())) {
                examples.add(example(m));
            }
            if (examples.size() == 5) {
                break;
            }
        }
        return examples;
    }

    /** Up to three examples, the first member of each language (in the order given). */
    private static List<Example> byLanguage(List<Member> members) {
        var byLanguage = new LinkedHashMap<String, Example>();
        for (Member m : members) {
            if (byLanguage.size() < 3) {
                byLanguage.putIfAbsent(m.language(), example(m));
            }
        }
        return List.copyOf(byLanguage.values());
    }

    private static Example example(Member m) {
        return new Example(m.signalId().toString(), m.receivedAt(), m.market(), m.product(), m.channel(), m.language(),
                m.text(), m.similarity());
    }

    /** The week's top problems by complaints (the CPM numerator; {@code sort=signals} ranks by every signal). */
    public WeeklyTop top(LocalDate week, String sort, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        String by = sort == null || sort.isBlank() ? "complaints" : sort.strip().toLowerCase(Locale.ROOT);
        if (!List.of("complaints", "signals", "cpm").contains(by)) {
            throw new IllegalArgumentException("sort must be complaints, cpm or signals, was '" + sort + "'");
        }
        LocalDate monday = ProblemRepository.weekOf(week.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        var counts = new HashMap<Long, long[]>();
        var roots = repository.roots();
        repository.forEachRootWeek(null, roots, monday, monday, c -> {
            long[] n = counts.computeIfAbsent(c.cell().problemId(), k -> new long[2]);
            n[0] += c.signals();
            if (CpmService.COMPLAINT_CHANNELS.contains(c.cell().channel())) {
                n[1] += c.signals();
            }
        });
        var totals = cpm.totals(Scope.GLOBAL, monday, monday.plusDays(6));
        int index = by.equals("signals") ? 0 : 1;
        var ranked = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -e.getValue()[index])
                        .thenComparingLong(e -> -e.getValue()[1 - index]).thenComparingLong(Map.Entry::getKey))
                .filter(e -> e.getValue()[index] > 0).limit(limit).toList();
        var ids = ranked.stream().map(Map.Entry::getKey).toList();
        var trends = trends(ids, monday);
        var problems = new HashMap<Long, Problem>();
        repository.findAll(ids).forEach(p -> problems.put(p.id(), withVariants(p, roots)));
        var result = new ArrayList<TopProblem>();
        for (var e : ranked) {
            long complaints = e.getValue()[1];
            List<Long> trend = trends.getOrDefault(e.getKey(), List.of());
            result.add(new TopProblem(result.size() + 1, problems.get(e.getKey()), e.getValue()[0], complaints,
                    totals.complaints() == 0 ? 0 : (double) complaints / totals.complaints(),
                    totals.purchases() == 0 ? null : complaints * 1e6 / totals.purchases(),
                    trend.size() >= 2 ? trend.get(trend.size() - 2) : 0, trend));
        }
        return new WeeklyTop(monday, weekLabel(monday), by, totals.complaints(), totals.purchases(), result);
    }

    /**
     * Complaints per week of every root problem with any between two Mondays (inclusive), one count per week, oldest
     * first: what a ranking over several weeks reads in one go instead of one weekly top list per week.
     */
    public Map<Long, long[]> weeklyComplaintsByProblem(LocalDate fromMonday, LocalDate toMonday) {
        int weeks = (int) java.time.temporal.ChronoUnit.WEEKS.between(fromMonday, toMonday) + 1;
        if (weeks < 1 || weeks > 53 || fromMonday.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("from must be a Monday up to 53 weeks before to, was " + fromMonday
                    + " to " + toMonday);
        }
        var weekly = new HashMap<Long, long[]>();
        repository.forEachRootWeek(null, repository.roots(), fromMonday, toMonday, c -> {
            if (CpmService.COMPLAINT_CHANNELS.contains(c.cell().channel()) && c.signals() > 0) {
                int i = (int) java.time.temporal.ChronoUnit.WEEKS.between(fromMonday, c.cell().weekStart());
                weekly.computeIfAbsent(c.cell().problemId(), k -> new long[weeks])[i] += c.signals();
            }
        });
        return weekly;
    }

    /**
     * Complaints per week for each of the given problems, the {@link #BASELINE_WEEKS} weeks up to and including the
     * week of {@code week}, oldest first (zeros where none): the trend a list of problems draws, in one read.
     */
    public Map<Long, List<Long>> trends(java.util.Collection<Long> problemIds, LocalDate week) {
        if (problemIds.size() > MAX_LIST) {
            throw new IllegalArgumentException("at most " + MAX_LIST + " problems at once, got " + problemIds.size());
        }
        LocalDate monday = ProblemRepository.weekOf(week.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        return trends(List.copyOf(new LinkedHashSet<>(problemIds)), monday);
    }

    /**
     * The text of each problem's most representative example (its first example in {@link #details}), masked as
     * stored; absent for a problem without members. What makes a list of auto-labelled problems readable.
     */
    public Map<Long, String> representativeTexts(java.util.Collection<Long> problemIds) {
        if (problemIds.size() > MAX_LIST) {
            throw new IllegalArgumentException("at most " + MAX_LIST + " problems at once, got " + problemIds.size());
        }
        var texts = new LinkedHashMap<Long, String>();
        for (Long id : new LinkedHashSet<>(problemIds)) {
            repository.mostSimilar(id, 1).stream().findFirst().ifPresent(m -> texts.put(id, m.text()));
        }
        return texts;
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

    /**
     * Problems with a spike in the week against their own baseline (mean of the eight weeks before, at least
     * {@link #BASELINE_FLOOR} per week): at least the configured number of signals and a one-sided Poisson p-value
     * below the configured threshold. Counts are signals of every channel: a spike in feedback is news too.
     */
    public EmergingReport emerging(LocalDate week) {
        LocalDate monday = ProblemRepository.weekOf(week.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        LocalDate from = monday.minusWeeks(BASELINE_WEEKS);
        var weekly = new HashMap<Long, long[]>();
        var roots = repository.roots();
        repository.forEachRootWeek(null, roots, from, monday, c -> {
            int i = (int) java.time.temporal.ChronoUnit.WEEKS.between(from, c.cell().weekStart());
            weekly.computeIfAbsent(c.cell().problemId(), k -> new long[BASELINE_WEEKS + 1])[i] += c.signals();
        });
        var found = new ArrayList<long[]>();
        var stats = new HashMap<Long, double[]>();
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
                found.add(new long[] {id, now});
                stats.put(id, new double[] {baseline, p});
            }
        });
        found.sort(Comparator.<long[]>comparingDouble(f -> stats.get(f[0])[1]).thenComparingLong(f -> -f[1]));
        var problems = new HashMap<Long, Problem>();
        repository.findAll(found.stream().map(f -> f[0]).toList()).forEach(p -> problems.put(p.id(), withVariants(p, roots)));
        var result = found.stream().map(f -> new Emerging(problems.get(f[0]), f[1], stats.get(f[0])[0], stats.get(f[0])[1],
                stats.get(f[0])[0] == 0)).toList();
        return new EmergingReport(monday, weekLabel(monday), result);
    }

    public List<Regression> regressions() {
        return repository.list(List.of(ProblemState.REGRESSED), MAX_LIST).stream()
                .map(p -> new Regression(p, p.resolvedAt(), p.regressedAt(), repository.sinceResolved(p.id()))).toList();
    }

    public List<ProblemEvent> recentMerges(int limit) {
        return repository.recentEvents(List.of(Kind.AUTO_MERGE, Kind.MERGE), Math.min(Math.max(limit, 1), MAX_LIST));
    }

    /** The Monday of the last complete ISO week, by the clock. */
    public LocalDate lastWeek() {
        return ProblemRepository.weekOf(clock.instant()).minusWeeks(1);
    }

    public static String weekLabel(LocalDate monday) {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void recount(long problemId) {
        var members = new ArrayList<Member>();
        repository.forEachMember(problemId, members::add);
        repository.deleteWeeks(problemId);
        repository.addWeeks(ProblemRepository.weeks(problemId, members));
        repository.setCounts(problemId, members.size(), members.stream().filter(Member::complaint).count(),
                members.stream().map(Member::receivedAt).min(Comparator.naturalOrder()).orElse(null),
                members.stream().map(Member::receivedAt).max(Comparator.naturalOrder()).orElse(null));
    }

    /** A root cause's automatic label, once its variants changed. */
    /**
     * Names a root cause from its own texts and its variants' (the 20 largest): so that its name says what the whole
     * root cause is about, and is English when any of its variants is written in English.
     */
    private void relabelRootCause(long problemId) {
        var texts = new ArrayList<ProblemNamer.Text>();
        repository.mostSimilar(problemId, properties.namingSample())
                .forEach(m -> texts.add(new ProblemNamer.Text(m.text(), m.language())));
        List<Problem> variants = variants(problemId);
        int each = Math.max(5, properties.namingSample() / Math.max(1, Math.min(20, variants.size())));
        for (Problem v : variants.subList(0, Math.min(20, variants.size()))) {
            repository.mostSimilar(v.id(), each).forEach(m -> texts.add(new ProblemNamer.Text(m.text(), m.language())));
        }
        name(problemId, require(problemId).signals(), texts);
    }

    private void relabel(long problemId) {
        name(problemId);
    }

    private Problem require(long id) {
        return repository.find(id).orElseThrow(() -> new ProblemNotFoundException(id));
    }

    private String cleanLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        // one line, then the one policy for typed text (masked, no control characters, at most MAX_LABEL)
        return com.zeromission.privacy.FreeText.required("label", label.strip().replaceAll("\\s+", " "),
                com.zeromission.privacy.FreeText.Kind.NAME);
    }

    private static String shorten(String label) {
        return label.length() <= 120 ? label : label.substring(0, 120) + "…";
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return SYSTEM;
        }
        String a = actor.strip();
        return a.length() <= 64 ? a : a.substring(0, 64);
    }

    /**
     * Runs a change of the grouper (merge, split, undo, pin, consolidation) under the grouping locks in one
     * transaction and saves a snapshot in it: other instances restore from that snapshot. Any failure leaves the
     * grouper to be restored from the database at its next use: a change may have touched it before it was refused.
     */
    private <T> T changed(Supplier<T> change) {
        return changed(true, change);
    }

    /**
     * Runs a change under the grouping locks (this instance's, then the database's) in one transaction;
     * {@code structural} when it changes the grouper, which then takes a new grouping version and a snapshot.
     */
    private <T> T changed(boolean structural, Supplier<T> change) {
        engine.lock().lock();
        try {
            while (true) {
                try {
                    return tx.execute(status -> {
                        engine.lockDatabase(false);
                        T result = change.get();
                        if (structural) {
                            engine.changed(true);
                            engine.snapshot(repository.maxAssignedSeq(), clock.instant());
                            lastSnapshot = clock.instant();
                        }
                        return result;
                    });
                } catch (GroupingEngine.LockTimeout e) {
                    // another instance holds the grouping lock longer than the database waits (H2); wait again
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                }
            }
        } finally {
            engine.lock().unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction under the grouping locks; with {@code skipIfBusy}, null when another
     * instance holds the database's.
     */
    private <T> T locked(boolean skipIfBusy, Supplier<T> work) {
        engine.lock().lock();
        try {
            while (true) {
                try {
                    return tx.execute(status -> engine.lockDatabase(skipIfBusy) ? work.get() : null);
                } catch (GroupingEngine.LockTimeout e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e; // the application is stopping
                    }
                    // wait again, as above
                }
            }
        } finally {
            engine.lock().unlock();
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
