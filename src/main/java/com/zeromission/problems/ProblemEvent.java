package com.zeromission.problems;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** One recorded decision about a problem, automatic ({@code actor} "system") or by an analyst. */
public record ProblemEvent(long id, Kind kind, long problemId, Long otherId, String actor, Instant at, String detail,
        Long undoneBy) {

    public enum Kind {
        CREATED, AUTO_MERGE, MERGE, SPLIT, RENAME, PIN, UNPIN, RESOLVE, REOPEN, REGRESS, UNDO,
        /** The problem became a variant of a root cause ({@code otherId}), or stopped being one. */
        ROOT_CAUSE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean isMerge() {
            return this == AUTO_MERGE || this == MERGE;
        }
    }

    public ProblemEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
