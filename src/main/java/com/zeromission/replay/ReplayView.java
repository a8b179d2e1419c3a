package com.zeromission.replay;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.zeromission.intake.SignalId;

/**
 * A replay's summary as JSON, the same for the API ({@code GET /api/v1/replays/{id}}) and the player page
 * ({@code GET /replays/{id}/summary}): ids as strings, timeline kinds by their codes ({@code rage-click}).
 */
public record ReplayView(String id, Instant startedAt, long durationMillis, long events, long storedBytes,
        List<String> pages, List<Entry> timeline, List<String> signals) {

    public ReplayView {
        pages = List.copyOf(pages);
        timeline = List.copyOf(timeline);
        signals = List.copyOf(signals);
    }

    /** One timeline entry; fields a kind does not have are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String kind, long atMillis, @Nullable String text, @Nullable Integer x, @Nullable Integer y) {
        static Entry of(TimelineEntry e) {
            return new Entry(e.kind().code(), e.atMillis(), e.text(), e.x(), e.y());
        }
    }

    public static ReplayView of(ReplaySummary s) {
        return new ReplayView(s.id().toString(), s.startedAt(), s.durationMillis(), s.events(), s.storedBytes(), s.pages(),
                s.timeline().stream().map(Entry::of).toList(), s.signals().stream().map(SignalId::toString).toList());
    }
}
