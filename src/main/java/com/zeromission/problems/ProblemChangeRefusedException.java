package com.zeromission.problems;

/**
 * An analyst's change that the problems' current state does not allow, for example merging a problem into itself,
 * splitting signals off a problem they do not belong to, or undoing a merge twice. Nothing was changed.
 */
public class ProblemChangeRefusedException extends RuntimeException {

    public ProblemChangeRefusedException(String message) {
        super(message);
    }
}
