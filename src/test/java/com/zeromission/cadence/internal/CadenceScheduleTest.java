package com.zeromission.cadence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.Formation;
import com.zeromission.support.TestDatabases;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The weekly job runs once across instances: while another instance holds the job's lock this one skips the run and
 * forms nothing; once the lock is free it forms the week. The cron is set to a day that does not come soon, so the
 * test calls the job itself.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.cadence.scheduling=true",
        "zeromission.cadence.cron=0 0 6 29 2 MON"})
class CadenceScheduleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    CadenceSchedule schedule;
    @Autowired
    LockProvider locks;
    @Autowired
    Cadence cadence;
    @Autowired
    JdbcTemplate jdbc;

    int formedWeeks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cadence_run", Integer.class);
    }

    @Test
    void theWeeklyJobSkipsTheRunWhileAnotherInstanceHoldsItsLock() {
        assertThat(AopUtils.isAopProxy(schedule)).as("the job is wrapped by the scheduler lock").isTrue();
        var otherInstance = locks.lock(new LockConfiguration(Instant.now(), CadenceSchedule.LOCK, Duration.ofMinutes(10),
                Duration.ZERO)).orElseThrow();

        schedule.weekly();
        assertThat(formedWeeks()).isZero();

        otherInstance.unlock();
        schedule.weekly();
        assertThat(formedWeeks()).isEqualTo(1);
        assertThat(cadence.formThisWeek("system")).isInstanceOf(Formation.AlreadyFormed.class);
    }
}
