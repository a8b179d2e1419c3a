package com.zeromission.problems.grouping;

/**
 * Where {@link OnlineGrouper#assign} put a text.
 *
 * @param groupId    the group's id (from the grouper's id supplier when the group is new)
 * @param newGroup   true when the text started a new group
 * @param similarity cosine similarity of the text to the group it joined (before it joined), 0 to 1; for a new
 *                   group, the similarity to the closest existing group (0 when there was none), which was below
 *                   the threshold
 */
public record Assignment(long groupId, boolean newGroup, double similarity) {

    public Assignment {
        if (!(similarity >= 0 && similarity <= 1 + 1e-9)) {
            throw new IllegalArgumentException("similarity must be within [0, 1], was " + similarity);
        }
    }
}
