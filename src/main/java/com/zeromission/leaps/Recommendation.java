package com.zeromission.leaps;

import java.time.Instant;

/** A recommendation of a leap's deliverable and the insight it became (the owner team carries it out). */
public record Recommendation(long id, String title, String text, long insightId, String createdBy, Instant createdAt) {
}
