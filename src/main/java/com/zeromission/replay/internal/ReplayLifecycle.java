package com.zeromission.replay.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.intake.CustomerErased;
import com.zeromission.intake.Signal;
import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalsErased;
import com.zeromission.intake.SignalsWithReplay;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * How replays are linked, erased and expired:
 * <ul>
 * <li>a signal that came with a replay is linked to it in the signal's own transaction ({@link SignalsWithReplay}); a
 * replay id that names no stored session (never started, expired, erased) links nothing;</li>
 * <li>an erasure deletes, in the erasure's transaction, every session of the erased customer ({@link CustomerErased},
 * by pseudonym) and every session linked to an erased signal ({@link SignalsErased}: a feedback-form message erased
 * by id takes its recording with it), chunks and links included;</li>
 * <li>retention: once a day (and once across instances) sessions whose last batch is older than
 * {@code zeromission.replay.retention} are deleted the same way, a thousand per transaction.</li>
 * </ul>
 */
@Component
public class ReplayLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayLifecycle.class);
    static final int RETENTION_BATCH = 1_000;

    private final ReplayRepository repository;
    private final ReplayProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean scheduling;

    ReplayLifecycle(ReplayRepository repository, ReplayProperties properties, TransactionTemplate tx, Clock clock,
            @Value("${zeromission.replay.scheduling:true}") boolean scheduling) {
        this.repository = repository;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.scheduling = scheduling;
    }

    @EventListener
    void on(SignalsWithReplay event) {
        for (Signal signal : event.signals()) {
            UUID replay = signal.replayId();
            if (replay != null && repository.session(replay).isPresent()) {
                repository.link(replay, signal.id().value());
            }
        }
    }

    @EventListener
    void on(CustomerErased event) {
        repository.delete(repository.sessionsOfCustomer(event.customerKey()));
    }

    @EventListener
    void on(SignalsErased event) {
        var sessions = new LinkedHashSet<>(repository.sessionsOfSignals(
                event.signals().stream().map(SignalId::value).toList()).values());
        repository.delete(List.copyOf(sessions));
    }

    @Scheduled(cron = "${zeromission.replay.retention-cron:0 40 3 * * *}", zone = "UTC")
    @SchedulerLock(name = "replay-retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void scheduledRetention() {
        if (scheduling) {
            int n = enforceRetention();
            if (n > 0) {
                log.info("Replay retention: {} sessions older than {} deleted", n, properties.retention());
            }
        }
    }

    /** Deletes every session whose last batch is older than the retention; how many. */
    public int enforceRetention() {
        var before = clock.instant().minus(properties.retention());
        int total = 0;
        while (true) {
            Integer n = tx.execute(status -> repository.delete(repository.sessionsLastSeenBefore(before, RETENTION_BATCH)));
            total += n == null ? 0 : n;
            if (n == null || n < RETENTION_BATCH) {
                return total;
            }
        }
    }
}
