package com.zeromission.leaps;

import java.util.Locale;

/**
 * Where a leap stands. PLANNED, RUNNING and ENDED follow from the dates (before the start day, from it on, after the
 * end day); CLOSED is the one state a person sets, when the deliverable is in. An ENDED leap is over its time box
 * without being closed: its log is shut, and it waits for its deliverable.
 */
public enum LeapState {
    PLANNED, RUNNING, ENDED, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
