package com.zeromission.cadence.internal.web;

import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ProblemDetails;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.Formation;
import com.zeromission.cadence.Squad;
import com.zeromission.cadence.SquadChange;
import com.zeromission.cadence.SquadClosedException;
import com.zeromission.cadence.SquadMembershipRequiredException;
import com.zeromission.cadence.SquadNotFoundException;
import com.zeromission.web.Callers;
import com.zeromission.web.MergePatch;

import tools.jackson.databind.JsonNode;
import com.zeromission.cadence.Weeks;
import com.zeromission.cadence.WeeklyReview;

/**
 * Squads and the weekly review over HTTP. Forming a week answers 201 with the squads it formed, or 200 with the
 * squads formed before (the week is formed once); a bad week is a 400 naming it; a closed squad is not changed (409).
 */
@RestController
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-squad-request", title = "Invalid squad request")
@RequestMapping("/api/v1")
class SquadController {

    static final URI CLOSED = URI.create("https://zeromission.dev/problems/squad-closed");
    static final URI NOT_A_MEMBER = URI.create("https://zeromission.dev/problems/squad-membership-required");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/not-found");

    private final Cadence cadence;
    private final tools.jackson.databind.json.JsonMapper json;

    SquadController(Cadence cadence, tools.jackson.databind.json.JsonMapper json) {
        this.cadence = cadence;
        this.json = json;
    }

    /** {@code POST /api/v1/squads/form?week=2026-11-30}: forms that week's squads from the week before's ranking. */
    @PostMapping("/squads/form")
    ResponseEntity<Formation> form(@RequestParam(required = false) String week, Principal user) {
        var formation = cadence.form(week == null ? cadence.thisWeek() : Weeks.parse(week), user.getName());
        return ResponseEntity.status(formation instanceof Formation.Formed ? HttpStatus.CREATED : HttpStatus.OK)
                .body(formation);
    }

    /**
     * {@code GET /api/v1/squads?week=2026-11-30}: the week's squads; without a week, every active squad. With
     * {@code team=mine} (or a team's name) instead: the active squads that team works in (a 400 with both).
     */
    @GetMapping("/squads")
    List<Squad> list(@RequestParam(required = false) String week, @RequestParam(required = false) String team,
            Principal user) {
        if (team != null && !team.isBlank()) {
            if (week != null && !week.isBlank()) {
                throw new IllegalArgumentException("ask for a week's squads or a team's active squads, not both (week="
                        + week + ", team=" + team + ")");
            }
            return cadence.squadsOf(team.strip(), user.getName());
        }
        return cadence.squads(week == null || week.isBlank() ? null : Weeks.parse(week));
    }

    @GetMapping("/squads/{id}")
    Squad get(@PathVariable long id) {
        return cadence.get(id);
    }

    /** {@code PUT /api/v1/squads/{id} {"lead":"anna","members":["lars"],"mandate":"...","due":"2026-12-14"}}. */
    @PutMapping("/squads/{id}")
    Squad update(@PathVariable long id, @RequestBody SquadChange body, Principal user) {
        return cadence.update(id, body, user.getName());
    }

    /**
     * {@code PATCH /api/v1/squads/{id}} with {@code application/merge-patch+json}, e.g. {@code {"lead":"lars"}}: the
     * members given replace the squad's, absent ones are kept; every part of a squad is required, so {@code null} is
     * refused naming it (RFC 7396 on a resource without optional members).
     */
    @PatchMapping(value = "/squads/{id}", consumes = MergePatch.MEDIA_TYPE)
    Squad patch(@PathVariable long id, @RequestBody JsonNode patch, Principal user) {
        return cadence.update(id, MergePatch.changes(json, patch, SquadChange.class), user.getName());
    }

    record Close(String outcome) {
    }

    /** {@code POST /api/v1/squads/{id}/close {"outcome":"fixed: invoices go out digitally"}}. */
    @PostMapping("/squads/{id}/close")
    Squad close(@PathVariable long id, @RequestBody(required = false) Close body, Principal user) {
        return cadence.close(id, body == null ? null : body.outcome(), user.getName(), Callers.limitedToOwnWork(user));
    }

    /** {@code GET /api/v1/weekly-review?week=2026-W48}: the review of that week; by default the last complete one. */
    @GetMapping("/weekly-review")
    WeeklyReview review(@RequestParam(required = false) String week) {
        return cadence.review(week == null || week.isBlank() ? cadence.lastWeek() : Weeks.parse(week));
    }

    @ExceptionHandler(SquadClosedException.class)
    ProblemDetail closed(SquadClosedException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, CLOSED, "Squad is closed", e.getMessage());
    }

    @ExceptionHandler(SquadMembershipRequiredException.class)
    ProblemDetail notAMember(SquadMembershipRequiredException e) {
        return ProblemDetails.of(HttpStatus.FORBIDDEN, NOT_A_MEMBER, "Not a member of this squad", e.getMessage());
    }

    @ExceptionHandler(SquadNotFoundException.class)
    ProblemDetail notFound(SquadNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
    }
}
