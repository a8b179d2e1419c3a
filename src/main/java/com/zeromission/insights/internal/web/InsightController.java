package com.zeromission.insights.internal.web;

import java.net.URI;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

import com.zeromission.insights.Attachment;
import com.zeromission.insights.AttachmentNotFoundException;
import com.zeromission.insights.DelegationRefusedException;
import com.zeromission.insights.EvidenceWouldBeLostException;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightNotFoundException;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.InsightTransitionRefusedException;
import com.zeromission.insights.Insights;
import com.zeromission.insights.OccurrencesOverrideWithoutReasonException;
import com.zeromission.insights.OrganisationReport;
import com.zeromission.insights.OwnerTeamMembershipRequiredException;
import com.zeromission.insights.Ranking;
import com.zeromission.insights.ReplayMomentRefusedException;
import com.zeromission.insights.Team;
import com.zeromission.outbound.WebhookOutbox;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.web.Callers;
import com.zeromission.web.InvalidRequests;
import com.zeromission.web.MergePatch;

import tools.jackson.databind.JsonNode;

/**
 * Insights and teams over HTTP. A refused delegation is a 409 whose {@code missing} lists every element of the quality
 * gate that failed and why; a step the workflow does not allow is a 409 too; bad input is a 400 naming the value.
 */
@RestController
@InvalidRequests(type = "https://zeromission.dev/problems/invalid-insight", title = "Invalid insight request")
@RequestMapping("/api/v1")
class InsightController {

    static final URI NOT_ACTIONABLE = URI.create("https://zeromission.dev/problems/insight-not-actionable");
    static final URI REFUSED = URI.create("https://zeromission.dev/problems/insight-transition-refused");
    static final URI INVALID = URI.create("https://zeromission.dev/problems/invalid-insight");
    static final URI NOT_FOUND = URI.create("https://zeromission.dev/problems/not-found");
    static final URI NOT_IN_OWNER_TEAM = URI.create("https://zeromission.dev/problems/owner-team-membership-required");

    static final URI EVIDENCE_WOULD_BE_LOST = URI.create("https://zeromission.dev/problems/evidence-would-be-lost");
    static final URI REASON_REQUIRED = URI.create("https://zeromission.dev/problems/occurrences-reason-required");
    static final URI REPLAY_MOMENT_REFUSED = URI.create("https://zeromission.dev/problems/replay-moment-refused");

    private final Insights insights;
    private final TextMasker masker;
    private final tools.jackson.databind.json.JsonMapper json;

    InsightController(Insights insights, TextMasker masker, tools.jackson.databind.json.JsonMapper json) {
        this.insights = insights;
        this.masker = masker;
        this.json = json;
    }

    @GetMapping("/teams")
    List<Team> teams() {
        return insights.teams();
    }

    /** {@code PUT /api/v1/teams/{name} {"area":"payments","members":["anna","lars"]}}: creates or replaces a team. */
    record TeamBody(String area, List<String> members) {
    }

    @PutMapping("/teams/{name}")
    ResponseEntity<Team> saveTeam(@PathVariable String name, @RequestBody TeamBody body) {
        var team = new Team(name, body == null ? null : body.area(), body == null ? List.of() : body.members());
        boolean created = insights.saveTeam(team);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(team);
    }

    /**
     * {@code PATCH /api/v1/teams/{name}} with {@code application/merge-patch+json}, e.g. {@code {"area":"risk"}}: the
     * members given replace the team's, {@code "area":null} removes the area, the rest is kept (RFC 7396).
     */
    @PatchMapping(value = "/teams/{name}", consumes = MergePatch.MEDIA_TYPE)
    Team patchTeam(@PathVariable String name, @RequestBody JsonNode patch) {
        var current = insights.team(name).orElseThrow(() -> new TeamNotFoundException(masker.mask(name).text()));
        var merged = MergePatch.merge(json.valueToTree(current), MergePatch.object(patch));
        if (merged.has("name") && !name.equals(merged.get("name").asString(""))) {
            throw new IllegalArgumentException("name: a team is renamed by creating the new one, not by a patch");
        }
        var team = MergePatch.read(json, merged, Team.class);
        insights.saveTeam(team);
        return team;
    }

    /** {@code POST /api/v1/teams/imports} with a {@code text/csv} body {@code team,area,person}: all or nothing. */
    @PostMapping(value = "/teams/imports", consumes = "text/csv")
    List<Team> importTeams(@RequestBody String csv) {
        return insights.importTeams(csv);
    }

    /** {@code GET /api/v1/me}: who is calling, with their roles and the teams the team directory lists them in. */
    record Me(String user, List<String> roles, List<Team> teams) {
    }

    @GetMapping("/me")
    Me me(Principal user) {
        return new Me(user.getName(), Callers.roles(user), insights.teamsOf(user.getName()));
    }

