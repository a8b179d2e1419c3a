package com.zeromission.replay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.zeromission.intake.SignalId;

/**
 * What a replay is, without its events: when it started, how long it lasted (first to last event), how many events
 * and compressed bytes are stored, the pages it visited in order, its timeline and the signals that came with it.
 * Reading it is not watching the replay and is not audited; {@link Replays#events} is.
 */
public record ReplaySummary(ReplayId id, Instant startedAt, long durationMillis, long events, long storedBytes,
        List<String> pages, List<TimelineEntry> timeline, List<SignalId> signals) {

    public ReplaySummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        pages = List.copyOf(pages);
        timeline = List.copyOf(timeline);
        signals = List.copyOf(signals);
        if (durationMillis < 0 || events < 0 || storedBytes < 0) {
            throw new IllegalArgumentException("a replay's duration, events and bytes are >= 0, were " + durationMillis
                    + ", " + events + ", " + storedBytes);
        }
    }
}
