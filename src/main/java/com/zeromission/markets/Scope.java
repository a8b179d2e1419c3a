package com.zeromission.markets;

/**
 * What a figure, a target or an alert is about: everything ({@code *}/{@code *}), one market, one product, or one
 * market and product (the slices spike alerts watch). The one scope type: CPM totals, targets, alerts, reports and
 * the dashboard all take it, so a scope one of them refuses can't be another's. Market and product are stored and
 * shown as their codes ({@code *} for all) because that is how the database and the API have always spelt them.
 * <p>
 * A CPM target is for everything, one market or one product, never both; that is a rule of targets
 * ({@code metrics.Targets.Target}), not of scopes.
 */
public record Scope(String market, String product) {

    public static final String ALL = "*";
    public static final Scope GLOBAL = new Scope(ALL, ALL);

    public Scope {
        market = market == null || market.isBlank() ? ALL : market.strip();
        product = product == null || product.isBlank() ? ALL : product.strip();
        // the shared vocabulary (or * for all): a scope for a market signals refuse could never be met or missed
        market = market.equals(ALL) ? ALL : Market.of(market).code();
        product = product.equals(ALL) ? ALL : Product.of(product).code();
    }

    public boolean allMarkets() {
        return market.equals(ALL);
    }

    public boolean allProducts() {
        return product.equals(ALL);
    }

    /** Whether a market/product cell of the figures belongs to this scope. */
    public boolean contains(String cellMarket, String cellProduct) {
        return (allMarkets() || market.equals(cellMarket)) && (allProducts() || product.equals(cellProduct));
    }

    public String describe() {
        if (allMarkets() && allProducts()) {
            return "global";
        }
        if (allMarkets()) {
            return "product " + product;
        }
        return allProducts() ? "market " + market : market + " " + product;
    }
}
