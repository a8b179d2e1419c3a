package com.zeromission.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.zeromission.mystery.MysteryShopping;
import com.zeromission.mystery.Scenario;
import com.zeromission.mystery.StepRecord;
import com.zeromission.problems.Problem;
import com.zeromission.problems.Problems;

/**
 * Mystery shopping as the success team reads it: the scenarios, the runs (in progress and completed), and for one run
 * the steps the shopper recorded and the signals its findings became, each linked to its problem once grouping has
 * placed it, or to the signal in the API until then. Runs are recorded through the API (a shopper's phone or the
 * help desk's tool); this page only shows them.
 */
@Controller
class MysteryPages {

    private final MysteryShopping mystery;
    private final Problems problems;

    MysteryPages(MysteryShopping mystery, Problems problems) {
        this.mystery = mystery;
        this.problems = problems;
    }

    /** A finding's signal, with its problem when it has been grouped (null before). */
    public record FindingSignal(StepRecord step, String signalId, Problem problem) {
    }

    @GetMapping("/mystery")
    String overview(Model model) {
        var scenarios = mystery.scenarios();
        model.addAttribute("scenarios", scenarios);
        model.addAttribute("scenarioById", byId(scenarios));
        model.addAttribute("runs", mystery.runs(null, MysteryShopping.MAX_LIST));
        return "pages/mystery";
    }

    @GetMapping("/mystery/runs/{id}")
    String run(@PathVariable long id, Model model) {
        var run = mystery.run(id);
        model.addAttribute("run", run);
        model.addAttribute("scenario", mystery.scenario(run.scenarioId()));
        var recorded = run.steps().stream().map(StepRecord::step).toList();
        model.addAttribute("missing", mystery.scenario(run.scenarioId()).steps().stream()
                .filter(s -> !recorded.contains(s)).toList());
        model.addAttribute("signals", run.findings().stream().filter(s -> s.signalId() != null)
                .map(s -> new FindingSignal(s, s.signalId(), problems.problemOf(s.signalId()).orElse(null))).toList());
        return "pages/mystery-run";
    }

    private static Map<Long, Scenario> byId(List<Scenario> scenarios) {
        return scenarios.stream().collect(Collectors.toMap(Scenario::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
