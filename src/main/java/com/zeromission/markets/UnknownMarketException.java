package com.zeromission.markets;

/**
 * A value is not one of the markets the product counts: ISO 3166-1 alpha-2 country codes. An
 * {@link IllegalArgumentException}, so every entry point's existing "bad value → 400" handling answers it.
 */
public class UnknownMarketException extends IllegalArgumentException {

    private final String value;

    public UnknownMarketException(String value, String message) {
        super(message);
        this.value = value;
    }

    public String value() {
        return value;
    }
}
