package com.zeromission.alarms;

import com.zeromission.intake.Market;
import com.zeromission.intake.Product;

/**
 * What an alert is about: everything ({@code *}/{@code *}), one market, one product, or one market and product (the
 * slices spike alerts watch). Unlike a CPM target's scope, market and product may both be set.
 */
public record AlertScope(String market, String product) {

    public static final String ALL = "*";
    public static final AlertScope GLOBAL = new AlertScope(ALL, ALL);

    public AlertScope {
        market = market == null || market.isBlank() ? ALL : market.strip();
        product = product == null || product.isBlank() ? ALL : product.strip();
        // the shared vocabulary (or * for all), as for targets and signals
        market = market.equals(ALL) ? ALL : Market.of(market).code();
        product = product.equals(ALL) ? ALL : Product.of(product).code();
    }

    /** Whether a market/product cell of the figures belongs to this scope. */
    public boolean contains(String cellMarket, String cellProduct) {
        return (market.equals(ALL) || market.equals(cellMarket)) && (product.equals(ALL) || product.equals(cellProduct));
    }

    public String describe() {
        if (market.equals(ALL) && product.equals(ALL)) {
            return "global";
        }
        if (market.equals(ALL)) {
            return "product " + product;
        }
        return product.equals(ALL) ? "market " + market : market + " " + product;
    }
}
