package com.zeromission.intake;

import java.util.List;

/**
 * Published inside the intake transaction for every committed group of new signals, so that listeners which keep
 * derived state (roll-ups, problem assignment) commit or roll back together with the signals themselves.
 */
public record SignalsIngested(List<Signal> signals) {

    public SignalsIngested {
        signals = List.copyOf(signals);
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("SignalsIngested needs at least one signal");
        }
    }
}
