package com.zeromission.alarms.internal;

import java.time.LocalDate;
import java.util.Objects;

import com.zeromission.alarms.Evidence;
import com.zeromission.alarms.Severity;

/** What one rule says about one scope on one evaluation. */
public sealed interface Decision permits Decision.Firing, Decision.Quiet, Decision.Undecided {

    AlertKey key();

    Severity severity();

    /** The condition holds on {@code asOf}. */
    record Firing(AlertKey key, Severity severity, LocalDate asOf, Evidence evidence, String summary) implements Decision {
        public Firing {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** The condition does not hold on {@code asOf}; {@code why} says which part failed (the reason an alert clears). */
    record Quiet(AlertKey key, Severity severity, LocalDate asOf, String why) implements Decision {
        public Quiet {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(why, "why");
        }
    }

    /** The figures allow no decision: an open alert stays open, none is opened. */
    record Undecided(AlertKey key, Severity severity, String reason) implements Decision {
        public Undecided {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
