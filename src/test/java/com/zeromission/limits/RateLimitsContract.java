package com.zeromission.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;
import com.zeromission.alarms.TestClock;
import com.zeromission.limits.RateLimits.Budget;

/**
 * Two instances' limiters (each with its own connection pool, as two servers have) over one database share one
 * budget (see the subclasses for the databases, migrated by the product's own Flyway migrations). The clock is moved
 * by hand. Every test uses subjects of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RateLimitsContract {

    /** A fresh database: JDBC URL, user, password. */
    abstract String[] database();

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    final Budget fivePerTenMinutes = new Budget("test", 5, Duration.ofMinutes(10));
    HikariDataSource poolOne, poolTwo;
    RateLimits one, two;
    JdbcTemplate jdbc;

    @BeforeAll
    void start() {
        String[] db = database();
        poolOne = pool(db);
        poolTwo = pool(db);
        Flyway.configure().dataSource(poolOne).locations("classpath:db/migration").load().migrate();
        one = new RateLimits(poolOne, clock);
        two = new RateLimits(poolTwo, clock);
        jdbc = new JdbcTemplate(poolOne);
    }

    @AfterAll
    void stop() {
        poolOne.close();
        poolTwo.close();
    }

    private static HikariDataSource pool(String[] db) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(db[0]);
        pool.setUsername(db[1]);
        pool.setPassword(db[2]);
        pool.setMaximumPoolSize(4);
        return pool;
    }

    @Test
    void twoInstancesShareOneBudgetInsteadOfAllowingItTwice() {
        for (int i = 0; i < 3; i++) {
            assertThat(one.tryAcquire(fivePerTenMinutes, "203.0.113.1").allowed()).isTrue();
        }
        assertThat(two.tryAcquire(fivePerTenMinutes, "203.0.113.1").allowed()).isTrue();
        assertThat(two.tryAcquire(fivePerTenMinutes, "203.0.113.1").allowed()).isTrue();

        var refusedOnOne = one.tryAcquire(fivePerTenMinutes, "203.0.113.1");
        var refusedOnTwo = two.tryAcquire(fivePerTenMinutes, "203.0.113.1");

        assertThat(refusedOnOne.allowed()).isFalse();
        assertThat(refusedOnTwo.allowed()).isFalse();
        assertThat(refusedOnTwo.retryAfterSeconds()).isEqualTo(600);
        assertThat(one.check(fivePerTenMinutes, "203.0.113.2").allowed()).as("another subject").isTrue();
    }

    @Test
    void refusalsAreNotCountedAndTheWindowEndsOnTime() {
        for (int i = 0; i < 5; i++) {
            assertThat(one.tryAcquire(fivePerTenMinutes, "203.0.113.3").allowed()).isTrue();
        }
        clock.advance(Duration.ofMinutes(4));
        for (int i = 0; i < 10; i++) {
            assertThat(two.tryAcquire(fivePerTenMinutes, "203.0.113.3").allowed()).isFalse();
        }
        assertThat(one.check(fivePerTenMinutes, "203.0.113.3").retryAfterSeconds()).isEqualTo(360);

        clock.advance(Duration.ofMinutes(6));

        assertThat(two.check(fivePerTenMinutes, "203.0.113.3").allowed()).isTrue();
        assertThat(two.tryAcquire(fivePerTenMinutes, "203.0.113.3")).satisfies(d -> {
            assertThat(d.allowed()).isTrue();
            assertThat(d.count()).isEqualTo(1);
        });
    }

    @Test
    void failuresCountedOnOneInstanceLockTheOtherUntilOneResets() {
        for (int i = 1; i <= 4; i++) {
            assertThat(one.count(fivePerTenMinutes, "viewer\n203.0.113.4").allowed()).isTrue();
        }
        assertThat(one.count(fivePerTenMinutes, "viewer\n203.0.113.4").allowed()).isFalse();
        // counting goes on past the limit: failures keep happening, allowed or not
        assertThat(two.count(fivePerTenMinutes, "viewer\n203.0.113.4").count()).isEqualTo(6);
        assertThat(two.check(fivePerTenMinutes, "viewer\n203.0.113.4").allowed()).isFalse();

        one.reset(fivePerTenMinutes, "viewer\n203.0.113.4");

        assertThat(two.check(fivePerTenMinutes, "viewer\n203.0.113.4")).satisfies(d -> {
            assertThat(d.allowed()).isTrue();
            assertThat(d.count()).isZero();
        });
    }

    @Test
    void concurrentEventsOnTwoInstancesAreAllowedExactlyTheLimit() throws Exception {
        var budget = new Budget("test-concurrent", 25, Duration.ofMinutes(10));
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int t = 0; t < 8; t++) {
            RateLimits limiter = t % 2 == 0 ? one : two;
            tasks.add(() -> {
                start.await();
                int allowed = 0;
                for (int i = 0; i < 10; i++) {
                    allowed += limiter.tryAcquire(budget, "203.0.113.5").allowed() ? 1 : 0;
                }
                return allowed;
            });
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> results = tasks.stream().map(pool::submit).toList();
            start.countDown();
            int allowed = 0;
            for (var r : results) {
                allowed += r.get();
            }
            assertThat(allowed).isEqualTo(25);
        }
        assertThat(one.check(budget, "203.0.113.5").count()).isEqualTo(25);
    }

    @Test
    void theTableHoldsNoSubjectInClearAndEndedWindowsAreSwept() {
        one.count(fivePerTenMinutes, "anna.svensson@example.com\n198.51.100.77");
        assertThat(jdbc.queryForList("SELECT limit_key FROM rate_limit", String.class))
                .noneMatch(k -> k.contains("anna") || k.contains("198.51.100.77"));
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit", Long.class);
        assertThat(before).isPositive();

        clock.advance(Duration.ofMinutes(11));
        two.sweep();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit WHERE window_end <= ?", Long.class,
                clock.millis())).isZero();
        assertThat(one.check(fivePerTenMinutes, "anna.svensson@example.com\n198.51.100.77").count()).isZero();
    }
}
