package com.zeromission.alarms.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.zeromission.alarms.Alert;

import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox for webhook delivery. An event row is written in the same transaction as the alert change
 * it reports, so an event exists exactly when its change was committed; delivery happens later, outside any
 * transaction, and retries with exponential backoff until the receiver answers 2xx. At least once: a receiver may see
 * an event again (after a timeout, or a crash between its answer and our bookkeeping) and recognises it by the
 * {@code Idempotency-Key} header, which is the event key ({@code <alert id>:fired} or {@code <alert id>:cleared}).
 *
 * <p>Events of one alert are delivered in order: a clear waits until its fire was delivered.
 */
@Component
public class AlertOutbox {

    private static final Logger log = LoggerFactory.getLogger(AlertOutbox.class);

    public static final String FIRED = "alert.fired", CLEARED = "alert.cleared";
    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    /** Retries never stop (nothing is dropped), but a receiver that is down for a day is asked once an hour. */
    public static final Duration MAX_RETRY = Duration.ofHours(1);
    static final int BATCH = 100;

    /** What one delivery round did; {@code pending} counts events still waiting, due or not. */
    public record DeliveryReport(int attempted, int delivered, int failed, long pending) {
    }

    /** The JSON body of a webhook call. */
    public record Payload(String eventKey, String event, Instant occurredAt, AlertView alert) {
    }

    private record Due(long id, String eventKey, String eventType, String payload, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final WebhookSender sender;
    private final AlarmsProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final ReentrantLock delivering = new ReentrantLock();

    public AlertOutbox(JdbcTemplate jdbc, WebhookSender sender, AlarmsProperties properties, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public static String eventKey(Alert alert, String eventType) {
        return alert.id() + ":" + (FIRED.equals(eventType) ? "fired" : "cleared");
    }

    /**
     * Records the event for delivery; call inside the transaction that fires or clears the alert. Nothing is recorded
     * while no webhook is configured: there is nobody to deliver to, and a backlog switched on months later would
     * only flood the receiver with stale events.
     */
    public void enqueue(Alert alert, String eventType, Instant now) {
        if (!properties.webhookEnabled()) {
            return;
        }
        String key = eventKey(alert, eventType);
        String payload = json.writeValueAsString(new Payload(key, eventType, now, AlertView.of(alert)));
        jdbc.update("INSERT INTO alert_delivery (event_key, alert_id, event_type, payload, created_at, attempts, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING", key, alert.id(), eventType, payload,
                Timestamp.from(now), Timestamp.from(now));
    }

    /**
     * Delivers every event that is due by the clock. A round stops when the receiver cannot be reached or answers
     * 5xx, 408 or 429 (the rest would fail the same way); a failed event is retried after {@link #backoff(int)}.
     * Returns at once when another round is running in this process.
     */
    public DeliveryReport deliverDue() {
        if (!properties.webhookEnabled() || !delivering.tryLock()) {
            return new DeliveryReport(0, 0, 0, pending());
        }
        try {
            int attempted = 0, delivered = 0, failed = 0;
            // Ask again after each batch: a delivered fire makes its alert's clear due. Every pass removes what it
            // tried from the due set (delivered, or pushed into the future by the backoff), so this ends.
            rounds:
            for (List<Due> due = due(clock.instant()); !due.isEmpty(); due = due(clock.instant())) {
                for (Due d : due) {
                    attempted++;
                    var attempt = sender.send(d.eventKey(), d.eventType(), d.payload());
                    Instant now = clock.instant();
                    if (attempt instanceof com.zeromission.outbound.WebhookClient.Attempt.Answered a && a.accepted()) {
                        jdbc.update("UPDATE alert_delivery SET delivered_at = ?, attempts = attempts + 1, last_status = ?, "
                                + "last_error = NULL WHERE id = ?", Timestamp.from(now), a.status(), d.id());
                        delivered++;
                        continue;
                    }
                    failed++;
                    int attempts = d.attempts() + 1;
                    Integer status = attempt instanceof com.zeromission.outbound.WebhookClient.Attempt.Answered a ? a.status() : null;
                    String error = attempt instanceof com.zeromission.outbound.WebhookClient.Attempt.Failed f ? f.error() : "HTTP " + status;
                    Instant next = now.plus(backoff(attempts));
                    jdbc.update("UPDATE alert_delivery SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ? "
                            + "WHERE id = ?", attempts, Timestamp.from(next), status, AlertRepository.truncate(error, 500), d.id());
                    log.warn("Webhook delivery of {} failed (attempt {}): {}; next attempt at {}", d.eventKey(), attempts,
                            error, next);
                    if (receiverUnavailable(status)) {
                        // Down, overloaded or unreachable: the other events would fail the same way. A 4xx is about
                        // this one event; the others go on.
                        break rounds;
                    }
                }
            }
            return new DeliveryReport(attempted, delivered, failed, pending());
        } finally {
            delivering.unlock();
        }
    }

    static boolean receiverUnavailable(Integer status) {
        return status == null || status >= 500 || status == 429 || status == 408;
    }

    /** 30 s after the first failure, doubling up to an hour. */
    public static Duration backoff(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
        long seconds = FIRST_RETRY.toSeconds() << Math.min(attempts - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, MAX_RETRY.toSeconds()));
    }

    public long pending() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM alert_delivery WHERE delivered_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    private List<Due> due(Instant now) {
        // An event is due when its time has come and no earlier event of the same alert is still undelivered.
        return jdbc.query("SELECT e.id, e.event_key, e.event_type, e.payload, e.attempts FROM alert_delivery e "
                + "WHERE e.delivered_at IS NULL AND e.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM alert_delivery p "
                + "WHERE p.alert_id = e.alert_id AND p.delivered_at IS NULL AND p.id < e.id) ORDER BY e.id LIMIT ?",
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                Timestamp.from(now), BATCH);
    }
}
