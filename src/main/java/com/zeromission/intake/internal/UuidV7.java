package com.zeromission.intake.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * RFC 9562 version-7 UUIDs: 48 bits of Unix milliseconds, then random bits. Time-ordered keys keep B-tree inserts
 * local (fast bulk import). They are identifiers, not secrets: access control guards the data, not the id.
 */
public final class UuidV7 {


    private UuidV7() {
    }

    public static UUID next(Clock clock) {
        long millis = clock.millis();
        long randA = ThreadLocalRandom.current().nextLong();
        long randB = ThreadLocalRandom.current().nextLong();
        long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
