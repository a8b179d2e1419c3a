package com.zeromission.reports;

/** Which way a problem's complaints go: the last six weeks of the window against the six before. */
public enum Trend {
    RISING, STEADY, FALLING;

    /** A change within ±10 % is steady: week-to-week noise of a few dozen complaints is that large. */
    public static final double STEADY_PERCENT = 10;

    public static Trend of(Double changePercent) {
        if (changePercent == null) {
            return RISING; // nothing before, something now: it is new
        }
        return changePercent > STEADY_PERCENT ? RISING : changePercent < -STEADY_PERCENT ? FALLING : STEADY;
    }

    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
