package com.zeromission.pages;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.Squad;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;

/**
 * "My team": the teams the signed-in person is in (the team directory's members), the insights those teams own
 * that are still moving, with the next step as a button, and the active squads they work in. What a team member
 * opens first on Monday; the move buttons post to the insight's own move (which checks the owner team again).
 */
@Controller
class MyTeamPage {

    /** Owned insights still to be moved by the team, in workflow order; verified ones are done. */
    static final Set<InsightState> MOVING = EnumSet.of(InsightState.DELEGATED, InsightState.IN_PROGRESS,
            InsightState.RESOLVED, InsightState.REGRESSED);
    /** Insights being written for the team: not theirs to move yet, but coming. */
    static final Set<InsightState> COMING = EnumSet.of(InsightState.DRAFT, InsightState.ACTIONABLE);

    private final Insights insights;
    private final Cadence cadence;

    MyTeamPage(Insights insights, Cadence cadence) {
        this.insights = insights;
        this.cadence = cadence;
    }

    /** An owned insight with the forward steps its team takes by hand (verification is measured, not clicked). */
    record Row(Insight insight, String state, List<Move> moves) {
    }

    record Move(String code, String label) {
    }

    @GetMapping("/my-team")
    String myTeam(Principal user, Model model) {
        List<Team> teams = insights.teamsOf(user.getName());
        var names = teams.stream().map(Team::name).toList();
        var rows = insights.ownedBy(names, MOVING).stream()
                .sorted(java.util.Comparator.comparing((Insight i) -> i.state().ordinal()).thenComparing(Insight::id))
                .map(i -> new Row(i, InsightPages.label(i.state()), i.state().next().stream()
                        .filter(s -> s == InsightState.IN_PROGRESS || s == InsightState.RESOLVED)
                        // forward only: taking a regressed fix up again is a step back, which needs a note (its page asks)
                        .filter(s -> s.ordinal() > i.state().ordinal())
                        .map(s -> new Move(s.code(), s == InsightState.IN_PROGRESS ? "Start work" : "Mark resolved"))
                        .toList()))
                .toList();
        List<Squad> squads = cadence.squadsOf(Team.MINE, user.getName());
        model.addAttribute("teams", teams);
        model.addAttribute("rows", rows);
        model.addAttribute("coming", insights.ownedBy(names, COMING));
        model.addAttribute("squads", squads);
        return "pages/my-team";
    }
}
