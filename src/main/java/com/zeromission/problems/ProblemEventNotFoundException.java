package com.zeromission.problems;

/** No recorded problem event (merge, split, ...) has this id. */
public class ProblemEventNotFoundException extends RuntimeException {

    public ProblemEventNotFoundException(long id) {
        super("no problem event with id " + id);
    }
}
