/**
 * Outbound: one HTTP client for webhooks, shared by every module that tells another system about something
 * (alarms, delegated insights): a POST with an idempotency key, an optional HMAC signature, no redirects.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outbound",
        allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package com.zeromission.outbound;
