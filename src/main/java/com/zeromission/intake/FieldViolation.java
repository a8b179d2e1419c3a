package com.zeromission.intake;

import java.util.Objects;

import com.zeromission.privacy.TextMasker;

/**
 * One thing wrong with one field of a submitted signal. {@code value} is what was received, made safe to show:
 * fields that may hold personal data (text, customer id) are never echoed, only described, and whatever is echoed
 * (the value, and the reason, which may quote it) is masked here, because a client that puts a phone number into
 * the wrong field must not find it in an error answer, an import's error table or its errors.csv.
 */
public record FieldViolation(String field, String value, String reason) {

    private static final TextMasker MASKER = TextMasker.standard();

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        value = value == null ? null : MASKER.mask(value).text();
        reason = MASKER.mask(reason).text();
    }

    @Override
    public String toString() {
        return value == null ? field + ": " + reason : field + " '" + value + "': " + reason;
    }
}
