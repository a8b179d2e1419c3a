package com.zeromission.leaps;

import java.util.Locale;

/**
 * Where a leap stands. PLANNED and RUNNING follow from the dates (before the start day, from it on); CLOSED is the
 * one state a person sets, when the deliverable is in.
 */
public enum LeapState {
    PLANNED, RUNNING, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
