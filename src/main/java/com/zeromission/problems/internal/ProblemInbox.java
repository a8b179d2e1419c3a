package com.zeromission.problems.internal;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalsErased;
import com.zeromission.intake.SignalsIngested;
import com.zeromission.problems.Problems;
import com.zeromission.problems.ProblemsGrouped;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The way in for grouping. Intake's {@link SignalsIngested} reaches {@link #on(SignalsIngested)} after intake
 * committed, from the event publication registry, which hands it over again (after a crash, or a failure here) until
 * this listener's transaction committed: in it each new signal is copied into problems' own table ({@link
 * SignalCopies}) and queued in the problem inbox, so a stored signal is never left ungrouped, and a signal copied
 * already (an event handed over twice) is not queued again. After that commit a single background worker drains the
 * inbox (grouping is CPU work that intake should not wait for). A periodic drain and the start-up drain catch
 * whatever a crash or another process (the import command while the server runs) left waiting.
 * {@link SignalsErased} is taken inside the erasure's own transaction: an erasure is done only when every copy of the
 * text is gone.
 */
@Component
@Order(10) // after the roll-ups (0), before the demo loader
class ProblemInbox implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProblemInbox.class);

    private final InboxRepository repository;
    private final Problems problems;
    private final ProblemsProperties properties;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("problem-grouping")
            .daemon().factory());
    private final AtomicBoolean queued = new AtomicBoolean();
    /** The application is stopping: tasks still queued on the worker do nothing (the next start catches up). */
    private volatile boolean stopping;

    private final GroupingEngine engine;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final SignalCopies copies;
    private final IntakeService intake;
    private final Clock clock;

    ProblemInbox(InboxRepository repository, Problems problems, ProblemsProperties properties, GroupingEngine engine,
            org.springframework.context.ApplicationEventPublisher events, SignalCopies copies, IntakeService intake,
            Clock clock) {
        this.copies = copies;
        this.intake = intake;
        this.clock = clock;
        this.events = events;
        this.engine = engine;
        this.repository = repository;
        this.problems = problems;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(SignalsIngested event) {
        var fresh = copies.keepNew(intake.signals(event.signals()), clock.instant());
        if (fresh.isEmpty()) {
            return;
        }
        repository.enqueue(fresh.stream().map(s -> s.id().value()).toList());
        if (properties.scheduling()) {
            // the worker reads the inbox: wake it once this transaction's rows are there to read
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        }
    }

    @EventListener
    void on(SignalsErased event) {
        copies.erase(event.signals().stream().map(SignalId::value).toList(), clock.instant());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.scheduling()) {
            wake();
        }
    }

    @Scheduled(fixedDelayString = "${zeromission.problems.poll-interval:PT30S}", initialDelayString = "PT30S")
    void poll() {
        if (properties.scheduling()) {
            wake();
        }
    }

    // One instance consolidates per hour (see SchedulerLocks). The pass itself runs on the worker after this returns,
    // so lockAtLeastFor, not the method's duration, is what keeps the other instances out of this hour's run.
    @Scheduled(cron = "${zeromission.problems.consolidation-cron:0 15 * * * *}", zone = "UTC")
    @SchedulerLock(name = "problems-consolidation", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
    void consolidate() {
        if (properties.scheduling() && !worker.isShutdown()) {
            worker.execute(() -> {
                if (stopping) {
                    return;
                }
                try {
                    problems.consolidate(Problems.SYSTEM);
                } catch (RuntimeException e) {
                    log.error("Consolidation pass failed; the next one will try again", e);
                }
            });
        }
    }

    /** Queues one drain unless one is queued already (a drain takes everything that is waiting when it runs). */
    void wake() {
        if (!worker.isShutdown() && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    long t0 = System.nanoTime();
                    // Another instance draining right now drains what this one stored too (or the next poll does).
                    var done = problems.assignPendingUnlessBusy();
                    if (done.signals() >= 10_000 && !stopping) {
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        // A large catch-up (an import, the demo, a restart after a crash) is where one problem gets
                        // found twice: consolidate right away rather than at the next scheduled pass.
                        long t1 = System.nanoTime();
                        var pass = problems.consolidate(Problems.SYSTEM);
                        log.info("Grouped {} signals in {} s ({} signals/s, {} new problems); consolidation merged {} in {} ms",
                                done.signals(), String.format(java.util.Locale.ROOT, "%.1f", seconds),
                                Math.round(done.signals() / seconds), done.newProblems(), pass.merges().size(),
                                (System.nanoTime() - t1) / 1_000_000);
                        problems.snapshot();
                    }
                    if (done.signals() > 0) {
                        events.publishEvent(new ProblemsGrouped(done.signals(), done.newProblems(),
                                done.stillWaiting()));
                    }
                } catch (RuntimeException e) {
                    log.error("Grouping signals failed; they stay in the inbox and are retried", e);
                }
            });
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        // A drain in progress stops after its current batch (committed as a whole). Not by an interrupt: H2 closes its
        // file when a thread is interrupted while it writes, and the batch failed with "IO Exception" in the log.
        stopping = true;
        problems.stopDraining();
        worker.shutdown();
        if (!worker.awaitTermination(20, TimeUnit.SECONDS)) {
            worker.shutdownNow(); // a consolidation pass, or a wait for another instance's lock
            log.warn("Grouping did not stop within 20 s; what it had not committed waits in the inbox");
            return;
        }
        if (!properties.scheduling() || !engine.isRestored()) {
            // Without the background machinery (tests, one-shot commands) the caller takes its snapshots; and a
            // process that never grouped anything has nothing new to save.
            return;
        }
        try {
            problems.snapshot(); // a restart then replays nothing
        } catch (RuntimeException e) {
            log.warn("Could not save the grouping state at shutdown; the next start replays from the last snapshot", e);
        }
    }
}
