package com.zeromission.problems;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a week's top list of problems is ranked by: complaints (the CPM numerator, the default), every signal, or the
 * contribution to CPM (the same order as complaints: one week's purchases divide every problem alike).
 */
public enum TopOrder {
    COMPLAINTS,
    SIGNALS,
    CPM;

    /** As written in a request and in the answer: {@code complaints}, {@code signals}, {@code cpm}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a code, in any case and with spaces around; anything else (blank too) is refused. */
    public static TopOrder parse(String value) {
        for (TopOrder order : values()) {
            if (value != null && order.code().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return order;
            }
        }
        throw new IllegalArgumentException("sort must be complaints, cpm or signals, was '" + value + "'");
    }
}
