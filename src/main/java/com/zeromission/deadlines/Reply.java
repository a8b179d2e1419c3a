package com.zeromission.deadlines;

import java.time.Instant;
import java.util.Objects;

import com.zeromission.intake.SignalId;

/** One reply to record: to which complaint, what kind, and when it was sent (replies are often recorded later). */
public record Reply(SignalId signal, ReplyKind kind, Instant at) {
    public Reply {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
