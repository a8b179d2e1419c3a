package com.zeromission.insights;

/** A team name that the team directory does not hold was asked for (a filter): a bad request, naming the name. */
public class UnknownTeamException extends IllegalArgumentException {

    public UnknownTeamException(String team) {
        super("no team named '" + team + "' in the team directory (GET /api/v1/teams lists them)");
    }
}
