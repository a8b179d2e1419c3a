/**
 * Kafka intake: signals and purchase counts arrive as versioned JSON messages and go through the same intake and
 * purchase services as the API. Offsets are committed only after the database commit; a message that can never
 * be stored (not JSON, unknown schema, invalid fields) goes to the dead-letter topic with the reason; the same
 * message twice is stored once (intake is idempotent on source and source id). Off unless
 * {@code zeromission.kafka.enabled=true}. The message schema is in docs/kafka.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kafka intake",
        allowedDependencies = {"intake", "metrics", "privacy"})
@org.jspecify.annotations.NullMarked
package com.zeromission.kafka;
