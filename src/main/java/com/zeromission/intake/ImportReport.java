package com.zeromission.intake;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The result of one import. {@code errors} holds the first {@link #MAX_ERRORS_IN_REPORT} row errors; all of them
 * are stored and can be listed by import id.
 */
public record ImportReport(
        UUID importId,
        String fileName,
        ImportFormat format,
        long rows,
        long created,
        long replayed,
        long rejected,
        List<RowError> errors,
        Duration duration) {

    public static final int MAX_ERRORS_IN_REPORT = 1_000;

    public ImportReport {
        errors = List.copyOf(errors);
        if (created + replayed + rejected != rows) {
            throw new IllegalArgumentException("created " + created + " + replayed " + replayed + " + rejected "
                    + rejected + " must equal rows " + rows);
        }
    }

    public double rowsPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }
}
