package com.zeromission.demo;

import java.time.LocalDate;
import java.util.Objects;

/** How many purchases one product had in one market on one day: the denominator of complaints per million. */
public record DailyPurchases(LocalDate day, String market, String product, long purchases) {

    public DailyPurchases {
        Objects.requireNonNull(day, "day");
        if (market == null || !market.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("market must be an ISO 3166-1 alpha-2 code, was '" + market + "'");
        }
        if (product == null || !product.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("product must be a slug, was '" + product + "'");
        }
        if (purchases < 0) {
            throw new IllegalArgumentException("purchases must be >= 0, was " + purchases);
        }
    }
}