    /**
     * {@code GET /api/v1/insights?state=delegated,in-progress&team=mine}: {@code team} is a team's name, or
     * {@code mine} for the caller's teams (none: an empty list); an unknown team is a 400 naming it.
     */
    @GetMapping("/insights")
    List<Insight> list(@RequestParam(required = false) String state, @RequestParam(required = false) String team,
            Principal user) {
        Set<InsightState> states = EnumSet.noneOf(InsightState.class);
        if (state != null && !state.isBlank()) {
            for (String s : state.split(",")) {
                states.add(InsightState.parse(s));
            }
        }
        if (team == null || team.isBlank()) {
            return insights.list(states);
        }
        var teams = team.strip().equals(MINE) ? insights.teamsOf(user.getName()).stream().map(Team::name).toList()
                : List.of(team.strip());
        return insights.ownedBy(teams, states);
    }

    /** The {@code team} filter's word for "the caller's teams" (no team may have this name, see {@link Team}). */
    static final String MINE = Team.MINE;

    /** {@code GET /api/v1/insights/ranked?scoring=value|rice}: open insights, best first, each with its score's parts. */
    @GetMapping("/insights/ranked")
    List<Ranking.Ranked> ranked(@RequestParam(defaultValue = "value") String scoring) {
        return insights.ranked(Ranking.Scoring.parse(scoring));
    }

    /** {@code GET /api/v1/insights/frequency?problemIds=12,40}: the problems' complaints in the last 52 weeks. */
    @GetMapping("/insights/frequency")
    Insights.Frequency frequency(@RequestParam List<Long> problemIds) {
        return insights.frequency(problemIds);
    }

    /**
     * {@code GET /api/v1/insights/impact-defaults?problems=12,40}: the measured defaults the insight form starts from
     * (occurrences a year from the last 52 weeks' complaints, probability and frequency from the last 12 weeks).
     */
    @GetMapping("/insights/impact-defaults")
    Insights.ImpactDefaults impactDefaults(@RequestParam List<Long> problems) {
        return insights.impactDefaults(problems);
    }

    @GetMapping("/insights/{id}")
    Insight get(@PathVariable long id) {
        return insights.get(InsightId.lookup(id));
    }

