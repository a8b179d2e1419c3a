package com.zeromission.problems;

import java.util.Locale;

/** Where a problem stands. A merged problem lives on only as a pointer to the one it was merged into. */
public enum ProblemState {
    OPEN, RESOLVED, REGRESSED, MERGED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProblemState parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown problem state '" + value + "'; one of open, resolved, regressed, merged");
        }
    }
}
