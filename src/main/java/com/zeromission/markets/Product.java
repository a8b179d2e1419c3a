package com.zeromission.markets;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A product, by its slug: 1-64 of a-z, 0-9 and '-', beginning and ending with a letter or digit ({@code pay-later}).
 * The one vocabulary for products, as {@link Market} is for markets: signals, purchases, targets, alerts and the CPM
 * filters take their products through {@link #of}, which normalises the way signals always have ("Pay Later" and
 * "pay_later" are pay-later), so the numerator and the denominator of CPM name a product the same way.
 */
public record Product(String code) {

    // compiled once: every stored purchase and signal row read back names its product (String.replaceAll compiles
    // its pattern on each call, which was most of the time of reading a year of purchase figures)
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_/,&]+"),
            OTHER = Pattern.compile("[^a-z0-9-]"), HYPHENS = Pattern.compile("-{2,}"),
            EDGE_HYPHEN = Pattern.compile("^-|-$"), TRAILING_HYPHEN = Pattern.compile("-$");
    public static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    /** What a refusal says is allowed. */
    public static final String ALLOWED = "1-64 of a-z, 0-9 and '-' (e.g. pay-later, pay-in-3, financing, card)";

    public Product {
        if (code == null || !SLUG.matcher(code).matches()) {
            throw new InvalidProductException(code, "product must be " + ALLOWED + ", was '" + Market.quoted(code) + "'");
        }
    }

    /** The product a person or a file names: normalised to its slug first ({@link #slug}). */
    public static Product of(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidProductException(name, "product is required: " + ALLOWED);
        }
        String slug = slug(name);
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidProductException(name, "product must be " + ALLOWED + " once normalised, was '" + Market.quoted(name) + "'");
        }
        return new Product(slug);
    }

    /** Lower case, spaces and underscores to hyphens: "Pay Later" and "pay_later" are the product pay-later. */
    public static String slug(String product) {
        String s = product.trim().toLowerCase(Locale.ROOT);
        s = SEPARATORS.matcher(s).replaceAll("-");
        s = OTHER.matcher(s).replaceAll("");
        s = HYPHENS.matcher(s).replaceAll("-");
        s = EDGE_HYPHEN.matcher(s).replaceAll("");
        return s.length() > 64 ? TRAILING_HYPHEN.matcher(s.substring(0, 64)).replaceAll("") : s;
    }


    @Override
    public String toString() {
        return code;
    }
}
