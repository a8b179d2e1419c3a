package com.zeromission.intake;

import java.util.List;

/** Published in the erasure's transaction: these signals lost their personal content (modules drop their copies). */
public record SignalsErased(List<SignalId> signals) {
    public SignalsErased {
        signals = List.copyOf(signals);
    }
}
