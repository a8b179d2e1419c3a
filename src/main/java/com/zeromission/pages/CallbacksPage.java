package com.zeromission.pages;

import java.security.Principal;
import java.util.EnumSet;
import java.util.HashMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.zeromission.cadence.Weeks;
import com.zeromission.callbacks.CallEntryNotFoundException;
import com.zeromission.callbacks.CallNoteRefusedException;
import com.zeromission.callbacks.CallOutcome;
import com.zeromission.callbacks.Callbacks;
import com.zeromission.insights.InsightNotFoundException;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.InsightTransitionRefusedException;
import com.zeromission.insights.Insights;
import com.zeromission.intake.SignalId;
import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.TextMasker;
import com.zeromission.replay.Replays;

/**
 * The week's call list, as the agents work it: by default last week's. Each entry names the customer by pseudonym
 * and the source system's contact route (the agent opens the complaint there and calls from there); a form records
 * the outcome and the notes; for analysts, a reached call's note goes to an open insight as evidence. Every post
 * redirects back to the week with a message; a refusal is shown there, naming why.
 */
@Controller
class CallbacksPage {

    private final Callbacks callbacks;
    private final Insights insights;
    private final TextMasker masker;
    private final Replays replays;

    CallbacksPage(Callbacks callbacks, Insights insights, TextMasker masker, Replays replays) {
        this.callbacks = callbacks;
        this.insights = insights;
        this.masker = masker;
        this.replays = replays;
    }

    @GetMapping("/callbacks")
    String list(@RequestParam(required = false) String week, Model model) {
        var monday = week == null || week.isBlank() ? callbacks.lastWeek() : Weeks.parse(week);
        var list = callbacks.list(monday);
        model.addAttribute("list", list);
        // which complaints came with a recording of the customer's visit (signal id → replay id): watched before calling
        var replayed = new HashMap<String, String>();
        replays.ofSignals(list.entries().stream().map(e -> SignalId.parse(e.signalId())).toList())
                .forEach((signal, replay) -> replayed.put(signal.toString(), replay.toString()));
        model.addAttribute("replays", replayed);
        model.addAttribute("previousLabel", Weeks.label(monday.minusWeeks(1)));
        model.addAttribute("nextLabel", Weeks.label(monday.plusWeeks(1)));
        model.addAttribute("hasNext", monday.isBefore(callbacks.lastWeek()));
        model.addAttribute("limit", callbacks.limit());
        model.addAttribute("outcomes", CallOutcome.values());
        // where a note can go: insights still being written
        model.addAttribute("openInsights", insights.list(EnumSet.of(InsightState.DRAFT, InsightState.ACTIONABLE)));
        return "pages/callbacks";
    }

    @PostMapping("/callbacks/lists")
    String build(@RequestParam String week, Principal user, RedirectAttributes flash) {
        var list = callbacks.build(Weeks.parse(week), user.getName());
        flash.addFlashAttribute("flash", list.built() ? "Built: " + list.entries().size() + " customers to call."
                : "Built before, by " + list.builtBy() + ": nothing changed.");
        return "redirect:/callbacks?week=" + list.weekLabel();
    }

    @PostMapping("/callbacks/{id}/outcome")
    String outcome(@PathVariable long id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String notes, Principal user, RedirectAttributes flash) {
        var entry = callbacks.get(id);
        if (outcome == null || outcome.isBlank()) {
            // the form asks for a choice; a browser that skipped the check hears it beside the call, notes kept
            flash.addFlashAttribute("outcomeMissing", id);
            // kept for the form only, and no longer than a call note may be (the session is no place for more)
            flash.addFlashAttribute("notesTyped", notes == null ? null
                    : notes.substring(0, Math.min(notes.length(), FreeText.Kind.TEXT.max())));
            return "redirect:/callbacks?week=" + Weeks.label(entry.week()) + "#call-" + id;
        }
        try {
            callbacks.record(id, CallOutcome.parse(outcome), notes, user.getName());
            flash.addFlashAttribute("flash", "Call " + id + " recorded.");
        } catch (CallNoteRefusedException e) {
            flash.addFlashAttribute("refusal", masker.mask(e.getMessage()).text());
        }
        return "redirect:/callbacks?week=" + Weeks.label(entry.week()) + "#call-" + id;
    }

    @PostMapping("/callbacks/{id}/evidence")
    String evidence(@PathVariable long id, @RequestParam long insight, Principal user, RedirectAttributes flash) {
        var entry = callbacks.get(id);
        try {
            callbacks.attachToInsight(id, insight, user.getName());
            flash.addFlashAttribute("flash", "Call " + id + "'s note is evidence on insight " + insight + ".");
        } catch (CallNoteRefusedException | InsightTransitionRefusedException | InsightNotFoundException e) {
            flash.addFlashAttribute("refusal", masker.mask(e.getMessage()).text());
        }
        return "redirect:/callbacks?week=" + Weeks.label(entry.week()) + "#call-" + id;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(CallEntryNotFoundException.class)
    String notFound(CallEntryNotFoundException e, jakarta.servlet.http.HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("me", CurrentUser.of(org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication()));
        model.addAttribute("heading", "Not found");
        model.addAttribute("message", e.getMessage());
        model.addAttribute("back", "/callbacks");
        return "pages/error";
    }
}
