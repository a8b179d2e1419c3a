package com.zeromission.demo;

import java.util.Arrays;

/**
 * The real problems the demo data is about (see the product brief), each with a stable key. The key is the ground
 * truth a grouping algorithm should rediscover; it is never part of a signal's text or fields.
 */
public enum DemoProblem {

    INVOICE_REMINDER_FEE("invoice-reminder-fee",
            "The paper invoice was delayed by the post after new year, the customer never got it and was charged a reminder fee"),
    PRODUCT_NAME_CONFUSION("product-name-confusion",
            "Customers took the part-payment product for paying directly and were surprised by instalments (renamed in 2025)"),
    REFUND_FRICTION("refund-friction",
            "Returned goods, but the refund is late or the invoice still has to be paid (returns portal launched in 2025)"),
    CREDIT_DECLINE_UNCLEAR("credit-decline-unclear",
            "A credit purchase was declined without an understandable reason"),
    MISSED_PAYMENT("missed-payment",
            "A payment was missed, followed by late fees or debt collection (scheduled payments, better reminders, retries)"),
    DELIVERY_RETURNS("delivery-returns",
            "Goods not delivered or a return not accepted by the merchant, while the customer is asked to pay"),
    CUSTOMER_SERVICE_REACH("customer-service-reach",
            "Hard to reach customer service, or the answer could not be found in the app"),
    MISC("misc",
            "The long tail: address changes, statements, interest questions, account settings"),
    POSITIVE("positive-feedback",
            "Praise and suggestions: never a complaint, but part of the voice of the customer");

    private final String key;
    private final String description;

    DemoProblem(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The stable key, e.g. {@code invoice-reminder-fee}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public static DemoProblem ofKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown demo problem '" + key + "'"));
    }
}
