package com.zeromission.problems;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemEvent.Kind;
import com.zeromission.problems.grouping.OnlineGrouper;
import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.ProblemRepository.Member;
import com.zeromission.problems.internal.ProblemRepository.WeekCell;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.problems.internal.ProblemsProperties;

import static com.zeromission.problems.Problems.MAX_LABEL;
import static com.zeromission.problems.Problems.MAX_SPLIT;
import static com.zeromission.problems.Problems.SYSTEM;

/**
 * The analysts' operations for {@link Problems}: merge (and its preview), undo a merge, split, rename, pin, resolve and
 * reopen. Each runs under the grouping locks in one transaction and is recorded as an event.
 */
final class AnalystActions {

    // Logged as Problems, as before the split: log settings and readers of the log name that class.
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final GroupingEngine engine;
    private final ProblemRepository repository;
    private final ProblemsProperties properties;
    private final TextMasker masker;
    private final Clock clock;
    private final ProblemReads reads;
    private final ProblemNaming naming;
    private final GroupingLocks locks;

    AnalystActions(GroupingEngine engine, ProblemRepository repository, ProblemsProperties properties, TextMasker masker,
            Clock clock, ProblemReads reads, ProblemNaming naming, GroupingLocks locks) {
        this.engine = engine;
        this.repository = repository;
        this.properties = properties;
        this.masker = masker;
        this.clock = clock;
        this.reads = reads;
        this.naming = naming;
        this.locks = locks;
    }

    /** Merges {@code from} into {@code into}: its signals move, it becomes a pointer. Reversible with {@link #undo}. */
    ProblemEvent merge(long into, long from, String actor) {
        return merge(into, List.of(from), actor).getFirst();
    }

