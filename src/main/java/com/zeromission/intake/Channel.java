package com.zeromission.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a signal came from. Only formal complaints (including those forwarded by a regulator) count toward the
 * complaints-per-million numerator; everything else is feedback that still helps find problems.
 */
public enum Channel {
    COMPLAINT(true),
    REGULATOR_COMPLAINT(true),
    SUPPORT_CONTACT(false),
    FEEDBACK_FORM(false),
    CUSTOMER_CALL(false),
    INTERVIEW(false),
    MYSTERY_SHOPPING(false),
    SESSION_REPLAY_NOTE(false);

    private final boolean complaint;

    Channel(boolean complaint) {
        this.complaint = complaint;
    }

    /** True for the channels that count in complaints per million purchases. */
    public boolean countsAsComplaint() {
        return complaint;
    }

    /** The external spelling used in JSON and CSV: lower-case with hyphens, e.g. {@code regulator-complaint}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts the code in any case, with hyphens, underscores or spaces. */
    public static Channel parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("channel is required; one of " + allowed());
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Channel c : values()) {
            if (c.name().equals(normalized)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + value + "'; one of " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Channel::code).collect(Collectors.joining(", "));
    }
}
