package com.zeromission.mystery;

import java.util.List;

/** What completing a run did. Closed: the caller tells a first completion from a repeated one. */
public sealed interface Completion {

    Run run();

    /** The signals the run's findings are, in step order. */
    List<String> signalIds();

    /** The run was in progress and is now completed; its findings are signals (new, or stored by an earlier try). */
    record Completed(Run run, List<String> signalIds) implements Completion {
        public Completed {
            signalIds = List.copyOf(signalIds);
        }
    }

    /** The run was completed before: nothing changed, the signals are the ones it produced then. */
    record AlreadyCompleted(Run run, List<String> signalIds) implements Completion {
        public AlreadyCompleted {
            signalIds = List.copyOf(signalIds);
        }
    }
}
