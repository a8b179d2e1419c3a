package com.zeromission.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where in the customer's journey the experience happened. {@link #UNKNOWN} when the source does not say. */
public enum JourneyStage {
    BROWSING,
    CHECKOUT,
    CREDIT_DECISION,
    PAYMENT,
    DELIVERY,
    INVOICE,
    REMINDER,
    DEBT_COLLECTION,
    REFUND,
    RETURN,
    ACCOUNT,
    APP,
    CUSTOMER_SERVICE,
    OTHER,
    UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Null or blank means {@link #UNKNOWN}; otherwise the code in any case, with hyphens, underscores or spaces. */
    public static JourneyStage parse(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (JourneyStage s : values()) {
            if (s.name().equals(normalized)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown journey stage '" + value + "'; one of " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(JourneyStage::code).collect(Collectors.joining(", "));
    }
}
