package com.zeromission.cadence.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.Formation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The weekly job: at each week's start (cron {@code zeromission.cadence.cron}, default Monday 06:00 UTC) it forms
 * the week's squads. Two guards make it run once with several instances: ShedLock lets one instance in at a time
 * (the others skip the run), and the week's row in {@code cadence_run} refuses a second formation even if a lock
 * expired or clocks disagree. Only in the web application, like the alarms: a one-shot command must not form squads
 * on the side. {@code zeromission.cadence.scheduling=false} switches it off (tests form weeks by hand).
 */
@Configuration
@EnableScheduling
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "zeromission.cadence.scheduling", matchIfMissing = true)
class CadenceSchedule {

    static final String LOCK = "cadence-weekly";

    private static final Logger log = LoggerFactory.getLogger(CadenceSchedule.class);

    private final Cadence cadence;

    CadenceSchedule(Cadence cadence) {
        this.cadence = cadence;
    }

    // lockAtLeastFor: an instance whose clock is a little behind must not take the lock again after this one is done
    @Scheduled(cron = "${zeromission.cadence.cron:" + CadenceProperties.DEFAULT_CRON + "}", zone = "UTC")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void weekly() {
        try {
            switch (cadence.formThisWeek("system")) {
                case Formation.Formed f -> log.info("Weekly cadence: {} squads formed for the week of {}", f.squads().size(), f.week());
                case Formation.AlreadyFormed a -> log.info("Weekly cadence: the week of {} was formed already by {}", a.week(),
                        a.formedBy());
            }
        } catch (RuntimeException e) {
            // A failed run must not kill the scheduler thread; POST /api/v1/squads/form forms the week by hand.
            log.error("Weekly cadence failed; form the week with POST /api/v1/squads/form", e);
        }
    }
}
