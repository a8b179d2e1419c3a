package com.zeromission.cadence;

import java.time.Instant;

/** The squad was closed already: its mandate, members and outcome are history now. */
public class SquadClosedException extends RuntimeException {
    public SquadClosedException(long id, Instant closedAt) {
        super("squad " + id + " was closed on " + closedAt + "; a closed squad is not changed");
    }
}
