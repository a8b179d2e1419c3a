package com.zeromission.replay.internal.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.zeromission.intake.SignalId;
import com.zeromission.replay.ReplayId;
import com.zeromission.replay.ReplayNotFoundException;
import com.zeromission.replay.ReplaySummary;
import com.zeromission.replay.Replays;
import com.zeromission.replay.TimelineEntry;
import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ProblemDetails;

/**
 * Reading replays (analysts and admins): {@code GET /api/v1/replays/{id}} the summary with its timeline,
 * {@code GET /api/v1/replays/{id}/events} every stored event in order, for the player; the latter is recorded in the
 * audit trail as the replay being watched.
 */
@RestController
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-replay-request", title = "Invalid replay request")
class ReplayController {

    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/replay-not-found");

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryView(String kind, long atMillis, @Nullable String text, @Nullable Integer x, @Nullable Integer y) {
        static EntryView of(TimelineEntry e) {
            return new EntryView(e.kind().code(), e.atMillis(), e.text(), e.x(), e.y());
        }
    }

    record SummaryView(String id, Instant startedAt, long durationMillis, long events, long storedBytes,
            List<String> pages, List<EntryView> timeline, List<String> signals) {
        static SummaryView of(ReplaySummary s) {
            return new SummaryView(s.id().toString(), s.startedAt(), s.durationMillis(), s.events(), s.storedBytes(),
                    s.pages(), s.timeline().stream().map(EntryView::of).toList(),
                    s.signals().stream().map(SignalId::toString).toList());
        }
    }

    @GetMapping("/api/v1/replays/{id}")
    SummaryView summary(@PathVariable String id) {
        return SummaryView.of(replays.summary(ReplayId.parse(id)));
    }

    @GetMapping("/api/v1/replays/{id}/events")
    ResponseEntity<String> events(@PathVariable String id, Principal viewer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(replays.events(ReplayId.parse(id), viewer.getName()));
    }

    @ExceptionHandler(ReplayNotFoundException.class)
    ProblemDetail notFound(ReplayNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Replay not found", e.getMessage());
    }
}
