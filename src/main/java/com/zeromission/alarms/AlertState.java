package com.zeromission.alarms;

import java.util.Locale;

/** An alert is open from the day it fires until the day its condition no longer holds. */
public enum AlertState {
    OPEN, CLEARED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