    /** Merges several problems into one, all or none. */
    List<ProblemEvent> merge(long into, List<Long> from, String actor) {
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("from must name at least one problem to merge into " + into);
        }
        return locks.changed(() -> {
            // Check every one first: a list refused half-way must not have merged its first half.
            Problem target = reads.require(into);
            for (Long f : new LinkedHashSet<>(from)) {
                Problem p = reads.require(f == null ? 0 : f);
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
                events.add(merge(reads.require(into), reads.require(f), actor(actor), Kind.MERGE));
            }
            return events;
        });
    }

    /**
     * What {@link #merge(long, List, String)} would do, changing nothing: the problems that would move with a few
     * examples each, and the counts before and after. Refused (as the merge would be) for an unknown problem, a
     * problem merged already, or a problem into itself.
     */
    ProblemViews.MergePreview previewMerge(long into, List<Long> from) {
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("name at least one problem to merge into problem " + into);
        }
        Problem target = reads.require(into);
        if (target.state() == ProblemState.MERGED) {
            throw new ProblemChangeRefusedException("problem " + into + " was merged into problem " + target.mergedInto()
                    + " already; merge into that one");
        }
        var moving = new ArrayList<ProblemViews.Moving>();
        long signals = target.signals(), complaints = target.complaints();
        for (Long f : new LinkedHashSet<>(from)) {
            Problem p = reads.require(f == null ? 0 : f);
            if (p.id() == target.id()) {
                throw new ProblemChangeRefusedException("a problem cannot be merged into itself (problem " + into + ")");
            }
            if (p.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + p.id() + " was merged into problem " + p.mergedInto()
                        + " already; its signals are there");
            }
            var examples = repository.mostSimilar(p.id(), 3).stream().map(ProblemReads::example).toList();
            moving.add(new ProblemViews.Moving(p, examples));
            signals += p.signals();
            complaints += p.complaints();
        }
        return new ProblemViews.MergePreview(target, moving, signals, complaints);
    }

    private ProblemEvent merge(Problem into, Problem from, String actor, Kind kind) {
        return merge(into, from, actor, kind, null);
    }

    ProblemEvent merge(Problem into, Problem from, String actor, Kind kind, String why) {
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
                ProblemReads.min(into.firstSeen(), from.firstSeen()), ProblemReads.max(into.lastSeen(), from.lastSeen()));
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
            naming.name(into.id(), size);
        }
        return repository.event(event).orElseThrow();
    }

    /**
     * Undoes a merge (automatic or by an analyst): the signals it moved go back, the merged problem is restored, and
     * the pair is kept apart from then on so the next consolidation pass does not merge them again.
     */
    ProblemEvent undo(long eventId, String actor) {
        return locks.changed(() -> {
            var event = repository.event(eventId).orElseThrow(() -> new ProblemEventNotFoundException(eventId));
            if (!event.kind().isMerge()) {
                throw new ProblemChangeRefusedException("event " + eventId + " is a " + event.kind().code()
                        + ", not a merge; only merges can be undone");
            }
            if (event.undoneBy() != null) {
                throw new ProblemChangeRefusedException("merge " + eventId + " was undone already (event " + event.undoneBy() + ")");
            }
            Problem from = reads.require(event.problemId()), into = reads.require(event.otherId());
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
            naming.relabel(from.id());
            naming.relabel(into.id());
            log.info("Merge {} undone: {} signals back in problem {}", eventId, moved, from.id());
            return repository.event(undo).orElseThrow();
        });
    }

    /** Moves the given signals of a problem into a new problem, kept apart from the old one from then on. */
    Problem split(long problemId, List<String> signalIds, String label, String actor) {
        return locks.changed(() -> {
            Problem problem = reads.require(problemId);
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
            naming.relabel(problemId);
            naming.relabel(id);
            return reads.require(id);
        });
    }

    /** Names a problem; a blank label goes back to the automatic one. Personal data in the label is masked. */
    Problem rename(long problemId, String label, String actor) {
        return locks.changed(false, () -> {
            reads.require(problemId);
            String custom = cleanLabel(label);
            repository.setCustomLabel(problemId, custom);
            repository.record(Kind.RENAME, problemId, null, actor(actor), clock.instant(),
                    custom == null ? "back to the automatic label" : "named '" + custom + "'");
            return reads.require(problemId);
        });
    }

    /** A pinned problem is never merged by the consolidation pass. */
    Problem pin(long problemId, boolean pinned, String actor) {
        return locks.changed(() -> {
            Problem p = reads.require(problemId);
            if (p.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + problemId + " was merged into " + p.mergedInto());
            }
            repository.setPinned(problemId, pinned);
            engine.grouper().pin(problemId, pinned);
            repository.record(pinned ? Kind.PIN : Kind.UNPIN, problemId, null, actor(actor), clock.instant(), null);
            return reads.require(problemId);
        });
    }

    /** Marks a problem resolved: signals received after now that join it count toward a regression. */
    Problem resolve(long problemId, String actor) {
        return locks.changed(false, () -> {
            Problem p = reads.require(problemId);
            if (p.state() == ProblemState.MERGED) {
                throw new ProblemChangeRefusedException("problem " + problemId + " was merged into " + p.mergedInto()
                        + "; resolve that one");
            }
            Instant now = clock.instant();
            repository.resolve(problemId, now);
            repository.record(Kind.RESOLVE, problemId, null, actor(actor), now, null);
            return reads.require(problemId);
        });
    }

    Problem reopen(long problemId, String actor) {
        return locks.changed(false, () -> {
            Problem p = reads.require(problemId);
            if (p.state() == ProblemState.MERGED || p.state() == ProblemState.OPEN) {
                throw new ProblemChangeRefusedException("problem " + problemId + " is " + p.state().code() + ", not resolved or regressed");
            }
            repository.setState(problemId, ProblemState.OPEN, null);
            repository.record(Kind.REOPEN, problemId, null, actor(actor), clock.instant(), null);
            return reads.require(problemId);
        });
    }

    private void recount(long problemId) {
        var members = new ArrayList<Member>();
        repository.forEachMember(problemId, members::add);
        repository.deleteWeeks(problemId);
        repository.addWeeks(ProblemRepository.weeks(problemId, members));
        repository.setCounts(problemId, members.size(), members.stream().filter(Member::complaint).count(),
                members.stream().map(Member::receivedAt).min(Comparator.naturalOrder()).orElse(null),
                members.stream().map(Member::receivedAt).max(Comparator.naturalOrder()).orElse(null));
    }

    private @Nullable String cleanLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        // one line, then the one policy for typed text (masked, no control characters, at most MAX_LABEL)
        return FreeText.required("label", label.strip().replaceAll("\\s+", " "),
                FreeText.Kind.NAME);
    }

    private static String shorten(String label) {
        return label.length() <= 120 ? label : label.substring(0, 120) + "…";
    }

    static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return SYSTEM;
        }
        String a = actor.strip();
        return a.length() <= 64 ? a : a.substring(0, 64);
    }
}
