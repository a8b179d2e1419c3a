package com.zeromission.intake;

import java.util.List;
import java.util.stream.Collectors;

/** A submitted signal broke one or more intake rules; nothing was stored. */
public class InvalidSignalException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidSignalException(List<FieldViolation> violations) {
        super("invalid signal: " + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
