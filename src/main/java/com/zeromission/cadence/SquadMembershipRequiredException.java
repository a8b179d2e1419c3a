package com.zeromission.cadence;

import java.util.List;

/**
 * A team member tried to act on a squad they are not on. A squad's work is its own: its lead and members close it,
 * analysts and admins any squad. The message names the squad, its lead and members, and who asked.
 */
public class SquadMembershipRequiredException extends RuntimeException {

    private final long squadId;
    private final String user;

    public SquadMembershipRequiredException(long squadId, String user, String lead, List<String> members) {
        super("squad " + squadId + " is closed by its lead '" + lead + "' or its members " + members
                + " (or an analyst); '" + user + "' is neither");
        this.squadId = squadId;
        this.user = user;
    }

    public long squadId() {
        return squadId;
    }

    public String user() {
        return user;
    }
}
