package com.zeromission.leaps;

import java.util.List;

/**
 * A team member tried to write the log of a leap they are not on. A leap's log is its members' record (stand-ups,
 * plans, retros); analysts and admins write to any leap's log. The message names the leap, its members and who asked.
 */
public class LeapMembershipRequiredException extends RuntimeException {

    private final long leapId;
    private final String user;

    public LeapMembershipRequiredException(long leapId, String user, List<String> members) {
        super("leap " + leapId + "'s log is written by its members " + members + " (or an analyst); '" + user
                + "' is not a member");
        this.leapId = leapId;
        this.user = user;
    }

    public long leapId() {
        return leapId;
    }

    public String user() {
        return user;
    }
}
