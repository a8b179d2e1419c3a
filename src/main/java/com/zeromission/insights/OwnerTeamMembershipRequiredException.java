package com.zeromission.insights;

import java.util.List;

/**
 * A team member tried to move an insight their teams do not own. An insight delegated to a team is that team's work:
 * its members move it along, analysts and admins any insight. The message names the insight, its owner team, who
 * asked and the teams they are in. A workflow refusal like the others (pages show it as such); the API answers 403.
 */
public class OwnerTeamMembershipRequiredException extends InsightTransitionRefusedException {

    private final String user;

    public OwnerTeamMembershipRequiredException(long id, InsightState from, InsightState to, String ownerTeam, String user,
            List<String> userTeams) {
        super(id, from, to, (ownerTeam == null
                ? "it has no owner team yet, and only its owner team's members (or an analyst) move it"
                : "only members of its owner team '" + ownerTeam + "' (or an analyst) move it")
                + "; '" + user + "' is " + (userTeams.isEmpty() ? "in no team" : "in " + String.join(", ", userTeams))
                + ". Nothing changed");
        this.user = user;
    }

    public String user() {
        return user;
    }
}
