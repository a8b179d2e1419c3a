package com.zeromission.intake;

import java.util.Locale;
import java.util.Set;

/** A market, identified by its ISO 3166-1 alpha-2 country code (upper case). */
public record Market(String code) {

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public Market {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("market is required (ISO 3166-1 alpha-2 country code, e.g. SE)");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if ("UK".equals(upper)) {
            throw new IllegalArgumentException("unknown market 'UK'; the ISO 3166-1 code for the United Kingdom is GB");
        }
        if (!ISO_COUNTRIES.contains(upper)) {
            throw new IllegalArgumentException("unknown market '" + code + "'; expected an ISO 3166-1 alpha-2 country code such as SE, GB or US");
        }
        code = upper;
    }

    public static Market of(String code) {
        return new Market(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
