package com.zeromission.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one transactional outbox for webhooks ({@code webhook_delivery}), for every module that tells another system
 * about something (alarms' alerts, insights' delegations), with one retry policy:
 * <ul>
 * <li>An event is written in the transaction of the change it reports ({@link #enqueue}), so it exists exactly when
 * the change committed; it is sent later, outside any transaction.</li>
 * <li>At least once: a receiver may see an event again (a timeout, a crash between its answer and our bookkeeping)
 * and recognises it by the {@code Idempotency-Key} header, the event key.</li>
 * <li>Events of one subject (an alert, an insight) go out in the order they were written: a later one waits until the
 * earlier ones were delivered.</li>
 * <li>A failed attempt is retried after {@link #backoff(int)}: 30 s, doubling up to an hour. Retries never stop
 * (nothing acknowledged is dropped); every attempt's outcome is kept and shown ({@link #deliveries}).</li>
 * <li>A round stops for a target when its receiver cannot be reached or answers 5xx, 408 or 429 (the rest would fail
 * the same way); a 4xx concerns one event and the round goes on.</li>
 * </ul>
 */
@Component
public class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    /** Retries never stop, but a receiver that is down for a day is asked once an hour. */
    public static final Duration MAX_RETRY = Duration.ofHours(1);
    static final int BATCH = 100;

    /** An event to send: to which target (the module's configured webhook), about what subject, with which key. */
    public record Event(String target, String subject, String eventKey, String eventType, String payload) {
        public Event {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(eventKey, "eventKey");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(payload, "payload");
            if (eventKey.isBlank() || eventKey.length() > 80) {
                throw new IllegalArgumentException("eventKey must have 1-80 characters, had " + eventKey.length());
            }
        }
    }

    /** What one delivery round did; {@code pending} counts the target's events still waiting, due or not. */
    public record DeliveryReport(int attempted, int delivered, int failed, long pending) {
    }

    /** One delivery as the API shows it. */
    public record Delivery(String eventKey, String eventType, int attempts, @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt,
            @Nullable String lastError, Instant createdAt) {
    }

    private record Due(long id, String eventKey, String eventType, String payload, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConcurrentHashMap<String, ReentrantLock> delivering = new ConcurrentHashMap<>();

    public WebhookOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event for delivery, in the caller's transaction; an event key recorded before is left as it is. */
    public void enqueue(Event e, Instant now) {
        jdbc.update("INSERT INTO webhook_delivery (target, subject, event_key, event_type, payload, created_at, attempts, "
                + "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING", e.target(), e.subject(),
                e.eventKey(), e.eventType(), e.payload(), Timestamp.from(now), Timestamp.from(now));
    }

    /**
     * Sends every event of the target that is due by the clock, through its client. Returns at once when another
     * round for the same target is running in this process (across instances, callers hold a scheduler lock).
     */
    public DeliveryReport deliverDue(String target, WebhookClient client) {
        ReentrantLock lock = delivering.computeIfAbsent(target, t -> new ReentrantLock());
        if (!lock.tryLock()) {
            return new DeliveryReport(0, 0, 0, pending(target));
        }
        try {
            int attempted = 0, delivered = 0, failed = 0;
            // Ask again after each batch: a delivered event makes the next of its subject due. Every pass removes what
            // it tried from the due set (delivered, or pushed into the future by the backoff), so this ends.
            rounds:
            for (List<Due> due = due(target, clock.instant()); !due.isEmpty(); due = due(target, clock.instant())) {
                for (Due d : due) {
                    attempted++;
                    var attempt = client.send(d.eventKey(), d.eventType(), d.payload());
                    Instant now = clock.instant();
                    if (attempt instanceof WebhookClient.Attempt.Answered a && a.accepted()) {
                        jdbc.update("UPDATE webhook_delivery SET delivered_at = ?, attempts = attempts + 1, last_status = ?, "
                                + "last_error = NULL WHERE id = ?", Timestamp.from(now), a.status(), d.id());
                        delivered++;
                        continue;
                    }
                    failed++;
                    int attempts = d.attempts() + 1;
                    Integer status = attempt instanceof WebhookClient.Attempt.Answered a ? a.status() : null;
                    String error = attempt.describe();
                    Instant next = now.plus(backoff(attempts));
                    jdbc.update("UPDATE webhook_delivery SET attempts = ?, next_attempt_at = ?, last_status = ?, "
                            + "last_error = ? WHERE id = ?", attempts, Timestamp.from(next), status,
                            error.length() <= 500 ? error : error.substring(0, 500), d.id());
                    log.warn("Webhook delivery of {} ({}) failed (attempt {}): {}; next attempt at {}", d.eventKey(),
                            target, attempts, error, next);
                    if (receiverUnavailable(status)) {
                        // Down, overloaded or unreachable: the other events would fail the same way.
                        break rounds;
                    }
                }
            }
            return new DeliveryReport(attempted, delivered, failed, pending(target));
        } finally {
            lock.unlock();
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

    /** Events of the target not delivered yet. */
    public long pending(String target) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE target = ? AND delivered_at IS NULL",
                Long.class, target);
        return n == null ? 0 : n;
    }

    /** Every delivery of a subject, oldest first. */
    public List<Delivery> deliveries(String target, String subject) {
        return jdbc.query("SELECT event_key, event_type, attempts, next_attempt_at, delivered_at, last_error, created_at "
                + "FROM webhook_delivery WHERE target = ? AND subject = ? ORDER BY id", (rs, n) -> new Delivery(
                        rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6),
                        instant(rs.getObject(7, OffsetDateTime.class))), target, subject);
    }

    private List<Due> due(String target, Instant now) {
        // Due when its time has come and no earlier event of the same subject is still undelivered.
        return jdbc.query("SELECT e.id, e.event_key, e.event_type, e.payload, e.attempts FROM webhook_delivery e "
                + "WHERE e.target = ? AND e.delivered_at IS NULL AND e.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 "
                + "FROM webhook_delivery p WHERE p.target = e.target AND p.subject = e.subject AND p.delivered_at IS NULL "
                + "AND p.id < e.id) ORDER BY e.id LIMIT ?",
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                target, Timestamp.from(now), BATCH);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
