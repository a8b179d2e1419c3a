package com.zeromission.replay;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One moment of a replay's timeline, {@code atMillis} after its first event: a page change (its address, without
 * query or fragment), a click (where), a rage click (3 or more clicks within 1 s within 30 px of each other: one entry
 * at the first, {@code text} says how many) or an error message shown to the customer (its masked text).
 */
public record TimelineEntry(Kind kind, long atMillis, @Nullable String text, @Nullable Integer x, @Nullable Integer y) {

    public enum Kind {
        PAGE("page"), CLICK("click"), RAGE_CLICK("rage-click"), ERROR("error");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The name in the JSON API ({@code page}, {@code click}, {@code rage-click}, {@code error}). */
        public String code() {
            return code;
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(kind, "kind");
        if (atMillis < 0) {
            throw new IllegalArgumentException("a timeline entry's atMillis must be >= 0, was " + atMillis);
        }
    }
}
