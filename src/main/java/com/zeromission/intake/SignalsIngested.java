package com.zeromission.intake;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Published with every committed group of new signals. It carries their ids, not their texts: the event is stored in
 * the event publication registry until each listener has taken it (docs/reliability.md), and a listener that needs
 * more reads it through {@link IntakeService#signals(List)}. {@code id} names this event, so that a listener handed it
 * twice (the registry delivers at least once) can tell.
 */
public record SignalsIngested(UUID id, List<SignalId> signals) {

    public SignalsIngested {
        Objects.requireNonNull(id, "id");
        signals = List.copyOf(signals);
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("SignalsIngested needs at least one signal");
        }
    }

    public static SignalsIngested of(List<SignalId> signals) {
        return new SignalsIngested(UUID.randomUUID(), signals);
    }
}
