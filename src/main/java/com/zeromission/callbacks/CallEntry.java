package com.zeromission.callbacks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One customer to call in a week, about one complaint. {@code customerKey} is intake's keyed pseudonym; the agent
 * finds the customer through {@link #contactRoute()}: the source system and its own id for the complaint (e.g.
 * "zendesk #48211"), where the phone number and the name stay. {@code outcome} and the rest describe the latest
 * call (absent until somebody called); {@code insightId} is the insight the call's note became evidence on.
 */
public record CallEntry(long id, LocalDate week, int rank, long problemId, String problemLabel, String signalId,
        String market, String customerKey, String source, String sourceId, Instant receivedAt, CallOutcome outcome,
        String notes, String agent, Instant calledAt, int attempts, Long insightId) {

    public CallEntry {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
    }

    /** Where the agent calls from: "zendesk #48211". In the JSON too: it is what the agent needs. */
    @com.fasterxml.jackson.annotation.JsonProperty("contactRoute")
    public String contactRoute() {
        return source + " #" + sourceId;
    }

    public boolean called() {
        return outcome != null;
    }

    /** A reached call with a note whose note is not evidence yet. */
    public boolean noteAttachable() {
        return outcome == CallOutcome.REACHED && notes != null && !notes.isBlank() && insightId == null;
    }
}
