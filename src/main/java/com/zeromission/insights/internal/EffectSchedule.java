package com.zeromission.insights.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.zeromission.insights.Insights;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Measures every resolved and verified insight each night (01:15 UTC, after the day's complaints are in), so that
 * fixes become verified, or regressed, without anybody asking. {@code zeromission.insights.scheduling=false} turns
 * it off (one-shot commands and tests).
 */
@Configuration
@EnableScheduling
@ConditionalOnBooleanProperty(name = "zeromission.insights.scheduling", matchIfMissing = true)
class EffectSchedule {

    private static final Logger log = LoggerFactory.getLogger(EffectSchedule.class);

    private final Insights insights;

    EffectSchedule(Insights insights) {
        this.insights = insights;
    }

    // Run once across instances (see SchedulerLocks); lockAtLeastFor covers clocks a few minutes apart.
    @Scheduled(cron = "${zeromission.insights.measure-cron:0 15 1 * * *}", zone = "UTC")
    @SchedulerLock(name = "insights-effect", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void measure() {
        try {
            var done = insights.measureAll("system");
            long changed = done.stream().filter(m -> m.outcome().equals("verified") || m.outcome().equals("regressed")).count();
            if (!done.isEmpty()) {
                log.info("Effect measurement: {} insights measured, {} verified or regressed", done.size(), changed);
            }
        } catch (RuntimeException e) {
            log.error("Effect measurement failed; it runs again tomorrow", e);
        }
    }
}
