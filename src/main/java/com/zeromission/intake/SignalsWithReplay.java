package com.zeromission.intake;

import java.util.List;

/**
 * Published in the transaction that stores new signals, listing those of them that came with a session replay
 * ({@link Signal#replayId()} set). Listeners run in that transaction: the replay module links each signal to its
 * session before the signal is acknowledged, so no signal is ever stored without its link. Signals are masked and
 * safe to hold.
 */
public record SignalsWithReplay(List<Signal> signals) {

    public SignalsWithReplay {
        signals = List.copyOf(signals);
        if (signals.stream().anyMatch(s -> s.replayId() == null)) {
            throw new IllegalArgumentException("SignalsWithReplay lists only signals with a replay id");
        }
    }
}
