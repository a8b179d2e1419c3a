package com.zeromission.problems;

/** No problem has this id. */
public class ProblemNotFoundException extends RuntimeException {

    private final long id;

    public ProblemNotFoundException(long id) {
        super("no problem with id " + id);
        this.id = id;
    }

    public long id() {
        return id;
    }
}
