package com.zeromission.intake;

import java.util.Objects;
import java.util.UUID;

/** Identity of a stored signal: a time-ordered UUID (version 7), so ids sort roughly by arrival. */
public record SignalId(UUID value) {

    public SignalId {
        Objects.requireNonNull(value, "signal id");
    }

    public static SignalId parse(String text) {
        try {
            return new SignalId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("signal id must be a UUID, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
