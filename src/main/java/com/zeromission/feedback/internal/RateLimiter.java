package com.zeromission.feedback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} submissions per client in a fixed window. In memory, per instance: a public form needs a brake
 * against floods, not an exact global quota. The map is swept of expired windows as it grows, so it stays bounded by
 * the clients of one window.
 */
final class RateLimiter {

    /** The answer: allowed, or refused with how long until the window ends. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private record Window(Instant start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs limit >= 1 and a positive window, was " + limit + " per " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    Decision tryAcquire(String client) {
        Instant now = clock.instant();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        Window w = windows.compute(client, (k, old) -> old == null || !old.start().plus(window).isAfter(now)
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        if (w.count() <= limit) {
            return new Decision(true, 0);
        }
        long seconds = Math.max(1, Duration.between(now, w.start().plus(window)).toSeconds());
        return new Decision(false, seconds);
    }
}
