package com.zeromission.mystery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.zeromission.markets.Market;

/**
 * A mystery-shopping scenario: a purchase to make as a customer would ({@code market}, online or in store, through
 * {@code checkout}, paying with {@code payment} and {@code card}), and the {@code steps} to follow after it.
 */
public record Scenario(long id, String name, Market market, Mode mode, String checkout, PaymentMethod payment,
        String card, List<Step> steps, String createdBy, Instant createdAt) {

    public Scenario {
        if (id <= 0) {
            throw new IllegalArgumentException("scenario id must be positive, was " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(card, "card");
        steps = List.copyOf(steps);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The product its signals are counted under. */
    public String product() {
        return payment.product();
    }
}
