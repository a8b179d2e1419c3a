package com.zeromission.problems;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identity of a problem: a positive whole number, as stored and as written in URLs and JSON (a plain number there).
 * Its own type so a problem id cannot be passed where an insight id or a count is meant.
 */
public record ProblemId(long value) implements Comparable<ProblemId> {

    public ProblemId {
        if (value <= 0) {
            throw new IllegalArgumentException("a problem id is a positive whole number, not " + value);
        }
    }

    /** The id with this number; JSON reads a problem id from a plain number through here. */
    @JsonCreator
    public static ProblemId of(long value) {
        return new ProblemId(value);
    }

    /**
     * The id to look a problem up by, for a number from outside (a URL, a form, a request body): a number that cannot
     * be an id (0, -3) is answered as an unknown one ({@link ProblemNotFoundException}), as before ids were typed.
     */
    public static ProblemId lookup(long value) {
        if (value <= 0) {
            throw new ProblemNotFoundException(value);
        }
        return new ProblemId(value);
    }

    /** The number, as JSON writes it. */
    @JsonValue
    @Override
    public long value() {
        return value;
    }

    @Override
    public int compareTo(ProblemId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
