package com.zeromission.problems;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A problem's signal that came with a session replay: which signal, which replay (the replay module's id), when it was
 * received, in which market and through which channel (the enum's name, as stored).
 */
public record ReplayedSignal(UUID signalId, UUID replayId, Instant receivedAt, String market, String channel) {
    public ReplayedSignal {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(replayId, "replayId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
