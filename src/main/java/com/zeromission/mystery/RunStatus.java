package com.zeromission.mystery;

/** A run is recorded while IN_PROGRESS; once COMPLETED its steps are history and its findings are signals. */
public enum RunStatus {
    IN_PROGRESS,
    COMPLETED
}
