package com.zeromission.mystery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.zeromission.intake.JourneyStage;

/**
 * What the shopper checks after the purchase, each at the journey stage a customer's complaint about it would carry.
 * The order confirmation counts as checkout: it is the last thing the checkout does.
 */
public enum Step {
    ORDER_CONFIRMATION(JourneyStage.CHECKOUT),
    INVOICE(JourneyStage.INVOICE),
    REMINDER(JourneyStage.REMINDER),
    DELIVERY(JourneyStage.DELIVERY),
    RETURN_REFUND(JourneyStage.REFUND),
    CUSTOMER_SERVICE(JourneyStage.CUSTOMER_SERVICE);

    /** Every step, in the order they happen: the steps of a scenario that does not name its own. */
    public static final List<Step> DEFAULT = List.of(values());

    private final JourneyStage stage;

    Step(JourneyStage stage) {
        this.stage = stage;
    }

    public JourneyStage journeyStage() {
        return stage;
    }

    @JsonValue
    public String code() {
        return Codes.code(this);
    }

    public static Step parse(String value) {
        return Codes.parse(Step.class, "step", value);
    }
}
