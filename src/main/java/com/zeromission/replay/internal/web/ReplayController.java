package com.zeromission.replay.internal.web;

import java.net.URI;
import java.security.Principal;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.replay.ReplayId;
import com.zeromission.replay.ReplayNotFoundException;
import com.zeromission.replay.ReplayView;
import com.zeromission.replay.Replays;
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

    @GetMapping("/api/v1/replays/{id}")
    ReplayView summary(@PathVariable String id) {
        return ReplayView.of(replays.summary(ReplayId.parse(id)));
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
