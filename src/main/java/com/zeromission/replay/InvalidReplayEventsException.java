package com.zeromission.replay;

/** Events that are not rrweb events (not an array of objects with a numeric type and timestamp, …): nothing stored. */
public class InvalidReplayEventsException extends RuntimeException {

    public InvalidReplayEventsException(String message) {
        super(message);
    }
}
