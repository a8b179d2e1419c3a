package com.zeromission.problems.grouping;

/**
 * One merge done by {@link OnlineGrouper#consolidate}: group {@code fromId} was merged into {@code intoId} (which
 * keeps its id) because their centroids had this cosine similarity. Recorded by the caller so that it can be undone.
 */
public record Merge(long intoId, long fromId, double similarity) {

    public Merge {
        if (intoId == fromId) {
            throw new IllegalArgumentException("a group cannot be merged into itself: " + intoId);
        }
    }
}
