package com.zeromission.mystery;

/** No mystery-shopping scenario has this id. */
public class ScenarioNotFoundException extends RuntimeException {
    public ScenarioNotFoundException(long id) {
        super("no mystery-shopping scenario with id " + id);
    }
}
