package com.zeromission.callbacks.internal.web;

import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ProblemDetails;
import java.net.URI;
import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.cadence.Weeks;
import com.zeromission.callbacks.CallEntry;
import com.zeromission.callbacks.CallEntryNotFoundException;
import com.zeromission.callbacks.CallList;
import com.zeromission.callbacks.CallNoteRefusedException;
import com.zeromission.callbacks.CallOutcome;
import com.zeromission.callbacks.Callbacks;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightNotFoundException;
import com.zeromission.insights.InsightTransitionRefusedException;

/**
 * Call lists over HTTP. Building a week answers 201 with the list built now, or 200 with the list built before (a
 * week is built once); a bad week is a 400 naming it; an unknown entry or insight a 404; a note that cannot be
 * evidence (not reached, no notes, attached elsewhere, the insight delegated already) a 409 saying why.
 */
@RestController
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-callback-request", title = "Invalid call-back request")
@RequestMapping("/api/v1/callbacks")
class CallbackController {

    static final URI REFUSED = URI.create("https://zeromission.dev/problems/call-note-refused");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/not-found");

    private final Callbacks callbacks;

    CallbackController(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** {@code POST /api/v1/callbacks/lists?week=2026-11-23}: builds that week's list; by default last week's. */
    @PostMapping("/lists")
    ResponseEntity<CallList> build(@RequestParam(required = false) String week, Principal user) {
        var list = callbacks.build(week == null || week.isBlank() ? callbacks.lastWeek() : Weeks.parse(week), user.getName());
        return ResponseEntity.status(list.built() ? HttpStatus.CREATED : HttpStatus.OK).body(list);
    }

    /** {@code GET /api/v1/callbacks/lists/2026-11-23} (or {@code 2026-W48}): the week's list. */
    @GetMapping("/lists/{week}")
    CallList list(@PathVariable String week) {
        return callbacks.list(Weeks.parse(week));
    }

    record Outcome(String outcome, String notes) {
    }

    /** {@code POST /api/v1/callbacks/{entryId}/outcome {"outcome":"REACHED","notes":"..."}}. */
    @PostMapping("/{entryId}/outcome")
    CallEntry outcome(@PathVariable long entryId, @RequestBody Outcome body, Principal user) {
        if (body == null || body.outcome() == null) {
            throw new IllegalArgumentException("outcome is required: one of " + java.util.Arrays.toString(CallOutcome.values()));
        }
        return callbacks.record(entryId, CallOutcome.parse(body.outcome()), body.notes(), user.getName());
    }

    /** {@code POST /api/v1/callbacks/{entryId}/evidence?insight=42}: the reached call's note becomes evidence. */
    @PostMapping("/{entryId}/evidence")
    Insight evidence(@PathVariable long entryId, @RequestParam long insight, Principal user) {
        return callbacks.attachToInsight(entryId, insight, user.getName());
    }

    @ExceptionHandler({CallNoteRefusedException.class, InsightTransitionRefusedException.class})
    ProblemDetail refused(RuntimeException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, REFUSED, "Call note refused", e.getMessage());
    }

    @ExceptionHandler({CallEntryNotFoundException.class, InsightNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
    }
}
