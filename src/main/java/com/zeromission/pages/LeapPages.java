package com.zeromission.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.zeromission.leaps.Leaps;

/**
 * Leaps as people read them: the list (name, state, dates, members, how much of the deliverable is delegated), and a
 * leap with its mandate, dates, members by home team, the log and the action plan. Changes go through the API
 * ({@code /api/v1/leaps}); the pages only read.
 */
@Controller
class LeapPages {

    private final Leaps leaps;

    LeapPages(Leaps leaps) {
        this.leaps = leaps;
    }

    @GetMapping("/leaps")
    String list(Model model) {
        model.addAttribute("leaps", leaps.list());
        model.addAttribute("today", leaps.today());
        return "pages/leaps";
    }

    @GetMapping("/leaps/{id}")
    String leap(@PathVariable long id, Model model) {
        var leap = leaps.get(id);
        model.addAttribute("leap", leap);
        model.addAttribute("plan", leaps.actionPlan(id));
        model.addAttribute("today", leaps.today());
        model.addAttribute("week", leap.start().isAfter(leaps.today()) ? 0
                : java.time.temporal.ChronoUnit.WEEKS.between(leap.start(), leaps.today()) + 1);
        model.addAttribute("weeks", (java.time.temporal.ChronoUnit.DAYS.between(leap.start(), leap.end()) + 6) / 7);
        return "pages/leap";
    }
}
