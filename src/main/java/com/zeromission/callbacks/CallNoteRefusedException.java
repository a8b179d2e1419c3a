package com.zeromission.callbacks;

/** A call's note cannot become evidence (not reached, no note, attached elsewhere) or the call cannot change. */
public class CallNoteRefusedException extends RuntimeException {

    public CallNoteRefusedException(String message) {
        super(message);
    }
}
