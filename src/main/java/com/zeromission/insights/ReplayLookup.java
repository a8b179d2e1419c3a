package com.zeromission.insights;

import java.util.OptionalLong;

/**
 * The seam between insights and the session replays (issue 18): whether a replay is stored, and how long it is, so
 * that an insight's {@link Evidence.ReplayMoment} points at a moment that can be played. The replay module answers;
 * the bean that implements this is wired by the integrator (an adapter over {@code replay.Replays}), because the
 * replay module is written beside this one.
 *
 * <p>Without such a bean, insights cannot check a new moment and refuse it ({@link ReplayMomentRefusedException}
 * says so), rather than store a moment nobody checked: evidence the quality gate counts must be real.
 */
@FunctionalInterface
public interface ReplayLookup {

    /**
     * The replay's length in milliseconds (its last event's time after its first), or empty when no replay of that
     * id is stored: never recorded, expired, or erased with its customer.
     *
     * @param replayId a uuid in canonical lower-case form, as {@link Evidence.ReplayMoment} keeps it
     */
    OptionalLong durationMillis(String replayId);
}