    @PostMapping("/insights")
    ResponseEntity<Insight> create(@RequestBody InsightContent body, Principal user) {
        var insight = insights.create(body, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/insights/" + insight.id())).body(insight);
    }

    /** Replaces the whole content; one that leaves out evidence the insight has is a 409 naming it (use PATCH). */
    @PutMapping("/insights/{id}")
    Insight update(@PathVariable long id, @RequestBody InsightContent body, Principal user) {
        return insights.replace(InsightId.lookup(id), body, user.getName());
    }

    /**
     * {@code PATCH /api/v1/insights/{id}} with {@code application/merge-patch+json} (RFC 7396), e.g.
     * {@code {"title":"..."}}: members present replace, {@code null} removes an optional one, absent members are
     * kept; the merged content is checked like a PUT's. Any other content type is a 415.
     */
    @PatchMapping(value = "/insights/{id}", consumes = MergePatch.MEDIA_TYPE)
    Insight patch(@PathVariable long id, @RequestBody JsonNode patch, Principal user) {
        var changes = MergePatch.object(patch);
        return insights.patch(InsightId.lookup(id), current -> MergePatch.apply(json, current, changes, InsightContent.class), user.getName());
    }

    @PostMapping("/insights/{id}/delegate")
    Insight delegate(@PathVariable long id, Principal user) {
        return insights.delegate(InsightId.lookup(id), user.getName());
    }

    /**
     * {@code POST /api/v1/insights/{id}/attachments?fileName=checkout.png} with the image as the body (image/png,
     * image/jpeg, image/webp or image/gif, at most 5 MB): checked by content, stored under a generated name
     * ({@code screenshot-3f2a9c1e.png}; the client's name is not kept), added to the evidence.
     */
    @PostMapping(value = "/insights/{id}/attachments", consumes = {"image/png", "image/jpeg", "image/webp", "image/gif",
            "application/octet-stream"})
    ResponseEntity<Insight> attach(@PathVariable long id, @RequestParam(required = false) String fileName,
            @RequestBody byte[] body, @org.springframework.web.bind.annotation.RequestHeader(
                    value = "Content-Type", required = false) String contentType, Principal user) {
        var insight = insights.attach(InsightId.lookup(id), new Attachment(fileName, contentType, body), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(insight);
    }

    /**
     * Serves a screenshot back safely: the stored (sniffed) type, {@code nosniff}, as a download, and a sandboxing
     * content security policy, so an image can never run as a page in the product's origin.
     */
    @GetMapping("/insights/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable String attachmentId) {
        var a = insights.attachment(InsightId.lookup(id), attachmentId);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(a.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(a.fileName()).build().toString())
                .body(a.data());
    }

    /** {@code GET /api/v1/insights/{id}/deliveries}: the delegation events sent to the owner's tracker, with outcomes. */
    @GetMapping("/insights/{id}/deliveries")
    List<WebhookOutbox.Delivery> deliveries(@PathVariable long id) {
        return insights.deliveries(InsightId.lookup(id));
    }

    /** {@code POST /api/v1/insights/{id}/measure}: did the fix work? Verifies, regresses, or says why not yet. */
    @PostMapping("/insights/{id}/measure")
    Insights.Measurement measure(@PathVariable long id, Principal user) {
        return insights.measure(InsightId.lookup(id), user.getName());
    }

    /** {@code GET /api/v1/insights/organisation?maxTeams=3&maxApprovals=2}: where the structure gets in the way. */
    @GetMapping("/insights/organisation")
    OrganisationReport organisation(@RequestParam(defaultValue = "3") int maxTeams,
            @RequestParam(defaultValue = "2") int maxApprovals) {
        return OrganisationReport.of(insights.list(EnumSet.noneOf(InsightState.class)), insights.teams(), maxTeams, maxApprovals);
    }

    record Move(String to, String note) {
    }

    /** {@code POST /api/v1/insights/{id}/transitions {"to":"in-progress","note":"..."}}. */
    @PostMapping("/insights/{id}/transitions")
    Insight move(@PathVariable long id, @RequestBody Move body, Principal user) {
        if (body == null || body.to() == null) {
            throw new IllegalArgumentException("to is required: one of draft, actionable, in-progress, resolved");
        }
        return insights.move(InsightId.lookup(id), InsightState.parse(body.to()), user.getName(), body.note(),
                // a team member who is not also an analyst moves only their own team's insights
                Callers.limitedToOwnWork(user));
    }

    /** No team of that name (a patch changes a team; a PUT creates one). */
    static final class TeamNotFoundException extends RuntimeException {
        TeamNotFoundException(String name) {
            super("no team named '" + name + "'; create it with PUT /api/v1/teams/{name}");
        }
    }

    @ExceptionHandler(DelegationRefusedException.class)
    ProblemDetail notActionable(DelegationRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, masker.mask(e.getMessage()).text());
        problem.setType(NOT_ACTIONABLE);
        problem.setTitle("Insight is not actionable yet");
        problem.setProperty("missing", e.missing().stream()
                .map(c -> java.util.Map.of("element", c.element().code(), "reason", masker.mask(c.reason()).text())).toList());
        return problem;
    }

    @ExceptionHandler(EvidenceWouldBeLostException.class)
    ProblemDetail evidenceWouldBeLost(EvidenceWouldBeLostException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, masker.mask(e.getMessage()).text());
        problem.setType(EVIDENCE_WOULD_BE_LOST);
        problem.setTitle("The replacement would drop evidence");
        problem.setProperty("lost", e.lost().stream().map(l -> masker.mask(l).text()).toList());
        return problem;
    }

    /** A well-formed moment of a replay that is not stored, or past its end: the request was understood, the evidence is not there. */
    @ExceptionHandler(ReplayMomentRefusedException.class)
    ProblemDetail replayMomentRefused(ReplayMomentRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(REPLAY_MOMENT_REFUSED);
        problem.setTitle("The replay moment cannot be evidence");
        problem.setProperty("replayId", e.moment().replayId());
        problem.setProperty("atMillis", e.moment().atMillis());
        return problem;
    }

    @ExceptionHandler(OccurrencesOverrideWithoutReasonException.class)
    ProblemDetail reasonRequired(OccurrencesOverrideWithoutReasonException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(REASON_REQUIRED);
        problem.setTitle("A reason is required to override the measured occurrences");
        problem.setProperty("field", OccurrencesOverrideWithoutReasonException.FIELD);
        return problem;
    }

    @ExceptionHandler(OwnerTeamMembershipRequiredException.class)
    ProblemDetail notInOwnerTeam(OwnerTeamMembershipRequiredException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(NOT_IN_OWNER_TEAM);
        problem.setTitle("Not a member of the insight's owner team");
        return problem;
    }

    @ExceptionHandler(InsightTransitionRefusedException.class)
    ProblemDetail refused(InsightTransitionRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(REFUSED);
        problem.setTitle("Workflow step refused");
        return problem;
    }

    @ExceptionHandler(org.springframework.beans.TypeMismatchException.class)
    ProblemDetail typeMismatch(org.springframework.beans.TypeMismatchException e) {
        String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : String.valueOf(e.getPropertyName());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameter '" + name
                + "' must be a whole number, was '" + masker.mask(String.valueOf(e.getValue())).text() + "'");
        problem.setType(INVALID);
        problem.setTitle("Invalid insight request");
        return problem;
    }

    @ExceptionHandler({InsightNotFoundException.class, ProblemNotFoundException.class,
            AttachmentNotFoundException.class, TeamNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }
}
