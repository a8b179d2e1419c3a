package com.zeromission.problems;

import java.time.Instant;
import java.util.Objects;

/**
 * A recurring problem. {@code label} is what to show: the analyst's name for it when there is one, else the label
 * chosen from its own texts (see {@code ProblemNamer}).
 *
 * <p>{@code rootId}: the root cause this problem is a variant of (one of its phrasings or languages), or null when
 * the problem is a root cause itself. A root cause's {@code signals}, {@code complaints}, {@code firstSeen} and
 * {@code lastSeen} include its variants' where the problems module answers with a root cause ({@link
 * Problems#get}, {@link Problems#list}, the weekly top list).
 */
public record Problem(long id, String label, String autoLabel, String customLabel, ProblemState state, boolean pinned,
        Long mergedInto, long signals, long complaints, Instant firstSeen, Instant lastSeen, Instant createdAt,
        Instant resolvedAt, Instant regressedAt, Long rootId) {

    /** A problem that is a root cause of its own (no variant of another). */
    public Problem(long id, String label, String autoLabel, String customLabel, ProblemState state, boolean pinned,
            Long mergedInto, long signals, long complaints, Instant firstSeen, Instant lastSeen, Instant createdAt,
            Instant resolvedAt, Instant regressedAt) {
        this(id, label, autoLabel, customLabel, state, pinned, mergedInto, signals, complaints, firstSeen, lastSeen,
                createdAt, resolvedAt, regressedAt, null);
    }

    /** True when this problem is a root cause (possibly with variants), not a variant of another. */
    public boolean isRootCause() {
        return rootId == null;
    }

    /** The same problem with these totals (a root cause's own counts plus its variants'). */
    public Problem withTotals(long signals, long complaints, Instant firstSeen, Instant lastSeen) {
        return new Problem(id, label, autoLabel, customLabel, state, pinned, mergedInto, signals, complaints, firstSeen,
                lastSeen, createdAt, resolvedAt, regressedAt, rootId);
    }

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
