package com.zeromission.insights;

/**
 * A replay moment added to an insight's evidence that cannot be played: its replay is not stored (never recorded,
 * expired, erased), the moment lies after the replay's end, or there is no replay store to ask. Nothing was changed.
 * Moments an insight already has are not checked again: a replay that expired since stays evidence the insight had.
 */
public class ReplayMomentRefusedException extends RuntimeException {

    private final Evidence.ReplayMoment moment;

    public ReplayMomentRefusedException(Evidence.ReplayMoment moment, String why) {
        super("replay moment " + moment.replayId() + " at " + moment.time() + " cannot be evidence: " + why
                + "; nothing was changed");
        this.moment = moment;
    }

    public Evidence.ReplayMoment moment() {
        return moment;
    }
}
