package com.zeromission.insights;

import java.util.Locale;

/**
 * Occurrences a year typed other than the linked problems' measured complaints, without saying why. The measured
 * number is the default because a guess ranks an insight as high as it likes; a different number needs a reason.
 */
public class OccurrencesOverrideWithoutReasonException extends RuntimeException {

    public static final String FIELD = "impact.occurrencesReason";

    private final long typed;
    private final long measured;

    public OccurrencesOverrideWithoutReasonException(long typed, long measured) {
        super(String.format(Locale.ROOT, "%s is required when impact.occurrencesPerYear (%,d) differs from the linked "
                + "problems' measured %,d complaints in the last 52 weeks; leave occurrencesPerYear out (or null) to use "
                + "the measured number", FIELD, typed, measured));
        this.typed = typed;
        this.measured = measured;
    }

    /** The occurrences a year that were typed. */
    public long typed() {
        return typed;
    }

    /** The linked problems' complaints in the last 52 full weeks. */
    public long measured() {
        return measured;
    }
}
