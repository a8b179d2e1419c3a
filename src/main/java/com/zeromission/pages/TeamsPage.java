package com.zeromission.pages;

import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.OrganisationReport;
import com.zeromission.insights.Team;

/**
 * The teams (area, members, and the insights each one owns by workflow state) and the organisation report: fixes
 * that need more teams or approvals than the limits, teams and approvals per fix by area, and which teams keep
 * having to coordinate.
 */
@Controller
class TeamsPage {

    /** The states a team's work is counted in, in the order the table shows them. */
    static final List<InsightState> COUNTED = List.of(InsightState.DELEGATED, InsightState.IN_PROGRESS,
            InsightState.RESOLVED, InsightState.VERIFIED, InsightState.REGRESSED);

    private final Insights insights;

    TeamsPage(Insights insights) {
        this.insights = insights;
    }

    /**
     * One team with its work: {@code waiting} are its drafts and actionable insights, {@code counts} follow
     * {@link #COUNTED}, {@code doing} its delegated and in-progress insights.
     */
    public record TeamRow(Team team, long waiting, List<Long> counts, List<Insight> doing) {
    }

    @GetMapping("/teams")
    String teams(@RequestParam(defaultValue = "3") int maxTeams, @RequestParam(defaultValue = "2") int maxApprovals,
            Model model) {
        List<Insight> all = insights.list(EnumSet.noneOf(InsightState.class));
        List<Team> teams = insights.teams();
        var report = OrganisationReport.of(all, teams, maxTeams, maxApprovals); // refuses bad limits, naming them
        var rows = teams.stream().map(t -> {
            var owned = all.stream().filter(i -> t.name().equals(i.content().ownerTeam())).toList();
            return new TeamRow(t,
                    owned.stream().filter(i -> i.state() == InsightState.DRAFT || i.state() == InsightState.ACTIONABLE).count(),
                    COUNTED.stream().map(s -> owned.stream().filter(i -> i.state() == s).count()).toList(),
                    owned.stream().filter(i -> i.state() == InsightState.DELEGATED || i.state() == InsightState.IN_PROGRESS)
                            .toList());
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("counted", COUNTED.stream().map(InsightPages::label).toList());
        model.addAttribute("report", report);
        model.addAttribute("simpleFixDays", OrganisationReport.SIMPLE_FIX_DAYS);
        return "pages/teams";
    }
}
