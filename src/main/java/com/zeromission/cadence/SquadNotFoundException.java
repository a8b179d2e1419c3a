package com.zeromission.cadence;

/** No squad has this id. */
public class SquadNotFoundException extends RuntimeException {
    public SquadNotFoundException(long id) {
        super("no squad with id " + id);
    }
}
