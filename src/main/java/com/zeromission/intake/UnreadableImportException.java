package com.zeromission.intake;

/**
 * The file as a whole cannot be imported (wrong encoding, unknown header, broken CSV structure, too large).
 * It is detected before any row is written, so a refused file leaves nothing behind.
 */
public class UnreadableImportException extends RuntimeException {

    public enum Reason { ENCODING, HEADER, STRUCTURE, TOO_LARGE, EMPTY, FILE_NAME }

    private final Reason reason;

    public UnreadableImportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
