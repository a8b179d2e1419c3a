package com.zeromission.insights;

/** No insight has this id. */
public class InsightNotFoundException extends RuntimeException {
    public InsightNotFoundException(long id) {
        super("no insight with id " + id);
    }
}
