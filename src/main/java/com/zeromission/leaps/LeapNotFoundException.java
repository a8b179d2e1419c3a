package com.zeromission.leaps;

/** No leap has this id. */
public class LeapNotFoundException extends RuntimeException {
    public LeapNotFoundException(long id) {
        super("no leap with id " + id);
    }
}
