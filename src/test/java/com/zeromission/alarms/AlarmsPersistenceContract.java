package com.zeromission.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.ZeromissionApplication;
import com.zeromission.alarms.internal.AlertOutbox;
import com.zeromission.outbound.WebhookOutbox;
import com.zeromission.alarms.internal.AlertRepository;
import com.zeromission.alarms.internal.WebhookSender;
import com.zeromission.intake.IntakeService;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.Targets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What alarms promise about storage and delivery, run against every supported database (see the subclasses): one
 * open alert per rule and scope however often it is evaluated, alerts that survive a restart, and webhook events
 * that reach a receiver which is down at first: each one accepted exactly once, in order per alert.
 *
 * <p>The scenario: market DK, target 40 CPM, 80,000 purchases a day (a budget of 3.2 complaints a day). Two days of 60
 * complaints (18.75x) fire fast-burn (14.4x over 2 days and 1 day) and medium-burn (6x over 7 days and 1 day). A
 * following day of 3 complaints (0.94x) clears both. Slow-burn never decides: it needs 250,000 purchases in its
 * 7-day window (so that 1x the target means at least 10 complaints), and three days hold 240,000; the spike rules have
 * no baseline (no purchases before the burst).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@org.springframework.context.annotation.Import(TestClockConfiguration.class)
abstract class AlarmsPersistenceContract {

