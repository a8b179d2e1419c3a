package com.zeromission.insights;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An insight as stored: its content, where it stands, its quality-gate checklist and its history. */
public record Insight(InsightId id, InsightState state, InsightContent content, QualityGate.Result gate, String createdBy,
        Instant createdAt, Instant updatedAt, List<Transition> history) {

    /** One recorded step: who moved it from where to where, and when. A refused delegation is recorded too. */
    public record Transition(InsightState from, InsightState to, String actor, Instant at, String note) {
    }

    public Insight {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(content, "content");
        history = List.copyOf(history);
    }
}
