package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.alarms.WebhookReceiver;
import com.zeromission.outbound.WebhookClient;
import com.zeromission.support.TestDatabases;

/** A delegation reaches the owner's tracker through a real local HTTP receiver: retried, signed, recorded, once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
class DelegationWebhookTest {

    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        registry.add("zeromission.insights.webhook-url", RECEIVER::url);
        registry.add("zeromission.insights.webhook-secret", () -> "s3cret");
    }

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Autowired
    Insights insights;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void retriesUntilTheTrackerAcceptsAndRecordsEveryAttempt() {
        insights.saveTeam(new Team("tracker-team", "payments", List.of("anna")));
        var i = insights.create(new InsightContent("Refunds take weeks", List.of(),
                List.of(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/9"))), List.of(),
                "Refunds for returned parcels take three weeks; write to anna.svensson@example.com for the cases.",
                "Refund as soon as the carrier scans the return, not when the merchant confirms it.",
                new ImpactModel(5_000, 1, BigDecimal.TEN, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0.5), 4.0, "tracker-team",
                "anna", List.of("tracker-team"), List.of(), null, null), "anna");
        RECEIVER.answerNext(503);

        insights.delegate(i.id(), "anna");
        assertThat(insights.deliverDue()).isZero(); // the tracker is down: 503

        var failed = insights.deliveries(i.id());
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().attempts()).isEqualTo(1);
        assertThat(failed.getFirst().lastError()).isEqualTo("HTTP 503");
        assertThat(failed.getFirst().deliveredAt()).isNull();

        // the retry is due later (backoff); make it due now, as time passing would
        jdbc.update("UPDATE webhook_delivery SET next_attempt_at = created_at WHERE target = 'insights'");
        assertThat(insights.deliverDue()).isEqualTo(1);
        assertThat(insights.deliverDue()).isZero(); // delivered once, never again

        var requests = RECEIVER.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).idempotencyKey()).isEqualTo(requests.get(1).idempotencyKey());
        assertThat(requests.get(1).event()).isEqualTo("insight.delegated");
        assertThat(requests.get(1).signature()).isEqualTo("sha256=" + WebhookClient.hmac("s3cret", requests.get(1).body()));
        assertThat(requests.get(1).body()).contains("\"ownerTeam\":\"tracker-team\"", "\"insightId\":" + i.id())
                .doesNotContain("anna.svensson@example.com");
        var delivered = insights.deliveries(i.id()).getFirst();
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.deliveredAt()).isNotNull();
        assertThat(delivered.lastError()).isNull();
    }
}
