package com.zeromission.alarms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.zeromission.markets.Scope;

/**
 * The result of one evaluation as of {@code asOf} (the last complete day: yesterday by the clock at
 * {@code evaluatedAt}): every alert that fired, cleared or stayed open, how many checks ran, and the checks that
 * could not decide and why.
 */
public record Evaluation(Instant evaluatedAt, LocalDate asOf, int checks, List<Transition> transitions,
        List<NoDecision> undecided) {

    /** A check that made no decision: too few purchases, or no figures for the days it needs. */
    public record NoDecision(AlertKind kind, String rule, Scope scope, String reason) {
        public NoDecision {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Evaluation {
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(asOf, "asOf");
        transitions = List.copyOf(transitions);
        undecided = List.copyOf(undecided);
    }

    public List<Alert> fired() {
        return transitions.stream().filter(t -> t instanceof Transition.Fired).map(t -> ((Transition.Fired) t).alert()).toList();
    }

    public List<Alert> cleared() {
        return transitions.stream().filter(t -> t instanceof Transition.Cleared).map(t -> ((Transition.Cleared) t).alert()).toList();
    }

    public List<Alert> stillOpen() {
        return transitions.stream().filter(t -> t instanceof Transition.Unchanged).map(t -> ((Transition.Unchanged) t).alert()).toList();
    }
}
