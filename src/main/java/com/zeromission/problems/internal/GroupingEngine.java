package com.zeromission.problems.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.zeromission.problems.grouping.GrouperState;
import com.zeromission.problems.grouping.OnlineGrouper;
import com.zeromission.problems.internal.ProblemRepository.GroupingVersion;
import com.zeromission.text.AnalyzedText;
import com.zeromission.text.TextAnalyzer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Owns this instance's in-memory grouper and the locks that every change to grouping takes: assignment, merges,
 * splits, consolidation. The database is the truth (which signal is in which problem, and the grouper's state as a
 * snapshot with the grouping version it is the state of); the grouper in memory is a cache of it, kept coherent
 * across application instances that share the database:
 * <ul>
 * <li>a change takes the local {@link #lock()} (threads of this instance wait here rather than on the database), then,
 * as the first statement of its transaction, {@link #lockDatabase} locks the one {@code grouping_state} row, so
 * changes on all instances happen one at a time;</li>
 * <li>the first use of {@link #grouper()} under that lock brings the grouper up to the database's version: the
 * assignments made since by other instances are replayed exactly as they were made (in their order, document
 * frequencies included) when nothing else changed; after a merge, split, undo, pin or consolidation it is restored
 * from the snapshot that change wrote, plus the assignments after it;</li>
 * <li>{@link #changed} records the change as the next version; a transaction that rolls back after the grouper was
 * touched leaves it stale, and the next use under the lock restores it from the database.</li>
 * </ul>
 */
@Component
public class GroupingEngine {

    private static final Logger log = LoggerFactory.getLogger(GroupingEngine.class);

    private final ProblemRepository repository;
    private final TextAnalyzer analyzer;
    private final ProblemsProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile OnlineGrouper grouper;
    private volatile boolean restored;
    /** The grouping version the grouper is the state of; -1 when stale (it must be restored before use). */
    private long version = -1;
    private long structural = -1;
    /** The database's grouping state, while this instance's current transaction holds the row lock; else null. */
    private GroupingVersion held;
    /** Whether the current transaction used the grouper (a rollback then leaves it stale). */
    private boolean touched;

    GroupingEngine(ProblemRepository repository, TextAnalyzer analyzer, ProblemsProperties properties) {
        this.repository = repository;
        this.analyzer = analyzer;
        this.properties = properties;
    }

    /** The database stopped waiting for the grouping lock: the transaction is lost, the caller may try again. */
    public static final class LockTimeout extends RuntimeException {
        LockTimeout(Throwable cause) {
            super("timed out waiting for the grouping lock", cause);
        }
    }

    public ReentrantLock lock() {
        return lock;
    }

    /**
     * Takes the cluster-wide grouping lock for the caller's transaction: call first in the transaction, with
     * {@link #lock()} held. Waits while another instance holds it, unless {@code skipIfBusy}: then returns false at
     * once and the caller does nothing. Released when the transaction ends.
     */
    public boolean lockDatabase(boolean skipIfBusy) {
        requireLocalLock();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the grouping state is locked for a transaction; none is active");
        }
        java.util.Optional<GroupingVersion> state;
        try {
            state = repository.lockGroupingState(skipIfBusy);
        } catch (org.springframework.dao.TransientDataAccessException e) {
            // the database gave up waiting (H2 after its lock timeout, about 2 s; PostgreSQL only with a lock_timeout
            // set): a lock timeout or a lock-wait failure, which the caller may simply try again
            throw new LockTimeout(e);
        }
        if (state.isEmpty()) {
            if (skipIfBusy) {
                return false;
            }
            throw new IllegalStateException("the grouping_state row is missing (migration V16)");
        }
        held = state.get();
        touched = false;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED && touched) {
                    version = -1; // the grouper may hold part of what was rolled back: restore it before next use
                }
                held = null;
                touched = false;
            }
        });
        return true;
    }

    /**
     * The grouper, as of the database's latest grouping version when the caller holds the database lock (brought up
     * to date here if another instance changed grouping since); call with {@link #lock()} held.
     */
    public OnlineGrouper grouper() {
        requireLocalLock();
        if (held != null) {
            touched = true;
            catchUp(held);
        } else if (!restored || version < 0) {
            restore();
        }
        return grouper;
    }

    /**
     * Records the change made in the caller's transaction (which holds the database lock) as the next grouping
     * version, and returns it: assignments are stored with it; {@code structural} for anything but assignments. The
     * grouper follows when the change used it; otherwise it catches up at its next use.
     */
    public long changed(boolean structural) {
        requireLocalLock();
        if (held == null) {
            throw new IllegalStateException("a grouping change needs the database lock (lockDatabase) first");
        }
        boolean current = version == held.version() && this.structural == held.structural();
        var next = new GroupingVersion(held.version() + 1, held.structural() + (structural ? 1 : 0));
        repository.saveGroupingState(next);
        held = next;
        if (current) {
            version = next.version();
            this.structural = next.structural();
        }
        return next.version();
    }

    /** Whether the grouper is at the database's grouping version (call holding the database lock). */
    public boolean isCurrent() {
        requireLocalLock();
        return held != null && version == held.version() && structural == held.structural();
    }

    /** The grouping version of the change in progress (as returned by {@link #changed}), or the database's. */
    public long heldVersion() {
        if (held == null) {
            throw new IllegalStateException("the database lock is not held");
        }
        return held.version();
    }

    /**
     * A group's most distinctive terms, for reading pages: without the grouping lock (the grouper guards itself), so
     * a long consolidation pass never blocks a reader; empty until the grouper was restored in this process. On an
     * instance that does not group, as of the last time it did.
     */
    public List<String> topTerms(long problemId, int n) {
        OnlineGrouper g = grouper;
        return restored && g != null && g.contains(problemId) ? g.topTerms(problemId, n) : List.of();
    }

    /** Whether the grouper was read from the database in this process (nothing to save otherwise). */
    public boolean isRestored() {
        return restored;
    }

    /** Analyses members again as they were when grouped: embedding those that were embedded then. */
    private List<AnalyzedText> analyzeAgain(List<String> texts, List<String> languages, List<Boolean> embedded) {
        boolean[] embed = new boolean[embedded.size()];
        for (int i = 0; i < embed.length; i++) {
            embed[i] = embedded.get(i) == null || embedded.get(i); // unrecorded (before V17): as then, if supported
        }
        return analyzer.analyzeAll(texts, languages, embed);
    }

    /**
     * Analyses texts together (sentence embeddings are computed in batches: much faster than one by one), embedding
     * only the texts {@code embedIf} accepts.
     */
    public List<AnalyzedText> analyzeAll(List<String> texts, List<String> languages,
            java.util.function.Predicate<AnalyzedText> embedIf) {
        return analyzer.analyzeAll(texts, languages, embedIf);
    }

    /**
     * Re-reads the grouper from the last snapshot and the assignments after it, as of the database's grouping state
     * (the held one under the database lock; else the committed one, as a start-up or a test does).
     */
    public void restore() {
        requireLocalLock();
        restore(held != null ? held : repository.groupingState());
    }

    private void catchUp(GroupingVersion db) {
        if (restored && version >= 0 && structural == db.structural() && version <= db.version()) {
            if (version < db.version()) {
                long t0 = System.nanoTime();
                int n = replay(version, db.version());
                version = db.version();
                log.debug("Grouping state brought up to version {} ({} assignments replayed) in {} ms", version, n,
                        (System.nanoTime() - t0) / 1_000_000);
            }
            return;
        }
        restore(db);
    }

    private void restore(GroupingVersion db) {
        long t0 = System.nanoTime();
        version = -1;
        var snapshot = repository.snapshot();
        long lastSeq = 0, from = 0;
        if (snapshot.isPresent()) {
            grouper = OnlineGrouper.restore(read(snapshot.get().state()), properties.grouping(), repository::nextId);
            lastSeq = snapshot.get().lastSeq();
            from = snapshot.get().version();
        } else {
            grouper = new OnlineGrouper(properties.grouping(), repository::nextId);
        }
        int replayed = 0;
        if (from == 0) {
            // a snapshot from before grouping versions (or none): first what was assigned after it back then
            var problemOf = new HashMap<UUID, Long>();
            var chunk = new Replay();
            repository.forEachAssignedAfter(lastSeq, m -> chunk.add(problemOf.get(m.signalId()), m),
                    problemOf);
            replayed += chunk.flush();
        }
        replayed += replay(from, db.version());
        version = db.version();
        structural = db.structural();
        restored = true;
        if (snapshot.isPresent() || replayed > 0) {
            log.info("Grouping state restored to version {} ({} assignments after the snapshot replayed) in {} ms",
                    version, replayed, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Replays, in their order, the assignments of the versions after {@code after} up to {@code upTo}. */
    private int replay(long after, long upTo) {
        if (upTo <= after) {
            return 0;
        }
        var problemOf = new HashMap<UUID, Long>();
        var chunk = new Replay();
        repository.forEachAssignedBetween(after, upTo, m -> chunk.add(problemOf.get(m.signalId()), m), problemOf);
        return chunk.flush();
    }

    /**
     * Assignments waiting to be replayed, in their order: analysed a chunk at a time (sentence embeddings are computed
     * in batches, several times faster than one by one), then replayed one by one in the same order.
     */
    private final class Replay {
        private static final int CHUNK = 2_000;
        private final List<Long> problems = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final List<String> languages = new ArrayList<>();
        private final List<Boolean> embedded = new ArrayList<>();
        private int replayed;

        void add(Long problem, ProblemRepository.Member member) {
            problems.add(problem);
            texts.add(member.text());
            languages.add(member.language());
            embedded.add(member.embedded());
            if (texts.size() == CHUNK) {
                flush();
            }
        }

        /** Replays what is waiting; returns how many were replayed in all. */
        int flush() {
            if (!texts.isEmpty()) {
                List<AnalyzedText> analysed = analyzeAgain(texts, languages, embedded);
                for (int i = 0; i < analysed.size(); i++) {
                    grouper.replay(problems.get(i), analysed.get(i));
                }
                replayed += analysed.size();
                problems.clear();
                texts.clear();
                languages.clear();
                embedded.clear();
            }
            return replayed;
        }
    }

    /**
     * Saves the grouper as of the held grouping version (inbox position {@code lastSeq} for older readers), inside the
     * caller's transaction. Call holding the database lock.
     */
    public void snapshot(long lastSeq, java.time.Instant now) {
        var state = write(grouper().snapshot());
        repository.saveSnapshot(lastSeq, now, state, heldVersion());
    }

    /** Recomputes a problem's centroid from its current members (after signals moved in or out). */
    public void rebuild(long problemId, boolean pinned) {
        var raw = new ArrayList<String>();
        var languages = new ArrayList<String>();
        var embedded = new ArrayList<Boolean>();
        repository.forEachMember(problemId, m -> {
            raw.add(m.text());
            languages.add(m.language());
            embedded.add(m.embedded());
        });
        List<AnalyzedText> texts = analyzeAgain(raw, languages, embedded);
        OnlineGrouper g = grouper();
        if (g.contains(problemId)) {
            g.remove(problemId);
        }
        if (!texts.isEmpty()) {
            g.add(problemId, texts);
            g.pin(problemId, pinned);
        }
    }

    private void requireLocalLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the grouping lock must be held to use the grouper");
        }
    }

    private byte[] write(GrouperState state) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private GrouperState read(byte[] state) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(state))) {
            return json.readValue(in, GrouperState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
