package com.zeromission.markets;

import java.util.Locale;
import java.util.Set;

/**
 * A market, identified by its ISO 3166-1 alpha-2 country code (upper case). The one vocabulary for markets: signals,
 * purchases, targets, alerts and the CPM filters all take their markets through here, so that a market one of them
 * refuses can't become a market of its own in another (CPM divides signals by purchases of the same market).
 * <p>
 * {@code UK} is refused with a hint rather than taken as GB: ISO 3166 reserves it (exceptionally) without making it
 * the United Kingdom's code, and silently rewriting a file's market would hide a file written for another system.
 */
public record Market(String code) {

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    /** What a refusal says is allowed. */
    public static final String ALLOWED = "an ISO 3166-1 alpha-2 country code such as SE, GB or US";

    public Market {
        if (code == null || code.isBlank()) {
            throw new UnknownMarketException(code, "market is required (" + ALLOWED + ")");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if ("UK".equals(upper)) {
            throw new UnknownMarketException(code, "unknown market 'UK'; the ISO 3166-1 code for the United Kingdom is GB");
        }
        if (!ISO_COUNTRIES.contains(upper)) {
            throw new UnknownMarketException(code, "unknown market '" + quoted(code) + "'; expected " + ALLOWED);
        }
        code = upper;
    }

    /** A refused value as a message quotes it: at most 40 characters (a market is two; a pasted text is not echoed). */
    static String quoted(String value) {
        return value == null ? "null" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    public static Market of(String code) {
        return new Market(code);
    }

    /** Every code {@link Market} accepts, e.g. for a migration or a client's drop-down. */
    public static Set<String> codes() {
        return ISO_COUNTRIES;
    }

    @Override
    public String toString() {
        return code;
    }
}
