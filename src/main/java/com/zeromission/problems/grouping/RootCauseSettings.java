package com.zeromission.problems.grouping;

/**
 * How {@link OnlineGrouper#rootCauseCandidates} finds the groups that are one root cause (see {@link Communities}).
 *
 * @param neighbours  each group is linked to at most this many most similar groups
 * @param percentile  a link needs a similarity of at least this percentile (0–100) of all pairs of groups: "unusually
 *                    similar for this collection", whatever the collection's texts have in common anyway
 * @param resolution  modularity resolution of the community detection: 1 is the standard; higher gives more,
 *                    smaller root causes
 * @param maxGroups   only the largest this many groups take part (the pass compares every pair)
 */
public record RootCauseSettings(int neighbours, double percentile, double resolution, int maxGroups) {

    public RootCauseSettings {
        if (neighbours < 1 || neighbours > 100) {
            throw new IllegalArgumentException("neighbours must be within [1, 100], was " + neighbours);
        }
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be within [0, 100], was " + percentile);
        }
        if (!(resolution > 0 && resolution <= 100)) {
            throw new IllegalArgumentException("resolution must be within (0, 100], was " + resolution);
        }
        if (maxGroups < 2) {
            throw new IllegalArgumentException("maxGroups must be at least 2, was " + maxGroups);
        }
    }

    /**
     * Ten neighbours, links above the 95th percentile, standard modularity: generic choices (a sparse graph of
     * strong links), not fitted to a data set; docs/grouping.md has the measurements on three.
     */
    public static RootCauseSettings defaults() {
        return new RootCauseSettings(10, 95, 1.0, 2_000);
    }

    public RootCauseSettings withPercentile(double value) {
        return new RootCauseSettings(neighbours, value, resolution, maxGroups);
    }

    public RootCauseSettings withResolution(double value) {
        return new RootCauseSettings(neighbours, percentile, value, maxGroups);
    }

    public RootCauseSettings withNeighbours(int value) {
        return new RootCauseSettings(value, percentile, resolution, maxGroups);
    }
}
