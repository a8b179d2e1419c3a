package com.zeromission.insights.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.zeromission.insights.DelegationDelivery;
import com.zeromission.insights.Insight;
import com.zeromission.outbound.WebhookClient;
import com.zeromission.privacy.TextMasker;

import tools.jackson.databind.json.JsonMapper;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Tells the owner's own tracker that an insight was delegated: the event is written to an outbox in the delegation's
 * transaction (so it is sent if and only if the delegation committed) and delivered at least once, with backoff,
 * every attempt's outcome kept. The receiver deduplicates by {@code Idempotency-Key}. Free text is masked once more
 * on the way out: analysts write it, and an export must never carry personal data.
 */
@Component
public class DelegationOutbox {

    private static final Logger log = LoggerFactory.getLogger(DelegationOutbox.class);
    public static final String EVENT = "insight.delegated";

    private final JdbcTemplate jdbc;
    private final InsightsProperties properties;
    private final TextMasker masker;
    private final Clock clock;
    private final WebhookClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    DelegationOutbox(JdbcTemplate jdbc, InsightsProperties properties, TextMasker masker, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.masker = masker;
        this.clock = clock;
        this.client = properties.webhookEnabled() ? new WebhookClient(new WebhookClient.Target(URI.create(properties.webhookUrl()),
                properties.webhookSecret(), properties.webhookTimeout(), "zeromission-insights/1")) : null;
    }

    /** Writes the delegation event, in the caller's transaction; nothing when no webhook is configured. */
    public void enqueue(Insight insight, String actor, Instant at) {
        if (client == null) {
            return;
        }
        var c = insight.content();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("event", EVENT);
        payload.put("insightId", insight.id());
        payload.put("title", mask(c.title()));
        payload.put("ownerTeam", c.ownerTeam());
        payload.put("responsiblePerson", c.responsiblePerson());
        payload.put("problemIds", c.problemIds());
        payload.put("problemDefinition", mask(c.problemDefinition()));
        payload.put("proposedSolution", mask(c.proposedSolution()));
        payload.put("valuePerYear", c.impact() == null ? null : c.impact().valuePerYear());
        payload.put("impact", c.impact() == null ? null : c.impact().explain());
        payload.put("effortPersonDays", c.effortPersonDays());
        payload.put("teamsNeeded", c.teamsNeeded());
        payload.put("approvalsNeeded", c.approvalsNeeded());
        payload.put("delegatedBy", actor);
        payload.put("delegatedAt", at.toString());
        payload.put("link", "/api/v1/insights/" + insight.id());
        jdbc.update("INSERT INTO insight_delivery (insight_id, event_key, event_type, payload, attempts, next_attempt_at, "
                + "created_at) VALUES (?, ?, ?, ?, 0, ?, ?)", insight.id(), UUID.randomUUID(), EVENT,
                json.writeValueAsString(payload), ts(at), ts(at));
    }

    /** Sends every delivery that is due; returns how many were delivered now. */
    public int deliverDue() {
        if (client == null) {
            return 0;
        }
        Instant now = clock.instant();
        record Due(long id, UUID key, String type, String payload, int attempts) {
        }
        var due = jdbc.query("SELECT id, event_key, event_type, payload, attempts FROM insight_delivery WHERE delivered_at IS NULL "
                + "AND attempts < ? AND next_attempt_at <= ? ORDER BY id LIMIT 100", (rs, n) -> new Due(rs.getLong(1),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5)),
                properties.maxAttempts(), ts(now));
        int delivered = 0;
        for (Due d : due) {
            var attempt = client.send(d.key().toString(), d.type(), d.payload());
            if (attempt instanceof WebhookClient.Attempt.Answered a && a.accepted()) {
                jdbc.update("UPDATE insight_delivery SET attempts = ?, delivered_at = ?, last_error = NULL WHERE id = ?",
                        d.attempts() + 1, ts(clock.instant()), d.id());
                delivered++;
            } else {
                int attempts = d.attempts() + 1;
                // 30 s, 1 min, 2 min, ... at most an hour between attempts
                Duration wait = Duration.ofSeconds(Math.min(3_600, 30L << Math.min(attempts - 1, 7)));
                String error = attempt.describe();
                jdbc.update("UPDATE insight_delivery SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                        attempts, ts(clock.instant().plus(wait)), error.length() <= 500 ? error : error.substring(0, 500), d.id());
                if (attempts >= properties.maxAttempts()) {
                    log.warn("Delegation event {} given up after {} attempts: {}", d.key(), attempts, error);
                }
            }
        }
        return delivered;
    }

    // one instance delivers at a time, so an event is not sent twice at once (receivers still deduplicate)
    @Scheduled(fixedDelayString = "${zeromission.insights.delivery-interval:PT30S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "insights-deliveries", lockAtMostFor = "PT10M")
    void scheduled() {
        if (client != null && !Boolean.FALSE.equals(scheduling)) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.error("Delivering delegation events failed; the next round tries again", e);
            }
        }
    }

    @org.springframework.beans.factory.annotation.Value("${zeromission.insights.scheduling:true}")
    Boolean scheduling;

    public List<DelegationDelivery> deliveries(long insightId) {
        return jdbc.query("SELECT event_key, event_type, attempts, next_attempt_at, delivered_at, last_error, created_at "
                + "FROM insight_delivery WHERE insight_id = ? ORDER BY id", (rs, n) -> new DelegationDelivery(rs.getString(1),
                        rs.getString(2), rs.getInt(3), instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6),
                        instant(rs.getObject(7, OffsetDateTime.class))), insightId);
    }

    private String mask(String text) {
        return text == null ? null : masker.mask(text).text();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
