package com.zeromission.intake;

import java.util.Objects;

import com.zeromission.privacy.CustomerKey;

/**
 * Published in the transaction of every erasure of a customer ({@link IntakeService#erase}), whether or not they had
 * signals: modules that keep something under the customer's pseudonym (session replays) delete it there and then.
 * Carries the pseudonym only, never the source system's customer id.
 */
public record CustomerErased(String customerKey) {

    public CustomerErased {
        Objects.requireNonNull(customerKey, "customerKey");
        customerKey = new CustomerKey(customerKey).value();
    }

    @Override
    public String toString() {
        return "CustomerErased[customerKey=<pseudonym>]";
    }
}
