package com.zeromission.pages;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.zeromission.cadence.Cadence;
import com.zeromission.callbacks.CallNoteRefusedException;
import com.zeromission.callbacks.Callbacks;
import com.zeromission.insights.Attachment;
import com.zeromission.insights.DelegationRefusedException;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.InsightTransitionRefusedException;
import com.zeromission.insights.Insights;
import com.zeromission.insights.OccurrencesOverrideWithoutReasonException;
import com.zeromission.insights.QualityGate;
import com.zeromission.insights.Ranking;
import com.zeromission.insights.ReplayMomentRefusedException;
import com.zeromission.insights.Team;
import com.zeromission.privacy.TextMasker;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.Problems;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The success team's core loop in the browser. The board: compact cards in a column per workflow state (the gate
 * folded into one line once complete), filtered by owner team and state, each card with a select of its next steps
 * (the keyboard and no-script way; the board's script adds drag and drop on top of it), and the ranked list. The
 * new-insight form, opened from a problem, a search hit, a squad or a call-back and prefilled from it, with every
 * element of the quality gate and its checklist (the server's gate is the authority: the script asks
 * {@code POST /insights/gate} and only shows the answer). One insight's page: its content, checklist, history and
 * effect measurement; for analysts the edit form, the screenshot upload, delegation and measuring; for team members
 * the workflow's next steps. Bad form input is shown beside its field on the same page, as typed (a 400); every
 * other post redirects back with a message, a refusal naming what is missing.
 */
@Controller
class InsightPages {

    /** Steps no move button offers: delegation has its own button (it goes through the gate); verified and regressed
     *  are decided by the effect measurement, never by hand. */
    static final Set<InsightState> NOT_BY_HAND = EnumSet.of(InsightState.DELEGATED, InsightState.VERIFIED,
            InsightState.REGRESSED);
    static final int MAX_NOTE = 500;
    /** A board card's names of the missing gate elements: short, so that the list fits on a line or two. */
    static final Map<String, String> SHORT = Map.of("evidence", "evidence", "problem-definition", "definition",
            "proposed-solution", "solution", "financial-impact", "impact", "effort", "effort", "owner-team", "owner team",
            "responsible-person", "person");
    private static final TextMasker MASKER = TextMasker.standard();

    private final Insights insights;
    private final Problems problems;
    private final Cadence cadence;
    private final Callbacks callbacks;
    private final QualityGate gate;

    InsightPages(Insights insights, Problems problems, Cadence cadence,
            Callbacks callbacks) {
        this.insights = insights;
        this.problems = problems;
        this.cadence = cadence;
        this.callbacks = callbacks;
        this.gate = new QualityGate(insights);
    }

    /** One column of the board. */
    public record Column(String code, String label, List<Card> cards) {
    }

    /** One line of the history, ready to show. {@code refused}: a refused delegation or step (the state stayed). */
    public record Step(Instant at, String actor, String from, String to, String note, boolean refused) {
    }

    /** A step a button offers. */
    public record Move(String code, String label) {
    }

    /**
     * One piece of evidence to show: a replay link (with its URL), a moment of one of the product's own replays (the
     * player's address in this application, {@code local}), a stored screenshot (name and size) or a call note.
     */
    public record EvidenceRow(String text, String url, boolean local) {
        EvidenceRow(String text, String url) {
            this(text, url, false);
        }

        static EvidenceRow of(Evidence e) {
            return switch (e) {
                case Evidence.ReplayLink r -> new EvidenceRow("session replay: " + r.uri(), r.uri().toString());
                // the time as m:ss (the player shows it so); the id's first part tells two replays apart
                case Evidence.ReplayMoment m -> new EvidenceRow("replay " + m.replayId().substring(0, 8) + " at "
                        + m.time().replaceAll("\\.\\d+$", ""), m.playerPath(), true);
                case Evidence.Screenshot s -> new EvidenceRow("screenshot: " + s.fileName() + " ("
                        + Math.max(1, Math.round(s.bytes() / 1024.0)) + " KB)", null);
                case Evidence.CallNote n -> new EvidenceRow("call-back " + n.callId() + " by "
                        + n.agent() + " on " + n.calledAt().toString().substring(0, 10) + ": " + n.note(), null);
            };
        }
    }

    /** What a refusal says is missing, masked like every echoed value. */
    public record Missing(String element, String reason) {
    }

    /** A card of the board: the insight, and the steps its select offers (forward only: a step back needs a note). */
    public record Card(Insight insight, List<Move> moves) {
    }

    @GetMapping("/insights")
    String board(@RequestParam(defaultValue = "value") String scoring, @RequestParam(required = false) String team,
            @RequestParam(required = false) String state, Model model, org.springframework.security.core.Authentication user) {
        var chosen = Ranking.Scoring.parse(scoring);
        InsightState only = state == null || state.isBlank() ? null : InsightState.parse(state); // unknown: a 400 naming it
        String ownerTeam = team == null || team.isBlank() ? null : team.strip();
        var me = CurrentUser.of(user);
        var mine = myTeams(me);
        var all = insights.list(only == null ? EnumSet.noneOf(InsightState.class) : EnumSet.of(only)).stream()
                .filter(i -> ownerTeam == null || ownerTeam.equals(i.content().ownerTeam())).toList();
        var columns = new ArrayList<Column>();
        for (InsightState s : InsightState.values()) {
            if (only == null || only == s) {
                columns.add(new Column(s.code(), label(s), all.stream().filter(i -> i.state() == s)
                        .map(i -> new Card(i, mayMove(i, me, mine) ? boardMoves(i, me) : List.of())).toList()));
            }
        }
        model.addAttribute("columns", columns);
        model.addAttribute("ranked", insights.ranked(chosen));
        model.addAttribute("scoring", chosen.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("teams", insights.teams());
        model.addAttribute("short", SHORT);
        model.addAttribute("states", java.util.Arrays.stream(InsightState.values()).map(s -> new Move(s.code(), label(s))).toList());
        model.addAttribute("team", ownerTeam == null ? "" : ownerTeam);
        model.addAttribute("state", only == null ? "" : only.code());
        return "pages/insights";
    }

    /** The teams of a team member who is no analyst (whose moves are limited to them); empty for everyone else. */
    private java.util.Set<String> myTeams(CurrentUser me) {
        return me == null || !me.member() || me.analyst() ? java.util.Set.of()
                : insights.teamsOf(me.name()).stream().map(Team::name).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Whether the page offers this user moves of the insight: analysts move any; a team member only their own teams'
     * (the rule {@code Insights.move} enforces), so that no button is shown that would only be refused.
     */
    private static boolean mayMove(Insight i, CurrentUser me, java.util.Set<String> myTeams) {
        return me != null && me.member() && (me.analyst() || myTeams.contains(i.content().ownerTeam()));
    }

    /** The steps a card offers this user: forward steps by hand, and delegation for analysts. */
    private static List<Move> boardMoves(Insight i, CurrentUser me) {
        if (me == null || !me.member()) {
            return List.of();
        }
        return i.state().next().stream().filter(s -> s.ordinal() > i.state().ordinal())
                .filter(s -> !NOT_BY_HAND.contains(s) || s == InsightState.DELEGATED && me.analyst())
                .filter(s -> s != InsightState.ACTIONABLE || me.analyst())
                .sorted().map(s -> new Move(s.code(), label(s))).toList();
    }

    @GetMapping("/insights/{id}")
    String insight(@PathVariable long id, Model model) {
        return render(id, model, null, Map.of());
    }

    /** The insight page; {@code submitted}: a form that was refused, shown again as typed (with its error). */
    private String render(long id, Model model, InsightForm submitted, Map<String, String> errors) {
        Insight insight = insights.get(InsightId.lookup(id));
        var history = insight.history().stream().map(InsightPages::step).toList();
        List<Team> teams = teamsAndPeople(model);
        boolean writing = insight.state() == InsightState.DRAFT || insight.state() == InsightState.ACTIONABLE;
        model.addAttribute("insight", insight);
        model.addAttribute("state", label(insight.state()));
        model.addAttribute("history", history);
        model.addAttribute("evidence", insight.content().evidence().stream().map(EvidenceRow::of).toList());
        model.addAttribute("effects", insight.history().stream()
                .filter(t -> t.to() == InsightState.VERIFIED || t.to() == InsightState.REGRESSED).map(InsightPages::step).toList());
        // forward steps first, as the main buttons; steps back (hand back, reopen) apart and asking for a note
        var me = CurrentUser.of(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
        boolean mayMove = mayMove(insight, me, myTeams(me));
        model.addAttribute("mayMove", mayMove);
        model.addAttribute("moves", !mayMove ? List.of() : insight.state().next().stream().filter(s -> !NOT_BY_HAND.contains(s))
                .filter(s -> s.ordinal() > insight.state().ordinal()).sorted().map(s -> new Move(s.code(), label(s))).toList());
        model.addAttribute("backMoves", !mayMove ? List.of() : insight.state().next().stream().filter(s -> !NOT_BY_HAND.contains(s))
                .filter(s -> s.ordinal() < insight.state().ordinal()).sorted().map(s -> new Move(s.code(), label(s))).toList());
        model.addAttribute("canDelegate", writing);
        model.addAttribute("editable", writing);
        model.addAttribute("knownOwner", insight.content().ownerTeam() == null
                || teams.stream().anyMatch(t -> t.name().equals(insight.content().ownerTeam())));
        var form = submitted != null ? submitted : InsightForm.of(insight.content());
        if (submitted == null && insight.content().impact() == null && !insight.content().problemIds().isEmpty()) {
            // not estimated yet: start from the linked problems' measured complaints, as the new-insight form does
            form = form.withOccurrences(String.valueOf(occurrencesPerYear(insight.content().problemIds())));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("valuePerYear", insight.content().impact() == null ? null : insight.content().impact().valuePerYear());
        model.addAttribute("measurable", insight.state() == InsightState.RESOLVED || insight.state() == InsightState.VERIFIED);
        model.addAttribute("impactKept", InsightForm.keepsMoreThanTheForm(insight.content().impact()));
        return "pages/insight";
    }

    @PostMapping("/insights/{id}/delegate")
    String delegate(@PathVariable long id, Principal user, RedirectAttributes flash) {
        try {
            var delegated = insights.delegate(InsightId.lookup(id), user.getName());
            flash.addFlashAttribute("flash", "Delegated to " + delegated.content().ownerTeam() + " ("
                    + delegated.content().responsiblePerson() + ").");
        } catch (DelegationRefusedException e) {
            refused(flash, e, "Delegation");
        } catch (InsightTransitionRefusedException e) {
            flash.addFlashAttribute("refusal", mask(e.getMessage()));
        }
        return back(id);
    }

    /**
     * Saves the gate's fields. Every value is checked first: bad ones are shown beside their fields on the same page
     * (a 400), with what was typed kept, and nothing changes.
     */
    @PostMapping("/insights/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute InsightForm form, Principal user, RedirectAttributes flash,
            Model model, HttpServletResponse response) {
        var current = insights.get(InsightId.lookup(id));
        var outcome = form.parse(current.content());
        if (outcome instanceof InsightForm.Invalid invalid) {
            return refusedForm(id, form, invalid, model, response);
        }
        try {
            var saved = insights.update(InsightId.lookup(id), ((InsightForm.Valid) outcome).content(), user.getName());
            flash.addFlashAttribute("flash", saved.gate().passed()
                    ? "Saved. It passes the quality gate and can be delegated."
                    : "Saved. " + saved.gate().readinessPercent() + " % ready; still missing: "
                            + mask(saved.gate().describeMissing()) + ".");
        } catch (ProblemNotFoundException e) {
            return refusedForm(id, form, new InsightForm.Invalid(Map.of("problems", e.getMessage())), model, response);
        } catch (OccurrencesOverrideWithoutReasonException e) {
            return refusedForm(id, form, new InsightForm.Invalid(Map.of("occurrencesReason", reasonNeeded(e))), model,
                    response);
        } catch (ReplayMomentRefusedException e) {
            return refusedForm(id, form, new InsightForm.Invalid(Map.of("replayMoments", e.getMessage())), model, response);
        } catch (InsightTransitionRefusedException e) {
            flash.addFlashAttribute("refusal", mask(e.getMessage()));
        }
        // the form posts to #edit-card (so that a refusal opens at the form); "top" brings the saved page to its message
        return back(id) + "#top";
    }

    /** Reloading a refused edit's address shows the insight page with its form, not a refusal. */
    @GetMapping("/insights/{id}/edit")
    String editAgain(@PathVariable long id, Model model) {
        return render(id, model, null, Map.of());
    }

    /** The insight page again, with what was typed and what was wrong beside it: nothing is saved, nothing is lost. */
    private String refusedForm(long id, InsightForm form, InsightForm.Invalid invalid, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("formError", mask(invalid.summary()));
        return render(id, model, form, masked(invalid.errors()));
    }

    // ---- writing a new insight ---------------------------------------------------------------------------------

    /**
     * The new-insight form, prefilled with what it was opened from: problems ({@code problem}, repeatable), a squad
     * (its problem, name and mandate) or a reached call-back (its problem, and its note as evidence).
     */
    @GetMapping("/insights/new")
    String newInsight(@RequestParam(name = "problem", required = false) List<Long> problemIds,
            @RequestParam(required = false) Long squad, @RequestParam(required = false) Long call, Model model) {
        var ids = new ArrayList<Long>(problemIds == null ? List.of() : problemIds);
        String title = "", definition = "";
        if (squad != null) {
            var s = cadence.get(squad);
            ids.add(s.problemId());
            title = s.name();
            definition = s.mandate();
        }
        if (call != null) {
            ids.add(callbacks.get(call).problemId());
        }
        ids = new ArrayList<>(ids.stream().distinct().toList());
        if (title.isEmpty() && !ids.isEmpty()) {
            title = problems.get(ProblemId.lookup(ids.getFirst())).label(); // an unknown problem is a 404 naming it
        }
        String occurrences = ids.isEmpty() ? "" : String.valueOf(occurrencesPerYear(ids));
        var form = new InsightForm(title, definition, "", "", "", "", occurrences, "", "", "", "", "",
                String.join(", ", ids.stream().map(String::valueOf).toList()), "", "", "");
        return renderNew(form, call, Map.of(), model);
    }

    /**
     * Saves a new draft and opens it; {@code action=check} (the no-script path of the live checklist) shows the gate's
     * verdict on what was typed without saving. Bad values are shown beside their fields, as typed (a 400).
     */
    @PostMapping("/insights")
    String create(@ModelAttribute InsightForm form, @RequestParam(required = false) Long call,
            @RequestParam(required = false) String action, Principal user, RedirectAttributes flash, Model model,
            HttpServletResponse response) {
        var outcome = form.parse(emptyDraft(call));
        if (form.title() == null || form.title().isBlank()) {
            // the empty draft's stand-in title is for the gate check only: a new insight is named by its writer
            var errors = new java.util.LinkedHashMap<String, String>(Map.of("title", "a title is required"));
            if (outcome instanceof InsightForm.Invalid invalid) {
                errors.putAll(invalid.errors());
            }
            outcome = new InsightForm.Invalid(errors);
        }
        if (outcome instanceof InsightForm.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formError", mask(invalid.summary()));
            return renderNew(form, call, masked(invalid.errors()), model);
        }
        if ("check".equals(action)) {
            return renderNew(form, call, Map.of(), model);
        }
        Insight created;
        try {
            created = insights.create(((InsightForm.Valid) outcome).content(), user.getName());
        } catch (ProblemNotFoundException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formError", mask(e.getMessage()));
            return renderNew(form, call, Map.of("problems", mask(e.getMessage())), model);
        } catch (OccurrencesOverrideWithoutReasonException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formError", reasonNeeded(e));
            return renderNew(form, call, Map.of("occurrencesReason", reasonNeeded(e)), model);
        } catch (ReplayMomentRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formError", mask(e.getMessage()));
            return renderNew(form, call, Map.of("replayMoments", mask(e.getMessage())), model);
        }
        String attached = "";
        if (call != null) {
            try {
                created = callbacks.attachToInsight(call, created.id().value(), user.getName());
                attached = " Call " + call + "'s note is attached as evidence.";
            } catch (CallNoteRefusedException | InsightTransitionRefusedException e) {
                flash.addFlashAttribute("refusal", mask(e.getMessage()));
            }
        }
        flash.addFlashAttribute("flash", "Draft saved." + attached + " " + (created.gate().passed()
                ? "It passes the quality gate and can be delegated."
                : created.gate().readinessPercent() + " % ready; still missing: " + mask(created.gate().describeMissing()) + "."));
        return back(created.id().value());
    }

    /** The gate's verdict on a form as typed, for the live checklist: the server decides, the script only shows it. */
    @PostMapping(path = "/insights/gate", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    GateView gateOf(@ModelAttribute InsightForm form, @RequestParam(required = false) Long insight,
            @RequestParam(required = false) Long call) {
        var base = insight != null ? insights.get(InsightId.lookup(insight)).content() : emptyDraft(call);
        // the title is not part of the gate: a form without one yet is still checked
        var typed = form.title() == null || form.title().isBlank() ? form.withTitle("untitled") : form;
        return switch (typed.parse(base)) {
            case InsightForm.Valid v -> GateView.of(gate.check(v.content()), v.content().impact(), Map.of());
            case InsightForm.Invalid i -> GateView.of(null, null, masked(i.errors()));
        };
    }

    /** The live checklist's answer: each element, the value a year and any field errors. */
    public record GateView(List<GateLine> checks, Integer readinessPercent, Boolean passed, java.math.BigDecimal valuePerYear,
            Map<String, String> errors) {

        public record GateLine(String element, String label, boolean passed, String reason) {
        }

        static GateView of(QualityGate.Result result, ImpactModel impact, Map<String, String> errors) {
            return new GateView(result == null ? null : result.checks().stream().map(c -> new GateLine(c.element().code(),
                    c.element().code().replace('-', ' '), c.passed(), c.reason() == null ? null : mask(c.reason()))).toList(),
                    result == null ? null : result.readinessPercent(), result == null ? null : result.passed(),
                    impact == null ? null : impact.valuePerYear(), errors);
        }
    }

    /**
     * Adds an uploaded screenshot to a draft's evidence: the image itself is the request body (the page's script sends
     * it after showing a preview). Answers JSON: the stored name, or what was wrong.
     */
    @PostMapping(path = "/insights/{id}/attachments", produces = "application/json")
    org.springframework.http.ResponseEntity<Map<String, String>> attach(@PathVariable long id,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Content-Type", required = false) String type,
            @org.springframework.web.bind.annotation.RequestBody(required = false) byte[] body, Principal user) {
        try {
            var attachment = new Attachment(null, type, body);
            insights.attach(InsightId.lookup(id), attachment, user.getName());
            return org.springframework.http.ResponseEntity.ok(Map.of("fileName", attachment.fileName()));
        } catch (IllegalArgumentException | InsightTransitionRefusedException e) {
            return org.springframework.http.ResponseEntity.badRequest().body(Map.of("error", mask(e.getMessage())));
        }
    }

    /** Measures the effect of a resolved fix now, as the nightly job does. */
    @PostMapping("/insights/{id}/measure")
    String measure(@PathVariable long id, Principal user, RedirectAttributes flash) {
        try {
            var measurement = insights.measure(InsightId.lookup(id), user.getName());
            flash.addFlashAttribute("flash", "Measured: " + measurement.outcome() + ".");
        } catch (InsightTransitionRefusedException e) {
            flash.addFlashAttribute("refusal", mask(e.getMessage()));
        }
        return back(id);
    }

    private String renderNew(InsightForm form, Long call, Map<String, String> errors, Model model) {
        teamsAndPeople(model);
        var base = emptyDraft(call);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("call", call);
        model.addAttribute("callNote", base.evidence().stream().map(EvidenceRow::of).findFirst().orElse(null));
        model.addAttribute("linked", form.problemIds().stream().map(p -> {
            try {
                return problems.get(ProblemId.lookup(p));
            } catch (ProblemNotFoundException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList());
        var parsed = form.parse(base);
        model.addAttribute("gate", parsed instanceof InsightForm.Valid v ? gate.check(v.content())
                : gate.check(base));
        model.addAttribute("valuePerYear", parsed instanceof InsightForm.Valid v && v.content().impact() != null
                ? v.content().impact().valuePerYear() : null);
        return "pages/insight-new";
    }

    /**
     * A new draft's starting content: an untitled draft, with the call-back's note as evidence when it was opened
     * from one (so the gate sees it), refused with its reason when that call's note cannot be evidence.
     */
    private InsightContent emptyDraft(Long call) {
        var evidence = new ArrayList<Evidence>();
        if (call != null) {
            var entry = callbacks.get(call);
            if (!entry.noteAttachable()) {
                throw new IllegalArgumentException("call " + call + "'s note cannot be evidence: only a reached call with "
                        + "notes that is not evidence on another insight yet");
            }
            evidence.add(new Evidence.CallNote(call, entry.agent(), entry.calledAt(),
                    MASKER.mask(entry.notes()).text()));
        }
        return new InsightContent("untitled", List.of(), evidence, List.of(), null, null, null, null, null, null,
                List.of(), List.of(), null, null);
    }

    /**
     * Occurrences a year to start the impact model from: the linked problems' complaints in the last 52 full weeks.
     * Kept to this one call so it can be switched to {@code GET /api/v1/insights/impact-defaults}'s service.
     */
    private long occurrencesPerYear(List<Long> problemIds) {
        return insights.impactDefaults(problemIds).occurrencesPerYear();
    }

    /** The refusal of a typed number without a reason, in the form's words. */
    private static String reasonNeeded(OccurrencesOverrideWithoutReasonException e) {
        return "occurrences a year differ from the " + String.format(java.util.Locale.ROOT, "%,d", e.measured())
                + " complaints the linked problems had in the last 52 weeks: say why in 'reason for another number', "
                + "or keep the measured number";
    }

    private List<Team> teamsAndPeople(Model model) {
        List<Team> teams = insights.teams();
        var people = new TreeSet<String>();
        teams.forEach(t -> people.addAll(t.members()));
        model.addAttribute("teams", teams);
        model.addAttribute("people", List.copyOf(people));
        return teams;
    }

    private static Map<String, String> masked(Map<String, String> errors) {
        var out = new java.util.LinkedHashMap<String, String>();
        errors.forEach((k, v) -> out.put(k, mask(v)));
        return out;
    }

    /**
     * A step along the workflow, from the insight page or a board card ({@code back=board} returns to the board).
     * Delegation offered on a board card goes through the gate as the delegate button does, for analysts only.
     */
    @PostMapping("/insights/{id}/move")
    String move(@PathVariable long id, @RequestParam String to, @RequestParam(required = false) String note,
            @RequestParam(required = false) String back, Principal user, RedirectAttributes flash) {
        InsightState target = InsightState.parse(to); // an unknown state is a 400 naming it
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters, was " + note.strip().length());
        }
        String there = "board".equals(back) ? "redirect:/insights#insight-" + id : back(id);
        var me = CurrentUser.of((org.springframework.security.core.Authentication) user);
        if (target == InsightState.DELEGATED && me != null && me.analyst()) {
            delegate(id, user, flash);
            return there;
        }
        try {
            InsightState from = insights.get(InsightId.lookup(id)).state();
            if (target.ordinal() < from.ordinal() && (note == null || note.isBlank())) {
                // a step back undoes somebody's work (a delegation, a resolution): it must say why
                flash.addFlashAttribute("refusal", "Moving it back to " + label(target) + " needs a note saying why. Nothing changed.");
                return there;
            }
            insights.move(InsightId.lookup(id), target, user.getName(), note, me == null || !me.analyst());
            flash.addFlashAttribute("flash", ("board".equals(back) ? "#" + id + ": moved" : "Moved") + " to " + label(target) + ".");
        } catch (DelegationRefusedException e) {
            refused(flash, e, "Marking it actionable");
        } catch (InsightTransitionRefusedException e) {
            flash.addFlashAttribute("refusal", mask(e.getMessage()));
        }
        return there;
    }

    private static void refused(RedirectAttributes flash, DelegationRefusedException e, String what) {
        flash.addFlashAttribute("refusal", what + " refused: insight " + e.insightId() + " does not pass the quality gate"
                + " yet. Nothing changed but the recorded refusal. Missing:");
        flash.addFlashAttribute("missing", e.missing().stream()
                .map(c -> new Missing(c.element().code().replace('-', ' '), mask(c.reason()))).toList());
    }

    private static String back(long id) {
        return "redirect:/insights/" + id;
    }

    static String label(InsightState state) {
        return state.code().replace('-', ' ');
    }

    private static Step step(Insight.Transition t) {
        boolean refused = t.from() == t.to() && t.note() != null && t.note().contains("refused");
        return new Step(t.at(), t.actor(), t.from() == null ? "" : label(t.from()), label(t.to()),
                t.note() == null ? "" : t.note(), refused);
    }

    private static String mask(String text) {
        return MASKER.mask(String.valueOf(text)).text();
    }
}
