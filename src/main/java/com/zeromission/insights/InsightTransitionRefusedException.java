package com.zeromission.insights;

/** The workflow does not allow this step from where the insight stands. */
public class InsightTransitionRefusedException extends RuntimeException {
    public InsightTransitionRefusedException(long id, InsightState from, InsightState to, String why) {
        super("insight " + id + " cannot go from " + from.code() + " to " + to.code() + ": " + why);
    }
}
