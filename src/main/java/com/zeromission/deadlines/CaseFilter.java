package com.zeromission.deadlines;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which cases a list shows: {@code overdue} (a deadline passed without its reply), {@code due-soon} (not overdue,
 * next deadline within the due-soon business days), {@code open} (no final reply yet) or {@code closed}.
 */
public enum CaseFilter {
    OVERDUE, DUE_SOON, OPEN, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CaseFilter parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CaseFilter f : values()) {
            if (f.name().equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("status '" + value + "' is not one of "
                + Arrays.stream(values()).map(CaseFilter::code).collect(Collectors.joining(", ")));
    }
}
