package com.zeromission.intake;

/**
 * One rejected row of an import: the physical line where the record starts (1 = header), the column at fault
 * (null when the whole row is at fault) and why. Never contains the text or the customer id of the row.
 */
public record RowError(long line, String column, String reason) {

    public RowError {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
    }
}
