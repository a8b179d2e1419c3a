package com.zeromission.pages;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.zeromission.replay.ReplayId;
import com.zeromission.replay.ReplayNotFoundException;
import com.zeromission.replay.ReplayView;
import com.zeromission.replay.Replays;

/**
 * One recorded session (docs/replay.md): the page shell that loads the player (/replay/zm-player.js) and mounts it on
 * the replay's events with its timeline beside it, starting at {@code ?t=} milliseconds when given (a link from an
 * insight's evidence). The page script fetches the replay's summary and events from the two addresses this page
 * names ({@code data-summary}, {@code data-events}) with the signed-in session — the API's own addresses take HTTP
 * Basic or a token, not the page's session; a 404 there is shown as "this replay is gone" (expired after the
 * retention period, or erased). Fetching the events is watching the replay: the audit trail records who.
 */
@Controller
class ReplayPage {

    private final Replays replays;

    ReplayPage(Replays replays) {
        this.replays = replays;
    }

    @GetMapping("/replays/{id}")
    String replay(@PathVariable UUID id, @RequestParam(name = "t", required = false) @Nullable Long startAt, Model model) {
        model.addAttribute("replayId", id.toString());
        model.addAttribute("startAt", startAt == null || startAt < 0 ? 0 : startAt);
        model.addAttribute("summaryUrl", "/replays/" + id + "/summary");
        model.addAttribute("eventsUrl", "/replays/" + id + "/events");
        return "pages/replay";
    }

    @GetMapping(value = "/replays/{id}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ReplayView summary(@PathVariable UUID id) {
        return ReplayView.of(replays.summary(new ReplayId(id)));
    }

    @GetMapping(value = "/replays/{id}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> events(@PathVariable UUID id, Principal viewer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(replays.events(new ReplayId(id), viewer.getName()));
    }

    @ExceptionHandler(ReplayNotFoundException.class)
    ResponseEntity<Map<String, Object>> gone(ReplayNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("status", 404, "title", "Replay not found", "detail", e.getMessage()));
    }
}
