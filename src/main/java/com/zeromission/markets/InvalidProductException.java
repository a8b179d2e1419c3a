package com.zeromission.markets;

/** A value is not a product name the product can count: a slug of 1-64 letters, digits and '-'. */
public class InvalidProductException extends IllegalArgumentException {

    private final String value;

    public InvalidProductException(String value, String message) {
        super(message);
        this.value = value;
    }

    public String value() {
        return value;
    }
}
