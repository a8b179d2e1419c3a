package com.zeromission.insights.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code zeromission.insights}.
 *
 * @param webhookUrl     where a delegation is POSTed (the owner's tracker); unset: no delivery
 * @param webhookSecret  optional: signs every delivery with HMAC-SHA256 in {@code Zeromission-Signature}
 * @param webhookTimeout how long one attempt may take
 * @param maxAttempts    attempts before a delivery is given up (and shown as failed)
 */
@ConfigurationProperties(prefix = "zeromission.insights")
public record InsightsProperties(String webhookUrl, String webhookSecret, Duration webhookTimeout, Integer maxAttempts) {

    public InsightsProperties {
        webhookUrl = com.zeromission.outbound.WebhookClient.checkUrl("zeromission.insights.webhook-url", webhookUrl);
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("zeromission.insights.max-attempts must be >= 1, was " + maxAttempts);
        }
    }

    public boolean webhookEnabled() {
        return webhookUrl != null;
    }
}
