package com.zeromission.metrics;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/** Purchases of one product in one market on one (UTC) day: the denominator of CPM. */
public record PurchaseCount(LocalDate day, String market, String product, long purchases) {

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Pattern PRODUCT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public PurchaseCount {
        Objects.requireNonNull(day, "day");
        if (market == null || !MARKET.matcher(market).matches()) {
            throw new IllegalArgumentException("market must be an ISO 3166-1 alpha-2 code such as SE, was '" + market + "'");
        }
        if (product == null || !PRODUCT.matcher(product).matches()) {
            throw new IllegalArgumentException("product must be 1-64 of a-z, 0-9 and '-', was '" + product + "'");
        }
        if (purchases < 0) {
            throw new IllegalArgumentException("purchases must be >= 0, was " + purchases);
        }
    }
}
