package com.zeromission.reports;

/**
 * Where a year ends up against its target. A finished year met or missed it; a running year is on or off track by
 * its projection (or, without one, by the figure so far).
 */
public enum Verdict {
    MET("met"), MISSED("missed"), ON_TRACK("on track"), OFF_TRACK("off track"), NO_TARGET("no target");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public boolean good() {
        return this == MET || this == ON_TRACK;
    }

    /**
     * Judged on the figures as the report prints them (one decimal), so that "28.0 against a target of 28.0" never
     * reads as missed because of a hidden 28.04.
     */
    public static Verdict of(Double target, Double cpm, Double projected, boolean complete) {
        if (target == null) {
            return NO_TARGET;
        }
        Double judged = complete ? cpm : projected != null ? projected : cpm;
        if (judged == null) {
            return NO_TARGET;
        }
        boolean within = ReportText.oneDecimal(judged) <= ReportText.oneDecimal(target);
        return complete ? (within ? MET : MISSED) : (within ? ON_TRACK : OFF_TRACK);
    }
}
