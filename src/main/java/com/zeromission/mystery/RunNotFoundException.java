package com.zeromission.mystery;

/** No mystery-shopping run has this id. */
public class RunNotFoundException extends RuntimeException {
    public RunNotFoundException(long id) {
        super("no mystery-shopping run with id " + id);
    }
}
