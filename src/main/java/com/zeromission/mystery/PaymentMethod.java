package com.zeromission.mystery;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the shopper pays. Each is one of the products signals are counted under, so a finding lands in the same
 * figures and problems as customers' complaints about that product.
 */
public enum PaymentMethod {
    PAY_LATER("pay-later"),
    PAY_IN_3("pay-in-3"),
    PAY_NOW("pay-now"),
    FINANCING("financing");

    private final String product;

    PaymentMethod(String product) {
        this.product = product;
    }

    /** The product slug the signals of this payment method carry. */
    public String product() {
        return product;
    }

    @JsonValue
    public String code() {
        return product;
    }

    public static PaymentMethod parse(String value) {
        return Codes.parse(PaymentMethod.class, "payment", value);
    }
}
