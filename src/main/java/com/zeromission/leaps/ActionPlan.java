package com.zeromission.leaps;

import java.util.List;

import com.zeromission.insights.InsightState;

/**
 * What became of a leap's recommendations, as of now: each with its insight's state, owner team and whether it was
 * delegated (handed to the team: delegated or any step after). {@code insightState} is null if the insight is gone.
 */
public record ActionPlan(long leapId, String leapName, List<Item> items, int delegated) {

    public ActionPlan {
        items = List.copyOf(items);
    }

    public record Item(Recommendation recommendation, String insightTitle, InsightState insightState, String ownerTeam,
            String responsiblePerson, boolean delegated) {
    }
}
