package com.zeromission.demo;

import java.time.LocalDate;
import java.util.Objects;

import com.zeromission.markets.Market;
import com.zeromission.markets.Product;

/** How many purchases one product had in one market on one day: the denominator of complaints per million. */
public record DailyPurchases(LocalDate day, String market, String product, long purchases) {

    public DailyPurchases {
        Objects.requireNonNull(day, "day");
        // the vocabulary of signals and purchases: the demo writes only what an import would accept
        market = Market.of(market).code();
        product = Product.of(product).code();
        if (purchases < 0) {
            throw new IllegalArgumentException("purchases must be >= 0, was " + purchases);
        }
    }
}
