package com.zeromission.insights.internal;

import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import com.zeromission.insights.ReplayLookup;
import com.zeromission.replay.ReplayId;
import com.zeromission.replay.Replays;

/**
 * Answers {@link ReplayLookup} from the stored session replays: an insight's replay moment must name a replay that is
 * stored, at a time within it. Reads the session alone, not its events (a check on every saved moment).
 */
@Component
class ReplayDurations implements ReplayLookup {

    private final Replays replays;

    ReplayDurations(Replays replays) {
        this.replays = replays;
    }

    @Override
    public OptionalLong durationMillis(String replayId) {
        return replays.durationMillis(ReplayId.parse(replayId));
    }
}
