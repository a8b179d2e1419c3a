package com.zeromission.demo.internal;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the demo seed and a few coordinates (day, market, ...). Every day and
 * every purchase cell gets its own stream, so a longer period only appends days and a day can be regenerated alone
 * (the loader tops up new days without replaying the old ones).
 */
final class Seeds {

    private Seeds() {
    }

    /** SplitMix64 finaliser: a strong 64-bit mix, so neighbouring coordinates give unrelated streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long combine(long seed, long... parts) {
        long h = mix(seed ^ 0x5DEECE66DL);
        for (long p : parts) {
            h = mix(h ^ mix(p + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    public static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(combine(seed, parts));
    }
}
