package com.zeromission.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: the same settings always give byte-identical output.
 *
 * @param seed  the random seed; every day is generated from (seed, day) alone, so a longer period only adds days
 * @param from  the first day (inclusive)
 * @param to    the last day (inclusive)
 * @param scale volume multiplier for signals and purchases alike (1.0 is the default demo, about 120,000 signals
 *              over three years); complaints per million purchases do not depend on it
 */
public record DemoSettings(long seed, LocalDate from, LocalDate to, double scale) {

    public static final long DEFAULT_SEED = 20_180_040L;
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2024, 1, 1);
    /** Far beyond any benchmark need; guards against a typo producing an endless stream. */
    public static final double MAX_SCALE = 100_000;

    public DemoSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (from.getYear() < 2000 || to.getYear() > 2100) {
            throw new IllegalArgumentException("period must lie between 2000 and 2100, was " + from + " to " + to);
        }
        if (!(scale > 0) || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be > 0 and <= " + MAX_SCALE + ", was " + scale);
        }
    }

    /**
     * The default demo: from {@link #DEFAULT_FROM} through yesterday. Today is left out on purpose: its signals
     * would partly lie in the future (intake refuses those), and a partial day would make the output depend on the
     * time of day instead of the date alone.
     */
    public static DemoSettings defaults(Clock clock) {
        return new DemoSettings(DEFAULT_SEED, DEFAULT_FROM, LocalDate.now(clock).minusDays(1), 1.0);
    }

    public DemoSettings withSeed(long seed) {
        return new DemoSettings(seed, from, to, scale);
    }

    public DemoSettings withPeriod(LocalDate from, LocalDate to) {
        return new DemoSettings(seed, from, to, scale);
    }

    public DemoSettings withScale(double scale) {
        return new DemoSettings(seed, from, to, scale);
    }
}
