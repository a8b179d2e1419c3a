package com.zeromission.leaps.internal.web;

import com.zeromission.web.InvalidRequests;
import com.zeromission.web.ProblemDetails;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.leaps.ActionPlan;
import com.zeromission.leaps.Leap;
import com.zeromission.leaps.LeapChange;
import com.zeromission.leaps.LeapDraft;
import com.zeromission.leaps.LeapMembershipRequiredException;
import com.zeromission.leaps.LeapNotFoundException;
import com.zeromission.web.Callers;
import com.zeromission.web.MergePatch;

import tools.jackson.databind.JsonNode;
import com.zeromission.leaps.LeapRefusedException;
import com.zeromission.leaps.Leaps;
import com.zeromission.leaps.LogEntry;
import com.zeromission.leaps.LogKind;
import com.zeromission.leaps.NewRecommendation;
import com.zeromission.leaps.Recommendation;

/**
 * Leaps over HTTP. Bad values are a 400 naming them; a leap not in a state for the request (closing without
 * recommendations, a log entry outside its dates, a change to a closed one) is a 409 saying why; unknown is 404.
 */
@RestController
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-leap-request", title = "Invalid leap request")
@RequestMapping("/api/v1/leaps")
class LeapController {

    static final URI REFUSED = URI.create("https://zeromission.dev/problems/leap-refused");
    static final URI NOT_A_MEMBER = URI.create("https://zeromission.dev/problems/leap-membership-required");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/not-found");

    private final Leaps leaps;
    private final tools.jackson.databind.json.JsonMapper json;

    LeapController(Leaps leaps, tools.jackson.databind.json.JsonMapper json) {
        this.leaps = leaps;
        this.json = json;
    }

    @GetMapping
    List<Leap> list() {
        return leaps.list();
    }

    @GetMapping("/{id}")
    Leap get(@PathVariable long id) {
        return leaps.get(id);
    }

    /** {@code POST /api/v1/leaps {"name":..,"mandate":..,"start":"2026-11-02","end":"2027-01-25","members":[{"user":"anna","team":"invoicing"}],"problemIds":[12]}}. */
    @PostMapping
    ResponseEntity<Leap> create(@RequestBody LeapDraft body, Principal user) {
        var leap = leaps.create(body, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/leaps/" + leap.id())).body(leap);
    }

    /** {@code PUT /api/v1/leaps/{id}}: the parts given; {@code "state":"CLOSED"} closes it. */
    @PutMapping("/{id}")
    Leap update(@PathVariable long id, @RequestBody LeapChange body, Principal user) {
        return leaps.update(id, body, user.getName());
    }

    /**
     * {@code PATCH /api/v1/leaps/{id}} with {@code application/merge-patch+json}, e.g. {@code {"end":"2027-02-01"}}:
     * the members given replace the leap's, absent ones are kept; every part of a leap is required, so {@code null}
     * is refused naming it (RFC 7396 on a resource without optional members).
     */
    @PatchMapping(value = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    Leap patch(@PathVariable long id, @RequestBody JsonNode patch, Principal user) {
        return leaps.update(id, MergePatch.changes(json, patch, LeapChange.class), user.getName());
    }

    record NewEntry(String kind, LocalDate date, String text) {
    }

    /** {@code POST /api/v1/leaps/{id}/log {"kind":"standup","text":"..."}}; {@code date} defaults to today. */
    @PostMapping("/{id}/log")
    ResponseEntity<LogEntry> log(@PathVariable long id, @RequestBody NewEntry body, Principal user) {
        var entry = leaps.log(id, LogKind.parse(body.kind()), body.date(), body.text(), user.getName(),
                Callers.limitedToOwnWork(user));
        return ResponseEntity.status(HttpStatus.CREATED).body(entry);
    }

    /** {@code POST /api/v1/leaps/{id}/recommendations {"title":..,"text":..,"ownerTeam":"invoicing"}}: creates the insight. */
    @PostMapping("/{id}/recommendations")
    ResponseEntity<Recommendation> recommend(@PathVariable long id, @RequestBody NewRecommendation body, Principal user) {
        var r = leaps.recommend(id, body, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/insights/" + r.insightId())).body(r);
    }

    @GetMapping("/{id}/action-plan")
    ActionPlan actionPlan(@PathVariable long id) {
        return leaps.actionPlan(id);
    }

    @ExceptionHandler(LeapRefusedException.class)
    ProblemDetail refused(LeapRefusedException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, REFUSED, "Refused", e.getMessage());
    }

    @ExceptionHandler(LeapMembershipRequiredException.class)
    ProblemDetail notAMember(LeapMembershipRequiredException e) {
        return ProblemDetails.of(HttpStatus.FORBIDDEN, NOT_A_MEMBER, "Not a member of this leap", e.getMessage());
    }

    @ExceptionHandler(LeapNotFoundException.class)
    ProblemDetail notFound(LeapNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
    }
}
