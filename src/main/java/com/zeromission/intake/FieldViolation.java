package com.zeromission.intake;

import java.util.Objects;

/**
 * One thing wrong with one field of a submitted signal. {@code value} is what was received, made safe to show:
 * fields that may hold personal data (text, customer id) are never echoed, only described.
 */
public record FieldViolation(String field, String value, String reason) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return value == null ? field + ": " + reason : field + " '" + value + "': " + reason;
    }
}
