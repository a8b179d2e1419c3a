package com.zeromission.replay;

/**
 * A batch of events was refused because an input value in it is not masked (rrweb masks every character of a typed
 * value as '*'; anything else means the recorder's masking was off or bypassed). Nothing of the batch is stored. The
 * message says which event and where, never the value.
 */
public class UnmaskedInputException extends RuntimeException {

    public UnmaskedInputException(String where) {
        super("an input value that is not masked (only '*' is accepted) in " + where + "; nothing of the batch was "
                + "stored. Record with the recorder's defaults (maskAllInputs)");
    }
}
