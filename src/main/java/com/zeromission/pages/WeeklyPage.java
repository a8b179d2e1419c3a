package com.zeromission.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.Weeks;

/**
 * The weekly review, as the Monday meeting reads it: by default the last complete week. What its squads did, the
 * squads formed from its top problems, what was resolved, and whether anything blew up. {@code ?week=} takes a
 * Monday or an ISO week; a bad one is a 400 page naming it.
 */
@Controller
class WeeklyPage {

    private final Cadence cadence;

    WeeklyPage(Cadence cadence) {
        this.cadence = cadence;
    }

    @GetMapping("/weekly")
    String weekly(@RequestParam(required = false) String week, Model model) {
        var monday = week == null || week.isBlank() ? cadence.lastWeek() : Weeks.parse(week);
        var review = cadence.review(monday);
        model.addAttribute("review", review);
        model.addAttribute("previousLabel", Weeks.label(review.previousWeek()));
        model.addAttribute("nextLabel", Weeks.label(review.nextWeek()));
        model.addAttribute("hasNext", review.nextWeek().isBefore(cadence.thisWeek()));
        model.addAttribute("nextWeekLabel", Weeks.label(review.nextWeek()));
        return "pages/weekly";
    }
}
