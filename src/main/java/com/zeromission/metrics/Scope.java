package com.zeromission.metrics;

import java.util.regex.Pattern;

/** What a target is for: everything ({@code *}/{@code *}), one market, or one product. */
public record Scope(String market, String product) {

    public static final String ALL = "*";
    public static final Scope GLOBAL = new Scope(ALL, ALL);
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Pattern PRODUCT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public Scope {
        market = market == null || market.isBlank() ? ALL : market.strip();
        product = product == null || product.isBlank() ? ALL : product.strip();
        if (!market.equals(ALL) && !MARKET.matcher(market).matches()) {
            throw new IllegalArgumentException("market must be an ISO 3166-1 alpha-2 code or *, was '" + market + "'");
        }
        if (!product.equals(ALL) && !PRODUCT.matcher(product).matches()) {
            throw new IllegalArgumentException("product must be 1-64 of a-z, 0-9 and '-' or *, was '" + product + "'");
        }
        if (!market.equals(ALL) && !product.equals(ALL)) {
            throw new IllegalArgumentException("a target is for all, one market or one product, not both ("
                    + market + ", " + product + ")");
        }
    }

    public String describe() {
        return market.equals(ALL) && product.equals(ALL) ? "global" : market.equals(ALL) ? "product " + product : "market " + market;
    }
}
