package com.zeromission.mystery;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the shopper found at a step. A {@link #PROBLEM} is a finding: completing the run makes it a signal. */
public enum Outcome {
    OK,
    PROBLEM,
    NOT_APPLICABLE;

    @JsonValue
    public String code() {
        return name();
    }

    public static Outcome parse(String value) {
        return Codes.parse(Outcome.class, "outcome", value);
    }
}
