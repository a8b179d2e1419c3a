package com.zeromission.privacy;

/**
 * Keyed one-way functions over personal data (HMAC-SHA256 with the configured secret), so that the product can
 * recognise "the same customer" or "the same request" without ever storing what identifies a person.
 */
public interface Pseudonymizer {

    /** The pseudonym for a source system's customer identifier (trimmed; e-mail-like ids are lower-cased first). */
    CustomerKey customerKey(String customerId);

    /** A keyed fingerprint (64 hex characters) of some canonical content, used to compare requests for idempotency. */
    String fingerprint(String canonicalContent);
}
