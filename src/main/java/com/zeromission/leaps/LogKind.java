package com.zeromission.leaps;

import java.util.Arrays;
import java.util.Locale;

/** What a log entry is: the daily stand-up, the plan for the week, or a retro. */
public enum LogKind {
    STANDUP, WEEKLY_PLAN, RETRO;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code standup}, {@code weekly-plan}, {@code WEEKLY_PLAN}, {@code retro}; refuses naming the value. */
    public static LogKind parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kind must be standup, weekly-plan or retro, was '"
                        + (value == null ? "" : value.strip()) + "'"));
    }
}
