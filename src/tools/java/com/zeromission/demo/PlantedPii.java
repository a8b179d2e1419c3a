package com.zeromission.demo;

import java.util.Objects;

/**
 * A piece of synthetic personal data the generator planted in a text, exactly as it appears there. It is the
 * ground truth for measuring the privacy masker on demo data; none of it belongs to a real person.
 */
public record PlantedPii(Kind kind, String value) {

    /** Mirrors the kinds the privacy masker recognises (demo may not depend on the privacy module). */
    public enum Kind {
        EMAIL, PHONE, PERSONAL_ID, IBAN, PAYMENT_CARD
    }

    public PlantedPii {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("value must not be blank");
        }
    }

    /** Never prints the value: even synthetic personal data should not end up in logs by habit. */
    @Override
    public String toString() {
        return "PlantedPii[" + kind + ", <" + value.length() + " chars>]";
    }
}
