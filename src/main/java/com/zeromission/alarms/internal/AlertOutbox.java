package com.zeromission.alarms.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.zeromission.alarms.Alert;
import com.zeromission.outbound.WebhookOutbox;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alarm events to the configured webhook, through the one webhook outbox ({@link WebhookOutbox}, target
 * {@code alarms}): an event is recorded in the same transaction as the alert change it reports and delivered later with
 * the outbox's retry policy. The subject is the alert, so a clear waits until its fire was delivered; the event key
 * ({@code <alert id>:fired} or {@code <alert id>:cleared}) is the {@code Idempotency-Key} a receiver deduplicates by.
 */
@Component
public class AlertOutbox {

    public static final String TARGET = "alarms";
    public static final String FIRED = "alert.fired", CLEARED = "alert.cleared";

    /** The JSON body of a webhook call. */
    public record Payload(String eventKey, String event, Instant occurredAt, AlertView alert) {
    }

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final AlarmsProperties properties;
    private final JsonMapper json;

    public AlertOutbox(WebhookOutbox outbox, WebhookSender sender, AlarmsProperties properties, JsonMapper json) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
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
        outbox.enqueue(new WebhookOutbox.Event(TARGET, alert.id().toString(), key, eventType, payload), now);
    }

    /** Delivers every alarm event that is due (see {@link WebhookOutbox#deliverDue}). */
    public WebhookOutbox.DeliveryReport deliverDue() {
        if (!properties.webhookEnabled()) {
            return new WebhookOutbox.DeliveryReport(0, 0, 0, pending());
        }
        return outbox.deliverDue(TARGET, sender.client());
    }

    public long pending() {
        return outbox.pending(TARGET);
    }
}
