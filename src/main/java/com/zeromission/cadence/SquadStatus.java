package com.zeromission.cadence;

import java.util.Locale;

/** A squad works on its problem until it is closed, with a note saying how it ended. */
public enum SquadStatus {
    ACTIVE, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
