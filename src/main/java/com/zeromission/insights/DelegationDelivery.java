package com.zeromission.insights;

import java.time.Instant;

/**
 * One delivery of an insight's delegation event to the owner team's tracker, as the API shows it: its idempotency
 * key and type, how many attempts it took so far, when the next is due or when it arrived, and the last error.
 */
public record DelegationDelivery(String eventKey, String eventType, int attempts, Instant nextAttemptAt,
        Instant deliveredAt, String lastError, Instant createdAt) {
}
