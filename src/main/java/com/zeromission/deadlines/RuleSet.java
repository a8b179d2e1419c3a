package com.zeromission.deadlines;

import java.util.Objects;
import java.util.Optional;

/**
 * The reply rules of one market (or one product in a market): which regulation they come from, how long the
 * acknowledgement and the final reply may take, and, where the rules allow it, the longest a holding reply (sent
 * within the final-reply limit) may extend the final reply to. {@code extendedFinalReply} is null where there is no
 * such extension (DISP 1.6.2's eight weeks).
 */
public record RuleSet(String rule, TimeLimit acknowledgement, TimeLimit finalReply, TimeLimit extendedFinalReply) {

    public RuleSet {
        if (rule == null || rule.isBlank() || rule.length() > 32) {
            throw new IllegalArgumentException("a rule set needs a rule name of 1-32 characters, was '" + rule + "'");
        }
        Objects.requireNonNull(acknowledgement, "acknowledgement");
        Objects.requireNonNull(finalReply, "finalReply");
        if (acknowledgement.getClass() == finalReply.getClass() && acknowledgement.days() > finalReply.days()) {
            throw new IllegalArgumentException(rule + ": the acknowledgement limit (" + acknowledgement.describe()
                    + ") is longer than the final-reply limit (" + finalReply.describe() + ")");
        }
        if (extendedFinalReply != null && (extendedFinalReply.getClass() != finalReply.getClass()
                || extendedFinalReply.days() <= finalReply.days())) {
            throw new IllegalArgumentException(rule + ": the extended final-reply limit (" + extendedFinalReply.describe()
                    + ") must be longer than the final-reply limit (" + finalReply.describe() + ") and counted the same way");
        }
    }

    public Optional<TimeLimit> extension() {
        return Optional.ofNullable(extendedFinalReply);
    }
}
