package com.zeromission.problems;

import java.time.Instant;
import java.util.Objects;

/**
 * A recurring problem. {@code label} is what to show: the analyst's name for it when there is one, else the label
 * chosen from its own texts (see {@code ProblemNamer}).
 */
public record Problem(long id, String label, String autoLabel, String customLabel, ProblemState state, boolean pinned,
        Long mergedInto, long signals, long complaints, Instant firstSeen, Instant lastSeen, Instant createdAt,
        Instant resolvedAt, Instant regressedAt) {

    public Problem {
        if (id <= 0) {
            throw new IllegalArgumentException("problem id must be positive, was " + id);
        }
        Objects.requireNonNull(autoLabel, "autoLabel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        label = customLabel != null ? customLabel : autoLabel;
    }
}
