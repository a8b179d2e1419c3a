package com.zeromission.intake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A (source, source id) that is already stored was sent again with a different body. Like Stripe's idempotency
 * keys, a key stands for exactly one request; the request was refused and nothing changed.
 */
public class IdempotencyConflictException extends RuntimeException {

    private final List<IntakeOutcome.Conflicted> conflicts;

    public IdempotencyConflictException(List<IntakeOutcome.Conflicted> conflicts) {
        super(conflicts.stream()
                .map(c -> "source '" + c.source() + "' with sourceId '" + c.sourceId() + "' is already stored as signal "
                        + c.existing() + " with a different body")
                .collect(Collectors.joining("; ")));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<IntakeOutcome.Conflicted> conflicts() {
        return conflicts;
    }
}
