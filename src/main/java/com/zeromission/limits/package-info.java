/**
 * Limits: rate limits and lockouts that hold across instances (counters in the shared database, {@link
 * com.zeromission.limits.RateLimits}), and the one place that says who the client is behind trusted proxies ({@link
 * com.zeromission.limits.ClientAddresses}). Used by the public feedback form and by sign-in (web edge).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Limits",
        allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package com.zeromission.limits;
