package com.zeromission.database.internal;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * How module events reach their {@code @ApplicationModuleListener}s (docs/reliability.md, "Module events").
 *
 * <p>Spring Modulith stores each event with the transaction that publishes it in the event publication registry
 * ({@code event_publication}, V29) and calls each listener after the commit, in a transaction of its own. Listeners run
 * on the publishing thread, after its commit (a synchronous executor for {@code @Async}): an import cannot outrun
 * its roll-ups, a one-shot command ({@code bin/zm import}) has its events handled before it exits, and no two
 * listeners of one module race each other on the same roll-up rows. A listener that throws is logged and leaves its
 * publication incomplete; the publisher's transaction, already committed, is untouched.
 *
 * <p>Incomplete publications are handed over again at start-up ({@code
 * spring.modulith.events.republish-outstanding-events-on-restart}) and by {@link #retry()} once a minute, on one
 * instance at a time. Delivery is therefore at least once, and every listener is idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ModuleEvents implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ModuleEvents.class);

    /** A publication this old and still incomplete is not in progress: its listener failed, or its process died. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final IncompleteEventPublications incomplete;
    private final boolean scheduling;

    ModuleEvents(IncompleteEventPublications incomplete,
            @Value("${zeromission.events.scheduling:true}") boolean scheduling) {
        this.incomplete = incomplete;
        this.scheduling = scheduling;
    }

    @Override
    public Executor getAsyncExecutor() {
        return new SyncTaskExecutor();
    }

    @Scheduled(fixedDelayString = "${zeromission.events.retry-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "module-events-retry", lockAtMostFor = "PT10M")
    void retry() {
        if (!scheduling) {
            return;
        }
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);
        } catch (RuntimeException e) {
            log.error("Handing incomplete module events over again failed; the next round tries again", e);
        }
    }
}
