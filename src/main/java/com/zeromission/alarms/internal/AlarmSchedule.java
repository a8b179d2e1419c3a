package com.zeromission.alarms.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.zeromission.alarms.Alarms;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * When alarms run by themselves: once a day after the UTC day has closed (cron {@code zeromission.alarms.cron},
 * default 00:30 UTC), a catch-up at start-up when the server was down at that time, and the webhook outbox every
 * {@code zeromission.alarms.delivery-interval}. Only in the web application: one-shot commands (an import) must not
 * evaluate or deliver on the side. {@code zeromission.alarms.scheduling=false} switches all of it off (tests drive
 * evaluation and delivery by hand, with their own clock).
 */
@Configuration
@EnableScheduling
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "zeromission.alarms.scheduling", matchIfMissing = true)
class AlarmSchedule {

    private static final Logger log = LoggerFactory.getLogger(AlarmSchedule.class);

    private final Alarms alarms;
    private final AlertOutbox outbox;

    AlarmSchedule(Alarms alarms, AlertOutbox outbox) {
        this.alarms = alarms;
        this.outbox = outbox;
    }

    // Run once across instances (see SchedulerLocks); lockAtLeastFor covers clocks a few minutes apart.
    @Scheduled(cron = "${zeromission.alarms.cron:" + AlarmsProperties.DEFAULT_CRON + "}", zone = "UTC")
    @SchedulerLock(name = "alarms-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void daily() {
        run(Alarms.Trigger.SCHEDULE);
    }

    /**
     * After start-up (and after the demo loader, which runs before the application is ready): evaluate if yesterday
     * has not been evaluated yet, so a server that was down at 00:30 does not skip a day.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        if (alarms.lastEvaluatedDay().filter(d -> !d.isBefore(alarms.yesterday())).isEmpty()) {
            run(Alarms.Trigger.STARTUP);
        }
    }

    // one instance delivers at a time, so an event is not sent twice at once (receivers still deduplicate)
    @Scheduled(fixedDelayString = "${zeromission.alarms.delivery-interval:PT30S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "alarms-deliveries", lockAtMostFor = "PT10M")
    void deliver() {
        outbox.deliverDue();
    }

    private void run(Alarms.Trigger trigger) {
        try {
            alarms.evaluate(trigger);
            outbox.deliverDue();
        } catch (RuntimeException e) {
            // A failed run must not kill the scheduler thread; the next run (or a POST /evaluate) tries again.
            log.error("Alarm evaluation ({}) failed", trigger.code(), e);
        }
    }
}
