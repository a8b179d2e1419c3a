package com.zeromission.insights.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.zeromission.outbound.WebhookClient;

/**
 * Settings under {@code zeromission.insights}.
 *
 * @param webhookUrl     where a delegation is POSTed (the owner's tracker); unset: no delivery
 * @param webhookSecret  optional: signs every delivery with HMAC-SHA256 in {@code Zeromission-Signature}
 * @param webhookTimeout how long one attempt may take
 *
 * <p>Retries follow the one webhook outbox's policy (outbound.WebhookOutbox: never given up, at most an hour apart);
 * the former {@code zeromission.insights.max-attempts} is gone with the second policy.
 */
@ConfigurationProperties(prefix = "zeromission.insights")
record InsightsProperties(String webhookUrl, String webhookSecret, Duration webhookTimeout) {

    public InsightsProperties {
        webhookUrl = WebhookClient.checkUrl("zeromission.insights.webhook-url", webhookUrl);
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
    }

    public boolean webhookEnabled() {
        return webhookUrl != null;
    }
}
