package com.zeromission.problems;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zeromission.problems.ProblemEvent.Kind;
import com.zeromission.problems.ProblemViews.Assigned;
import com.zeromission.problems.grouping.OnlineGrouper;
import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.InboxRepository;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.problems.internal.SignalWordIndex;
import com.zeromission.problems.internal.ProblemRepository.WeekCell;
import com.zeromission.problems.internal.ProblemsProperties;
import com.zeromission.problems.naming.ProblemNamer;

import static com.zeromission.problems.Problems.SYSTEM;

/**
 * Takes new signals in for {@link Problems}: drains the inbox a batch per transaction, assigning each signal to a
 * problem, counting its week, naming new and grown problems and noticing regressions; saves the grouper's state now and
 * then.
 */
final class SignalDrain {

    // Logged as Problems, as before the split: log settings and readers of the log name that class.
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final java.lang.management.ThreadMXBean CPU = ProblemNaming.CPU;

    private final GroupingEngine engine;
    private final ProblemRepository repository;
    private final ProblemsProperties properties;
    private final Clock clock;
    private final ProblemNaming naming;
    private final GroupingLocks locks;
    private final SignalWordIndex words;
    private final InboxRepository inbox;
    /** Whether problems named the old way (or never) were named since start-up. */
    private volatile boolean unnamedDone;

    SignalDrain(GroupingEngine engine, ProblemRepository repository, ProblemsProperties properties, Clock clock,
            ProblemNaming naming, GroupingLocks locks, SignalWordIndex words, InboxRepository inbox) {
        this.words = words;
        this.inbox = inbox;
        this.engine = engine;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.naming = naming;
        this.locks = locks;
    }

    /**
     * Set when the application stops: the drain ends after the batch in hand. A flag, not an interrupt: H2 closes its
     * file when a thread is interrupted in the middle of writing to it ("IO Exception: zeromission.mv.db").
     */
    private volatile boolean stopping;

    void stop() {
        stopping = true;
    }

    private boolean stopped() {
        return stopping || Thread.currentThread().isInterrupted();
    }

    Assigned assignPending(boolean skipIfBusy) {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        int signals = 0, created = 0;
        // When the application is stopping, the worker ends after the batch in hand; the rest waits, safely.
        while (!stopped()) {
            Batch done = locks.locked(skipIfBusy, this::drainOnce);
            if (done == null || !done.taken()) {
                break; // busy elsewhere, or the inbox is empty
            }
            signals += done.signals();
            created += done.created();
        }
        if (!unnamedDone && !stopped()) {
            // Problems from before names came in (or a naming that failed) are named once the inbox is empty.
            Boolean more;
            do {
                more = locks.locked(skipIfBusy, () -> {
                    var unnamed = repository.unnamed(100);
                    unnamed.forEach(naming::name);
                    return unnamed.size() == 100;
                });
            } while (Boolean.TRUE.equals(more) && !stopped());
            unnamedDone = more != null;
        }
        if (signals > 0) {
            log.debug("Grouped {} signals with {} ms of this thread's CPU; since start-up {} namings took {} ms of CPU, "
                    + "the process {} ms", signals, (CPU.getCurrentThreadCpuTime() - cpu0) / 1_000_000, naming.namings.get(),
                    naming.namingNanos.get() / 1_000_000, ProblemNaming.processCpuMillis());
        }
        return new Assigned(signals, created, inbox.inboxSize());
    }

    /**
     * What one batch of the inbox did: signals grouped, problems created, and whether inbox rows were taken at all
     * (false: the inbox was empty).
     */
    private record Batch(int signals, int created, boolean taken) {

        static final Batch NONE = new Batch(0, 0, false);
    }

    private Batch drainOnce() {
        var batch = inbox.pending(properties.batchSize());
        var pending = batch.signals();
        long lastRow = batch.lastRow();
        if (lastRow == 0) {
            return Batch.NONE; // the inbox is empty
        }
        if (pending.isEmpty()) {
            inbox.dequeue(batch); // rows whose signals were all erased before they were grouped
            return new Batch(0, 0, true);
        }
        Instant now = clock.instant();
        OnlineGrouper grouper = engine.grouper();
        var assignments = new ArrayList<ProblemRepository.Assignment>(pending.size());
        var weeks = new HashMap<WeekCell, Long>();
        var touched = new LinkedHashMap<Long, List<InboxRepository.Pending>>();
        int created = 0;
        long maxSeq = 0;
        // The whole batch is analysed first: its sentence embeddings are computed together, several times faster, and
        // only for the texts whose words do not already decide where they go (the evaluation harness does the same).
        var analysed = engine.analyzeAll(pending.stream().map(InboxRepository.Pending::text).toList(),
                pending.stream().map(InboxRepository.Pending::language).toList(), grouper::wantsEmbedding);
        for (int i = 0; i < pending.size(); i++) {
            var p = pending.get(i);
            if (naming.languagesLoaded) {
                naming.languages.merge(analysed.get(i).language(), 1L, Long::sum);
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
            long complaints = members.stream().filter(InboxRepository.Pending::complaint).count();
            Instant first = members.stream().map(InboxRepository.Pending::receivedAt).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = members.stream().map(InboxRepository.Pending::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
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
                naming.name(id, size, members.stream().limit(properties.namingSample())
                        .map(m -> new ProblemNamer.Text(m.text(), m.language())).toList());
            } else if (named == 0 || size >= properties.renameGrowth() * named) {
                naming.name(id, size);
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
        words.index(pending.stream().collect(Collectors.toMap(InboxRepository.Pending::signalId,
                InboxRepository.Pending::text, (a, b) -> a)));
        inbox.dequeue(batch);
        if (!now.isBefore(locks.lastSnapshot.plus(properties.snapshotInterval()))) {
            engine.snapshot(maxSeq, now);
            locks.lastSnapshot = now;
        }
        return new Batch(pending.size(), created, true);
    }

    /**
     * Saves the grouper's state now (at shutdown, after a catch-up): unless another instance is changing grouping or
     * has changed it since this one last did (its own snapshots then cover it).
     */
    void snapshot() {
        locks.locked(true, () -> {
            if (engine.isCurrent()) {
                engine.snapshot(repository.maxAssignedSeq(), clock.instant());
                locks.lastSnapshot = clock.instant();
            }
            return null;
        });
    }
}
