package com.zeromission.deadlines;

/** A reply that the case's state or rules do not allow (a holding reply after the deadline, a second final reply). */
public class ReplyRefusedException extends RuntimeException {
    public ReplyRefusedException(String message) {
        super(message);
    }
}
