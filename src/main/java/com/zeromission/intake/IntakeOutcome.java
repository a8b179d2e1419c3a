package com.zeromission.intake;

/** What intake did with one submission. Closed: every caller handles all three. */
public sealed interface IntakeOutcome {

    /** The submission was new and is now stored. */
    record Created(Signal signal) implements IntakeOutcome {
    }

    /** The same (source, source id) with the same content was stored before: the first answer is returned again. */
    record Replayed(Signal signal) implements IntakeOutcome {
    }

    /** The (source, source id) is already stored with different content; nothing was changed. */
    record Conflicted(SignalId existing, String source, String sourceId) implements IntakeOutcome {
    }
}
