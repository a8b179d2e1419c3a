package com.zeromission.mystery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the shopper recorded at one step of a run. {@code note} is masked already; {@code signalId} is the signal a
 * finding became when the run was completed (null before, and for steps that were not a problem).
 */
public record StepRecord(Step step, LocalDate date, Outcome outcome, String note, String recordedBy, Instant recordedAt,
        String signalId) {

    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A step with a problem: what becomes a signal. */
    public boolean finding() {
        return outcome == Outcome.PROBLEM;
    }
}
