package com.zeromission.problems;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.ProblemRepository;

/**
 * How {@link Problems} changes grouping: under the grouping locks (this instance's, then the database's, shared by
 * every instance) in one transaction, and when the grouper's state was last saved.
 */
final class GroupingLocks {

    private final GroupingEngine engine;
    private final ProblemRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;
    volatile Instant lastSnapshot = Instant.EPOCH;

    GroupingLocks(GroupingEngine engine, ProblemRepository repository, TransactionTemplate tx, Clock clock) {
        this.engine = engine;
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Runs a change of the grouper (merge, split, undo, pin, consolidation) under the grouping locks in one
     * transaction and saves a snapshot in it: other instances restore from that snapshot. Any failure leaves the
     * grouper to be restored from the database at its next use: a change may have touched it before it was refused.
     */
    <T> T changed(Supplier<T> change) {
        return changed(true, change);
    }

    /**
     * Runs a change under the grouping locks (this instance's, then the database's) in one transaction;
     * {@code structural} when it changes the grouper, which then takes a new grouping version and a snapshot.
     */
    <T> T changed(boolean structural, Supplier<T> change) {
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
    <T> T locked(boolean skipIfBusy, Supplier<T> work) {
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
}
