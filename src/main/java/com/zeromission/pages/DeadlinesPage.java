package com.zeromission.pages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.zeromission.deadlines.CaseClock;
import com.zeromission.deadlines.CaseFilter;
import com.zeromission.deadlines.ComplaintCases;

/**
 * The regulatory clocks: overdue complaint cases and those due soon, market by market, with the business days over
 * or left and the reply each one waits for. Replies are recorded where customers are answered (the help desk, or
 * the API); this page is for seeing what is late before the regulator does.
 */
@Controller
class DeadlinesPage {

    private final ComplaintCases cases;

    DeadlinesPage(ComplaintCases cases) {
        this.cases = cases;
    }

    /** One market's cases of a list. */
    public record MarketCases(String market, String rule, List<CaseClock> cases) {
    }

    @GetMapping("/deadlines")
    String deadlines(Model model) {
        var overdue = byMarket(cases.list(CaseFilter.OVERDUE, null, ComplaintCases.MAX_LIST));
        var soon = byMarket(cases.list(CaseFilter.DUE_SOON, null, ComplaintCases.MAX_LIST));
        model.addAttribute("overdue", overdue);
        model.addAttribute("soon", soon);
        model.addAttribute("overdueCount", overdue.stream().mapToInt(m -> m.cases().size()).sum());
        model.addAttribute("soonCount", soon.stream().mapToInt(m -> m.cases().size()).sum());
        // all open cases, not a page of them: the list below is capped, the count must not be
        model.addAttribute("openCount", cases.openCases().size());
        model.addAttribute("dueSoonDays", cases.dueSoonBusinessDays());
        return "pages/deadlines";
    }

    private static List<MarketCases> byMarket(List<CaseClock> list) {
        Map<String, List<CaseClock>> grouped = list.stream().collect(Collectors.groupingBy(c -> c.complaint().market(),
                TreeMap::new, Collectors.toList()));
        return grouped.entrySet().stream().map(e -> new MarketCases(e.getKey(),
                e.getValue().stream().map(c -> c.complaint().rule()).distinct().sorted().collect(Collectors.joining(", ")),
                e.getValue())).toList();
    }
}