    static final LocalDate BURST = LocalDate.of(2026, 6, 8);
    static final int PER_DAY = 60;
    static final String SECRET = "webhook-test-secret";
    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("zeromission.alarms.webhook-url", RECEIVER::url);
        registry.add("zeromission.alarms.webhook-secret", () -> SECRET);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.reset();
    }

    /** Properties for a second, empty database of the same kind, for the restart test. */
    abstract Map<String, Object> freshDatabase();

    @Autowired
    Alarms alarms;
    @Autowired
    AlertRepository repository;
    @Autowired
    AlertOutbox outbox;
    @Autowired
    IntakeService intake;
    @Autowired
    Purchases purchases;
    @Autowired
    Targets targets;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    /**
     * Tests share one application context and database; evaluations are global (every scope), so each test starts
     * from no figures, targets or alerts. Stored signals stay: each test feeds under its own source.
     */
    @BeforeEach
    void emptyTables() {
        for (String table : List.of("webhook_delivery", "alert", "alarm_run", "signal_day", "signal_period", "purchase_day", "purchase_period", "cpm_target")) {
            jdbc.update("DELETE FROM " + table);
        }
        RECEIVER.reset();
    }

    Feed feed() {
        return new Feed(intake, purchases, targets, clock, "alarms-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Target, then two burst days; the clock ends at 00:30 the night after the second. */
    static void burst(Feed feed) {
        feed.target(2026, new Scope("DK", null), "40");
        feed.day(BURST, "DK", "card", 80_000, PER_DAY);
        feed.day(BURST.plusDays(1), "DK", "card", 80_000, PER_DAY);
    }

    @Test
    void keepsOneOpenAlertPerRuleAndScopeHowOftenItIsEvaluated() {
        burst(feed());

        Evaluation first = alarms.evaluate(Alarms.Trigger.SCHEDULE);
        Evaluation again = alarms.evaluate(Alarms.Trigger.API);
        clock.advance(Duration.ofHours(3));
        Evaluation later = alarms.evaluate(Alarms.Trigger.API);

        assertThat(first.fired()).extracting(Alert::rule).containsExactly("fast-burn", "medium-burn");
        assertThat(again.fired()).isEmpty();
        assertThat(again.stillOpen()).extracting(Alert::id).containsExactlyElementsOf(first.fired().stream().map(Alert::id).toList());
        assertThat(later.fired()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert", Long.class)).isEqualTo(2);
        // Slow burn has too few purchases; the spike rules have no baseline yet (no purchases before the burst).
        assertThat(first.undecided()).extracting(Evaluation.NoDecision::rule).containsOnly("slow-burn", "spike", "weekly-spike");
        assertThat(first.undecided().getFirst().reason()).contains("too few purchases", "160,000 in the 7-day window");
    }

    @Test
    void theDatabaseRefusesASecondOpenAlertForTheSameRuleAndScopeButNotAfterTheFirstCleared() {
        burst(feed());
        Alert open = alarms.evaluate(Alarms.Trigger.API).fired().getFirst();
        var twin = new Alert(UUID.randomUUID(), open.kind(), open.rule(), open.severity(), open.scope(), AlertState.OPEN,
                open.summary(), open.evidence(), open.firedOn(), open.firedAt(), null, null, null);

        // As another instance evaluating at the same moment would try.
        assertThat(repository.insertOpen(twin)).isFalse();
        assertThat(repository.clear(open.id(), BURST.plusDays(2), clock.instant(), "test")).isTrue();
        assertThat(repository.clear(open.id(), BURST.plusDays(2), clock.instant(), "test")).isFalse();
        assertThat(repository.insertOpen(twin)).isTrue();
        assertThat(repository.find(open.id()).orElseThrow().state()).isEqualTo(AlertState.CLEARED);
    }

    @Test
    void deliversEveryEventExactlyOnceInOrderPerAlertThroughAReceiverThatFailsFirst() {
        var feed = feed();
        burst(feed);
        Instant t0 = clock.instant();
        Evaluation fired = alarms.evaluate(Alarms.Trigger.SCHEDULE);
        Alert fast = fired.fired().get(0), medium = fired.fired().get(1);
        String fastFired = fast.id() + ":fired", mediumFired = medium.id() + ":fired";
        String fastCleared = fast.id() + ":cleared", mediumCleared = medium.id() + ":cleared";
        // Down (503), then it rejects medium's fire (400), then fast's fire once more (400); then all is well.
        RECEIVER.answerNext(503, 400, 400);

        // 503: the receiver is down, so the round stops after one attempt and medium is tried on the next round.
        assertThat(outbox.deliverDue()).isEqualTo(new WebhookOutbox.DeliveryReport(1, 0, 1, 2));
        // 400 concerns one event: the round would go on, but nothing else is due.
        assertThat(outbox.deliverDue()).isEqualTo(new WebhookOutbox.DeliveryReport(1, 0, 1, 2));
        clock.advance(Duration.ofSeconds(29));
        assertThat(outbox.deliverDue()).isEqualTo(new WebhookOutbox.DeliveryReport(0, 0, 0, 2));

        // The next day is normal: both alerts clear while their fire events are still undelivered.
        feed.day(BURST.plusDays(2), "DK", "card", 80_000, 3);
        assertThat(alarms.evaluate(Alarms.Trigger.SCHEDULE).cleared()).extracting(Alert::id).containsExactly(fast.id(), medium.id());
        // Fast's fire is rejected again, so fast's clear must wait; medium's fire and then its clear go through.
        assertThat(outbox.deliverDue()).isEqualTo(new WebhookOutbox.DeliveryReport(3, 2, 1, 2));
        clock.advance(WebhookOutbox.backoff(2).minusSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(new WebhookOutbox.DeliveryReport(0, 0, 0, 2));
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(new WebhookOutbox.DeliveryReport(2, 2, 0, 0));
        assertThat(outbox.deliverDue()).isEqualTo(new WebhookOutbox.DeliveryReport(0, 0, 0, 0));

        var requests = RECEIVER.requests();
        assertThat(requests).extracting(WebhookReceiver.Request::idempotencyKey, WebhookReceiver.Request::answeredWith)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(fastFired, 503),
                        org.assertj.core.groups.Tuple.tuple(mediumFired, 400),
                        org.assertj.core.groups.Tuple.tuple(fastFired, 400),
                        org.assertj.core.groups.Tuple.tuple(mediumFired, 200),
                        org.assertj.core.groups.Tuple.tuple(mediumCleared, 200),
                        org.assertj.core.groups.Tuple.tuple(fastFired, 200),
                        org.assertj.core.groups.Tuple.tuple(fastCleared, 200));
        // Nothing lost, nothing accepted twice.
        assertThat(requests.stream().filter(r -> r.answeredWith() == 200).map(WebhookReceiver.Request::idempotencyKey))
                .containsExactlyInAnyOrder(fastFired, mediumFired, fastCleared, mediumCleared);
        // A retry is the same event: same key, same body, byte for byte; signed with the shared secret.
        assertThat(requests.stream().filter(r -> r.idempotencyKey().equals(fastFired)).map(WebhookReceiver.Request::body).distinct())
                .hasSize(1);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.signature()).isEqualTo("sha256=" + WebhookSender.hmac(SECRET, r.body()));
            assertThat(r.path()).isEqualTo("/hooks/zeromission");
            assertThat(r.contentType()).startsWith("application/json");
        });

        JsonNode fire = JsonMapper.builder().build().readTree(requests.get(0).body());
        assertThat(fire.path("eventKey").asString()).isEqualTo(fastFired);
        assertThat(fire.path("event").asString()).isEqualTo("alert.fired");
        assertThat(fire.path("occurredAt").asString()).isEqualTo(t0.toString());
        assertThat(fire.path("alert").path("rule").asString()).isEqualTo("fast-burn");
        assertThat(fire.path("alert").path("severity").asString()).isEqualTo("page");
        assertThat(fire.path("alert").path("scope").path("market").asString()).isEqualTo("DK");
        assertThat(fire.path("alert").path("burnRate").path("longWindow").path("burnRate").asDouble()).isEqualTo(18.75);
        assertThat(fire.path("alert").path("burnRate").path("longWindow").path("complaints").asLong()).isEqualTo(120);
        JsonNode clear = JsonMapper.builder().build().readTree(requests.get(6).body());
        assertThat(clear.path("event").asString()).isEqualTo("alert.cleared");
        assertThat(clear.path("alert").path("state").asString()).isEqualTo("cleared");
        assertThat(clear.path("alert").path("clearedOn").asString()).isEqualTo(BURST.plusDays(2).toString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE target = 'alarms' AND delivered_at IS NULL", Long.class)).isZero();
    }

    @Test
    void alertsSurviveARestartAndAreNotOpenedTwiceAfterIt() {
        Map<String, Object> database = freshDatabase();
        UUID id;
        var clockA = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
        try (var a = start(database, clockA)) {
            var feed = new Feed(a.getBean(IntakeService.class), a.getBean(Purchases.class), a.getBean(Targets.class), clockA, "restart");
            burst(feed);
            id = a.getBean(Alarms.class).evaluate(Alarms.Trigger.SCHEDULE).fired().getFirst().id();
        }

        var clockB = new TestClock(clockA.instant());
        try (var b = start(database, clockB)) {
            Alarms restarted = b.getBean(Alarms.class);
            Alert stored = restarted.find(id).orElseThrow();
            assertThat(stored.state()).isEqualTo(AlertState.OPEN);
            assertThat(stored.rule()).isEqualTo("fast-burn");
            assertThat(stored.firedOn()).isEqualTo(BURST.plusDays(1));
            assertThat(((Evidence.BurnRate) stored.evidence()).longBurnRate()).isEqualTo(18.75);

            Evaluation again = restarted.evaluate(Alarms.Trigger.STARTUP);
            assertThat(again.fired()).isEmpty();
            assertThat(again.stillOpen()).extracting(Alert::id).contains(id);

            var feed = new Feed(b.getBean(IntakeService.class), b.getBean(Purchases.class), b.getBean(Targets.class), clockB, "restart");
            feed.day(BURST.plusDays(2), "DK", "card", 80_000, 3);
            assertThat(restarted.evaluate(Alarms.Trigger.SCHEDULE).cleared()).extracting(Alert::id).contains(id);
            assertThat(restarted.list(true, 10)).hasSize(2).allMatch(x -> x.state() == AlertState.CLEARED);
        }
    }

    /** A whole application on the given database, without web server or schedules, with its own clock. */
    static ConfigurableApplicationContext start(Map<String, Object> database, TestClock clock) {
        var args = new java.util.ArrayList<String>(List.of("--logging.level.root=WARN", "--zeromission.alarms.scheduling=false"));
        // As arguments, not builder properties: those are defaults, and application.properties would win over them.
        database.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(ZeromissionApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("restartClock", clock))
                .sources(PrimaryClock.class)
                .run(args.toArray(String[]::new));
    }

    /** Makes the registered test clock the one every service gets. */
    static class PrimaryClock {
        @Bean
        @Primary
        java.time.Clock primaryClock(org.springframework.beans.factory.BeanFactory beans) {
            return (java.time.Clock) beans.getBean("restartClock");
        }
    }
}
