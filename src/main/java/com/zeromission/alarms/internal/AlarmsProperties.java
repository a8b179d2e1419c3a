package com.zeromission.alarms.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.zeromission.outbound.WebhookClient;

/**
 * Settings under {@code zeromission.alarms}.
 *
 * @param webhookUrl       where fire and clear events are POSTed; unset (the default) means no delivery and no outbox
 * @param webhookSecret    optional: when set, every delivery carries an HMAC-SHA256 of its body in
 *                         {@code Zeromission-Signature: sha256=<hex>}, so the receiver can tell it came from here
 * @param webhookTimeout   how long one delivery attempt may take
 * @param cron             when the daily evaluation runs (Spring cron, UTC); default 00:30, after the day closed
 * @param deliveryInterval how often the outbox is checked for due deliveries
 * @param scheduling       whether the daily evaluation, the delivery loop and the start-up catch-up run at all
 *                         (tests and one-shot commands switch them off)
 */
@ConfigurationProperties(prefix = "zeromission.alarms")
record AlarmsProperties(String webhookUrl, String webhookSecret, Duration webhookTimeout, String cron,
        Duration deliveryInterval, Boolean scheduling) {

    public static final String DEFAULT_CRON = "0 30 0 * * *";

    public AlarmsProperties {
        webhookUrl = WebhookClient.checkUrl("zeromission.alarms.webhook-url", webhookUrl);
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
        if (webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("zeromission.alarms.webhook-timeout must be positive, was " + webhookTimeout);
        }
        cron = cron == null || cron.isBlank() ? DEFAULT_CRON : cron.strip();
        deliveryInterval = deliveryInterval == null ? Duration.ofSeconds(30) : deliveryInterval;
        scheduling = scheduling == null ? Boolean.TRUE : scheduling;
    }

    public boolean webhookEnabled() {
        return webhookUrl != null;
    }
}
