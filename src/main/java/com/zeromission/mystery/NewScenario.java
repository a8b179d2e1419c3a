package com.zeromission.mystery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.zeromission.markets.Market;
import com.zeromission.privacy.TextMasker;

/**
 * A scenario to create, checked here so that a template that cannot be run is refused with every reason naming the
 * wrong value. The texts are descriptions of the purchase, shown unmasked: they must not hold personal data (a
 * shopper's card number or e-mail address does not belong in a template).
 *
 * @param steps the steps to follow after the purchase; null or empty means {@link Step#DEFAULT}
 */
public record NewScenario(String name, Market market, Mode mode, String checkout, PaymentMethod payment, String card,
        List<Step> steps) {

    public static final int MAX_NAME = 120, MAX_CHECKOUT = 120, MAX_CARD = 60;

    public NewScenario {
        name = text("name", name, MAX_NAME, "e.g. SE online pay later");
        if (market == null) {
            throw new IllegalArgumentException("market is required (ISO 3166-1 alpha-2 country code, e.g. SE)");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is required; one of " + Codes.allowed(Mode.class));
        }
        checkout = text("checkout", checkout, MAX_CHECKOUT, "e.g. merchant web shop, in-app, store terminal");
        if (payment == null) {
            throw new IllegalArgumentException("payment is required; one of " + Codes.allowed(PaymentMethod.class));
        }
        card = text("card", card, MAX_CARD, "e.g. debit Visa, or none");
        if (steps == null || steps.isEmpty()) {
            steps = Step.DEFAULT;
        } else {
            if (steps.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("steps must not contain an empty step; one of " + Codes.allowed(Step.class));
            }
            var distinct = new LinkedHashSet<>(steps);
            if (distinct.size() != steps.size()) {
                var twice = new ArrayList<>(steps);
                distinct.forEach(twice::remove);
                throw new IllegalArgumentException("steps must name each step once; " + twice.getFirst().code()
                        + " is named more than once");
            }
            steps = List.copyOf(steps);
        }
    }

    /** From the API's spelling: codes in any case (pay-later, in-store, order-confirmation). */
    public static NewScenario parse(String name, String market, String mode, String checkout, String payment, String card,
            List<String> steps) {
        return new NewScenario(name, market == null || market.isBlank() ? null : Market.of(market),
                mode == null || mode.isBlank() ? null : Mode.parse(mode), checkout,
                payment == null || payment.isBlank() ? null : PaymentMethod.parse(payment), card,
                steps == null ? null : steps.stream().map(Step::parse).toList());
    }

    private static String text(String field, String value, int max, String example) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new IllegalArgumentException(field + " must be 1-" + max + " characters (" + example + "), was "
                    + v.length());
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        var found = TextMasker.standard().mask(v).counts();
        if (!found.isEmpty()) {
            throw new IllegalArgumentException(field + " looks like it holds personal data ("
                    + found.keySet().iterator().next().name() + "); a scenario describes the purchase, not a person");
        }
        return v;
    }
}
