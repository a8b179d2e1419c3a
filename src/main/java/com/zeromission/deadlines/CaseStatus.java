package com.zeromission.deadlines;

import java.util.Locale;

/** Where a complaint case stands: its last recorded reply. Only a final reply closes it. */
public enum CaseStatus {
    OPEN, ACKNOWLEDGED, EXTENDED, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

}
