package com.zeromission.kafka.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka intake settings ({@code zeromission.kafka.*}); the broker address is Spring Boot's
 * {@code spring.kafka.bootstrap-servers}.
 *
 * @param enabled         consume at all (off by default: the embedded setup has no broker)
 * @param signalsTopic    signal messages, schema {@code signal/v1}
 * @param purchasesTopic  purchase-count messages, schema {@code purchases/v1}
 * @param deadLetterTopic where messages that can never be stored go, with the reason in a header
 * @param groupId         the consumer group: every instance of one deployment shares it
 * @param retryInterval   how long to wait before trying a batch again when storing it failed (database down)
 */
@ConfigurationProperties(prefix = "zeromission.kafka")
record KafkaIntakeProperties(boolean enabled, String signalsTopic, String purchasesTopic, String deadLetterTopic,
        String groupId, Duration retryInterval) {

    public KafkaIntakeProperties {
        signalsTopic = orDefault(signalsTopic, "zeromission.signals.v1");
        purchasesTopic = orDefault(purchasesTopic, "zeromission.purchases.v1");
        deadLetterTopic = orDefault(deadLetterTopic, "zeromission.dead-letter.v1");
        groupId = orDefault(groupId, "zeromission-intake");
        retryInterval = retryInterval == null ? Duration.ofSeconds(2) : retryInterval;
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("zeromission.kafka.retry-interval must be positive, was " + retryInterval);
        }
        if (signalsTopic.equals(deadLetterTopic) || purchasesTopic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException("zeromission.kafka.dead-letter-topic must differ from the input topics, was "
                    + deadLetterTopic);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
