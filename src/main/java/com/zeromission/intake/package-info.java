/**
 * Intake: every channel of customer voice (REST, CSV files, later Kafka and the public form) goes through one
 * intake service that checks, masks, pseudonymises and stores signals exactly once per (source, source id).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake",
        allowedDependencies = {"audit", "privacy"})
@org.jspecify.annotations.NullMarked
package com.zeromission.intake;
