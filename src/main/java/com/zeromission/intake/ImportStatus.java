package com.zeromission.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an import stands, as recorded after every committed chunk: {@code rowsRead} of {@code rowsTotal} rows are
 * durable. {@code status} is RUNNING, COMPLETED or FAILED (with the reason in {@code failure}).
 */
public record ImportStatus(UUID id, String fileName, String format, String origin, String status, Long rowsTotal,
        long rowsRead, long created, long replayed, long rejected, Instant startedAt, Instant finishedAt,
        String failure) {

    public ImportStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    public boolean finished() {
        return !"RUNNING".equals(status);
    }

    /** 0-100; a finished import is 100 whatever its counts. */
    public int percent() {
        if (finished()) {
            return 100;
        }
        if (rowsTotal == null || rowsTotal == 0) {
            return 0;
        }
        return (int) Math.min(99, rowsRead * 100 / rowsTotal);
    }
}
