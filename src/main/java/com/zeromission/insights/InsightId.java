package com.zeromission.insights;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identity of an insight: a positive whole number, as stored and as written in URLs and JSON (a plain number there).
 * Its own type so an insight id cannot be passed where a problem id or a count is meant.
 */
public record InsightId(long value) implements Comparable<InsightId> {

    public InsightId {
        if (value <= 0) {
            throw new IllegalArgumentException("an insight id is a positive whole number, not " + value);
        }
    }

    /** The id with this number; JSON reads an insight id from a plain number through here. */
    @JsonCreator
    public static InsightId of(long value) {
        return new InsightId(value);
    }

    /**
     * The id to look an insight up by, for a number from outside (a URL, a form, a request body): a number that cannot
     * be an id (0, -3) is answered as an unknown one ({@link InsightNotFoundException}), as before ids were typed.
     */
    public static InsightId lookup(long value) {
        if (value <= 0) {
            throw new InsightNotFoundException(value);
        }
        return new InsightId(value);
    }

    /** The number, as JSON writes it. */
    @JsonValue
    @Override
    public long value() {
        return value;
    }

    @Override
    public int compareTo(InsightId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
