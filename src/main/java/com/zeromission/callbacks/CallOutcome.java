package com.zeromission.callbacks;

import java.util.Arrays;
import java.util.Locale;

/** What a call came to. Only a reached customer told us something, so only a reached call's note is evidence. */
public enum CallOutcome {
    REACHED,
    NO_ANSWER,
    DECLINED,
    WRONG_CONTACT;

    /** Accepts any case, with hyphens, underscores or spaces: {@code no-answer}, {@code NO_ANSWER}, {@code no answer}. */
    public static CallOutcome parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome must be one of " + Arrays.toString(values()) + ", was '" + value + "'");
        }
    }
}
