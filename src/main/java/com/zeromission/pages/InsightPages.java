package com.zeromission.pages;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.zeromission.insights.DelegationRefusedException;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.InsightTransitionRefusedException;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Ranking;
import com.zeromission.insights.Team;
import com.zeromission.privacy.TextMasker;

/**
 * The insight board (a column per workflow state, each card with its quality-gate checklist, and the ranked list
 * beside it) and one insight's page: its content, checklist, history and effect measurement; for analysts the
 * delegate button and the form for the gate's fields; for team members the workflow's next steps. Every post
 * redirects back to the insight with a message; a refusal (the gate, or a step the workflow does not allow) is
 * shown there as an alert that names what is missing. Bad input is a 400 page naming the field (see {@link PageErrors}).
 */
@Controller
class InsightPages {

    /** Steps no move button offers: delegation has its own button (it goes through the gate); verified and regressed
     *  are decided by the effect measurement, never by hand. */
    static final Set<InsightState> NOT_BY_HAND = EnumSet.of(InsightState.DELEGATED, InsightState.VERIFIED,
            InsightState.REGRESSED);
    static final int MAX_NOTE = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final TextMasker MASKER = TextMasker.standard();

    private final Insights insights;

    InsightPages(Insights insights) {
        this.insights = insights;
    }

    /** One column of the board. */
    public record Column(String code, String label, List<Insight> insights) {
    }

    /** One line of the history, ready to show. {@code refused}: a refused delegation or step (the state stayed). */
    public record Step(String at, String actor, String from, String to, String note, boolean refused) {
    }

    /** A step a button offers. */
    public record Move(String code, String label) {
    }

    /** One piece of evidence to show: a replay link (with its URL) or a stored screenshot (name and size). */
    public record EvidenceRow(String text, String url) {
        static EvidenceRow of(com.zeromission.insights.Evidence e) {
            return switch (e) {
                case com.zeromission.insights.Evidence.ReplayLink r -> new EvidenceRow("session replay: " + r.uri(), r.uri().toString());
                case com.zeromission.insights.Evidence.Screenshot s -> new EvidenceRow("screenshot: " + s.fileName() + " ("
                        + Math.max(1, Math.round(s.bytes() / 1024.0)) + " KB)", null);
                case com.zeromission.insights.Evidence.CallNote n -> new EvidenceRow("call-back " + n.callId() + " by "
                        + n.agent() + " on " + n.calledAt().toString().substring(0, 10) + ": " + n.note(), null);
            };
        }
    }

    /** What a refusal says is missing, masked like every echoed value. */
    public record Missing(String element, String reason) {
    }

    @GetMapping("/insights")
    String board(@RequestParam(defaultValue = "value") String scoring, Model model) {
        var chosen = Ranking.Scoring.parse(scoring);
        var all = insights.list(EnumSet.noneOf(InsightState.class));
        var columns = new ArrayList<Column>();
        for (InsightState state : InsightState.values()) {
            columns.add(new Column(state.code(), label(state), all.stream().filter(i -> i.state() == state).toList()));
        }
        model.addAttribute("columns", columns);
        model.addAttribute("ranked", insights.ranked(chosen));
        model.addAttribute("scoring", chosen.name().toLowerCase(java.util.Locale.ROOT));
        return "pages/insights";
    }

    @GetMapping("/insights/{id}")
    String insight(@PathVariable long id, Model model) {
        return render(id, model, null);
    }

