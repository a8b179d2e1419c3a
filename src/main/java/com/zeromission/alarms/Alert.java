package com.zeromission.alarms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import com.zeromission.markets.Scope;

/**
 * A stored alert. It opens on the data day {@code firedOn} (the last complete day it was evaluated on) at the moment
 * {@code firedAt}, and clears on a later evaluation; there is at most one open alert per kind, rule and scope.
 */
public record Alert(UUID id, AlertKind kind, String rule, Severity severity, Scope scope, AlertState state,
        String summary, Evidence evidence, LocalDate firedOn, Instant firedAt, LocalDate clearedOn, Instant clearedAt,
        String clearReason) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(firedOn, "firedOn");
        Objects.requireNonNull(firedAt, "firedAt");
        if ((kind == AlertKind.BURN_RATE) != (evidence instanceof Evidence.BurnRate)) {
            throw new IllegalArgumentException("a " + kind + " alert cannot carry " + evidence.getClass().getSimpleName() + " evidence");
        }
        boolean cleared = state == AlertState.CLEARED;
        if (cleared != (clearedOn != null) || cleared != (clearedAt != null)) {
            throw new IllegalArgumentException("clearedOn and clearedAt are set exactly when the alert is cleared (state "
                    + state + ", clearedOn " + clearedOn + ", clearedAt " + clearedAt + ")");
        }
        if (clearedOn != null && clearedOn.isBefore(firedOn)) {
            throw new IllegalArgumentException("alert cleared on " + clearedOn + ", before it fired on " + firedOn);
        }
    }

    public boolean isOpen() {
        return state == AlertState.OPEN;
    }

    /** The same alert, cleared. */
    public Alert cleared(LocalDate on, Instant at, String reason) {
        return new Alert(id, kind, rule, severity, scope, AlertState.CLEARED, summary, evidence, firedOn, firedAt, on, at, reason);
    }
}
