package com.zeromission.alarms;

import java.util.regex.Pattern;

/**
 * What an alert is about: everything ({@code *}/{@code *}), one market, one product, or one market and product (the
 * slices spike alerts watch). Unlike a CPM target's scope, market and product may both be set.
 */
public record AlertScope(String market, String product) {

    public static final String ALL = "*";
    public static final AlertScope GLOBAL = new AlertScope(ALL, ALL);
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Pattern PRODUCT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public AlertScope {
        market = market == null || market.isBlank() ? ALL : market.strip();
        product = product == null || product.isBlank() ? ALL : product.strip();
        if (!market.equals(ALL) && !MARKET.matcher(market).matches()) {
            throw new IllegalArgumentException("market must be an ISO 3166-1 alpha-2 code or *, was '" + market + "'");
        }
        if (!product.equals(ALL) && !PRODUCT.matcher(product).matches()) {
            throw new IllegalArgumentException("product must be 1-64 of a-z, 0-9 and '-' or *, was '" + product + "'");
        }
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