    /** The insight page; {@code submitted}: a form that was refused, shown again as typed (with its error). */
    private String render(long id, Model model, InsightForm submitted) {
        Insight insight = insights.get(id);
        var history = insight.history().stream().map(InsightPages::step).toList();
        List<Team> teams = insights.teams();
        var people = new TreeSet<String>();
        teams.forEach(t -> people.addAll(t.members()));
        boolean writing = insight.state() == InsightState.DRAFT || insight.state() == InsightState.ACTIONABLE;
        model.addAttribute("insight", insight);
        model.addAttribute("state", label(insight.state()));
        model.addAttribute("history", history);
        model.addAttribute("evidence", insight.content().evidence().stream().map(EvidenceRow::of).toList());
        model.addAttribute("effects", insight.history().stream()
                .filter(t -> t.to() == InsightState.VERIFIED || t.to() == InsightState.REGRESSED).map(InsightPages::step).toList());
        // forward steps first, as the main buttons; steps back (hand back, reopen) apart and asking for a note
        model.addAttribute("moves", insight.state().next().stream().filter(s -> !NOT_BY_HAND.contains(s))
                .filter(s -> s.ordinal() > insight.state().ordinal()).sorted().map(s -> new Move(s.code(), label(s))).toList());
        model.addAttribute("backMoves", insight.state().next().stream().filter(s -> !NOT_BY_HAND.contains(s))
                .filter(s -> s.ordinal() < insight.state().ordinal()).sorted().map(s -> new Move(s.code(), label(s))).toList());
        model.addAttribute("canDelegate", writing);
        model.addAttribute("editable", writing);
        model.addAttribute("teams", teams);
        model.addAttribute("knownOwner", insight.content().ownerTeam() == null
                || teams.stream().anyMatch(t -> t.name().equals(insight.content().ownerTeam())));
        model.addAttribute("people", List.copyOf(people));
        model.addAttribute("form", submitted != null ? submitted : InsightForm.of(insight.content()));
        model.addAttribute("impactKept", InsightForm.keepsMoreThanTheForm(insight.content().impact()));
        return "pages/insight";
    }

    @PostMapping("/insights/{id}/delegate")
    String delegate(@PathVariable long id, Principal user, RedirectAttributes flash) {
        try {
            var delegated = insights.delegate(id, user.getName());
            flash.addFlashAttribute("flash", "Delegated to " + delegated.content().ownerTeam() + " ("
                    + delegated.content().responsiblePerson() + ").");
        } catch (DelegationRefusedException e) {
            refused(flash, e, "Delegation");
        } catch (InsightTransitionRefusedException e) {
            flash.addFlashAttribute("refusal", mask(e.getMessage()));
        }
        return back(id);
    }

    /** Saves the gate's fields. Every number is checked first: a bad one is a 400 naming it, and nothing changes. */
    @PostMapping("/insights/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute InsightForm form, Principal user, RedirectAttributes flash,
            Model model, jakarta.servlet.http.HttpServletResponse response) {
        var current = insights.get(id);
        InsightContent content;
        try {
            content = form.apply(current.content());
        } catch (IllegalArgumentException e) {
            // the page again, with what was typed and what was wrong: nothing is saved, nothing is lost
            response.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formError", mask(e.getMessage()));
            return render(id, model, form);
        }
        try {
            var saved = insights.update(id, content, user.getName());
            flash.addFlashAttribute("flash", saved.gate().passed()
                    ? "Saved. It passes the quality gate and can be delegated."
                    : "Saved. " + saved.gate().readinessPercent() + " % ready; still missing: "
                            + mask(saved.gate().describeMissing()) + ".");
        } catch (InsightTransitionRefusedException e) {
            flash.addFlashAttribute("refusal", mask(e.getMessage()));
        }
        return back(id);
    }

    @PostMapping("/insights/{id}/move")
    String move(@PathVariable long id, @RequestParam String to, @RequestParam(required = false) String note,
            Principal user, RedirectAttributes flash) {
        InsightState target = InsightState.parse(to); // an unknown state is a 400 naming it
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters, was " + note.strip().length());
        }
        try {
            var me = CurrentUser.of((org.springframework.security.core.Authentication) user);
            InsightState from = insights.get(id).state();
            if (target.ordinal() < from.ordinal() && (note == null || note.isBlank())) {
                // a step back undoes somebody's work (a delegation, a resolution): it must say why
                flash.addFlashAttribute("refusal", "Moving it back to " + label(target) + " needs a note saying why. Nothing changed.");
                return back(id);
            }
            insights.move(id, target, user.getName(), note, me == null || !me.analyst());
            flash.addFlashAttribute("flash", "Moved to " + label(target) + ".");
        } catch (DelegationRefusedException e) {
            refused(flash, e, "Marking it actionable");
        } catch (InsightTransitionRefusedException e) {
            flash.addFlashAttribute("refusal", mask(e.getMessage()));
        }
        return back(id);
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
        return new Step(at(t.at()), t.actor(), t.from() == null ? "" : label(t.from()), label(t.to()),
                t.note() == null ? "" : t.note(), refused);
    }

    static String at(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static String mask(String text) {
        return MASKER.mask(String.valueOf(text)).text();
    }
}
