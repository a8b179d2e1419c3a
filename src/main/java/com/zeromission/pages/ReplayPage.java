package com.zeromission.pages;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One recorded session (docs/replay.md): the page shell that loads the player (/replay/zm-player.js) and mounts it on
 * the replay's events with its timeline beside it, starting at {@code ?t=} milliseconds when given (a link from an
 * insight's evidence). The page script fetches the replay's summary and events from the two addresses this page
 * names ({@code data-summary}, {@code data-events}) with the signed-in session; a 404 there is shown as "this replay
 * is gone" (expired after the retention period, or erased).
 */
@Controller
class ReplayPage {

    @GetMapping("/replays/{id}")
    String replay(@PathVariable UUID id, @RequestParam(name = "t", required = false) @Nullable Long startAt, Model model) {
        model.addAttribute("replayId", id.toString());
        model.addAttribute("startAt", startAt == null || startAt < 0 ? 0 : startAt);
        model.addAttribute("summaryUrl", "/replays/" + id + "/summary");
        model.addAttribute("eventsUrl", "/replays/" + id + "/events");
        return "pages/replay";
    }
}
