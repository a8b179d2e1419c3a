package com.zeromission.metrics;

import com.zeromission.intake.Market;
import com.zeromission.intake.Product;

/** What a target is for: everything ({@code *}/{@code *}), one market, or one product. */
public record Scope(String market, String product) {

    public static final String ALL = "*";
    public static final Scope GLOBAL = new Scope(ALL, ALL);

    public Scope {
        market = market == null || market.isBlank() ? ALL : market.strip();
        product = product == null || product.isBlank() ? ALL : product.strip();
        // the shared vocabulary (or * for all): a target for a market signals refuse could never be met or missed
        market = market.equals(ALL) ? ALL : Market.of(market).code();
        product = product.equals(ALL) ? ALL : Product.of(product).code();
        if (!market.equals(ALL) && !product.equals(ALL)) {
            throw new IllegalArgumentException("a target is for all, one market or one product, not both ("
                    + market + ", " + product + ")");
        }
    }

    public String describe() {
        return market.equals(ALL) && product.equals(ALL) ? "global" : market.equals(ALL) ? "product " + product : "market " + market;
    }
}
