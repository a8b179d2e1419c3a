package com.zeromission.metrics;

import java.util.Locale;

/** What CPM can be sliced by. Purchases have no channel: a channel's CPM is its complaints over all purchases. */
public enum Dimension {
    MARKET, PRODUCT, CHANNEL;

    public static Dimension parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown dimension '" + value + "'; one of market, product, channel");
        }
    }
}
