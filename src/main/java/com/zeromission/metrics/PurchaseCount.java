package com.zeromission.metrics;

import java.time.LocalDate;
import java.util.Objects;

import com.zeromission.markets.Market;
import com.zeromission.markets.Product;

/** Purchases of one product in one market on one (UTC) day: the denominator of CPM. */
public record PurchaseCount(LocalDate day, String market, String product, long purchases) {

    public PurchaseCount {
        Objects.requireNonNull(day, "day");
        // the vocabulary signals use: a market or product they refuse must not get purchases of its own
        market = Market.of(market).code();
        product = Product.of(product).code();
        if (purchases < 0) {
            throw new IllegalArgumentException("purchases must be >= 0, was " + purchases);
        }
    }
}
