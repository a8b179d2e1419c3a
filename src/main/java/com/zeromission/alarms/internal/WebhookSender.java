package com.zeromission.alarms.internal;

import java.net.URI;

import org.springframework.stereotype.Component;

import com.zeromission.outbound.WebhookClient;

/** Alarm events to the configured webhook, through the shared {@link WebhookClient}. */
@Component
public class WebhookSender {

    private final AlarmsProperties properties;
    private final WebhookClient client;

    public WebhookSender(AlarmsProperties properties) {
        this.properties = properties;
        this.client = properties.webhookEnabled() ? new WebhookClient(new WebhookClient.Target(URI.create(
                properties.webhookUrl()), properties.webhookSecret(), properties.webhookTimeout(), "zeromission-alarms/1")) : null;
    }

    public WebhookClient.Attempt send(String eventKey, String eventType, String payload) {
        return client().send(eventKey, eventType, payload);
    }

    /** The client for the configured webhook. */
    public WebhookClient client() {
        if (client == null) {
            throw new IllegalStateException("no webhook configured (zeromission.alarms.webhook-url)");
        }
        return client;
    }

    /** HMAC-SHA256 of the body, hex: what a receiver recomputes with the shared secret. */
    public static String hmac(String secret, String payload) {
        return WebhookClient.hmac(secret, payload);
    }
}
