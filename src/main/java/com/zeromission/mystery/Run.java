package com.zeromission.mystery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A shopper's run of a scenario on a date, with the steps recorded so far in the scenario's order. */
public record Run(long id, long scenarioId, String shopper, LocalDate date, RunStatus status, List<StepRecord> steps,
        String startedBy, Instant startedAt, String completedBy, Instant completedAt) {

    /** A user name: lower case, digits, '.', '_' and '-', as the product's users and team members. */
    public static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public Run {
        if (id <= 0) {
            throw new IllegalArgumentException("run id must be positive, was " + id);
        }
        Objects.requireNonNull(shopper, "shopper");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean inProgress() {
        return status == RunStatus.IN_PROGRESS;
    }

    public List<StepRecord> findings() {
        return steps.stream().filter(StepRecord::finding).toList();
    }

    /** The signals the run's findings became (empty until it is completed). */
    public List<String> signalIds() {
        return steps.stream().map(StepRecord::signalId).filter(Objects::nonNull).toList();
    }

    /** The source id of the signal a finding at {@code step} becomes: unique per run and step, and stable. */
    public String sourceId(Step step) {
        return "run-" + id + "-" + step.code();
    }

    static String user(String field, String name) {
        String n = name == null ? "" : name.strip();
        if (!USER.matcher(n).matches()) {
            throw new IllegalArgumentException(field + " must be a user name (1-64 of a-z, 0-9, '.', '_' or '-'), was '"
                    + Codes.shorten(n) + "'");
        }
        return n;
    }
}
