package com.zeromission.mystery;

import java.time.Instant;

/** The run was completed already: its steps are what the shopper reported, and its findings are signals now. */
public class RunCompletedException extends RuntimeException {
    public RunCompletedException(long id, Instant completedAt) {
        super("run " + id + " was completed on " + completedAt + "; steps are recorded only while a run is in progress");
    }
}
