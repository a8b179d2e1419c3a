package com.zeromission.intake.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.zeromission.audit.AuditLog;
import com.zeromission.intake.RowError;

/** The import history and each import's row-level error report. */
@Repository
public class ImportRepository {

    public record ImportRecord(UUID id, String fileName, String format, String origin, String status, Long rowsTotal,
            long rowsRead, long created, long replayed, long rejected, Instant startedAt, Instant finishedAt,
            String failure) {
    }

    private final JdbcTemplate jdbc;

    private final AuditLog audit;

    public ImportRepository(JdbcTemplate jdbc, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    public void start(UUID id, String fileName, String format, String origin, long rowsTotal, Instant now) {
        jdbc.update("INSERT INTO signal_import (id, file_name, format, origin, status, rows_total, rows_read, rows_created, "
                + "rows_replayed, rows_rejected, started_at) VALUES (?, ?, ?, ?, 'RUNNING', ?, 0, 0, 0, 0, ?)",
                id, fileName, format, origin, rowsTotal, utc(now));
    }

    public void progress(UUID id, long read, long created, long replayed, long rejected, List<RowError> newErrors) {
        jdbc.update("UPDATE signal_import SET rows_read = ?, rows_created = ?, rows_replayed = ?, rows_rejected = ? WHERE id = ?",
                read, created, replayed, rejected, id);
        if (!newErrors.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO signal_import_error (import_id, line_number, column_name, reason) VALUES (?, ?, ?, ?)",
                    newErrors, 500, (ps, e) -> {
                        ps.setObject(1, id);
                        ps.setLong(2, e.line());
                        ps.setString(3, e.column());
                        ps.setString(4, e.reason().length() > 1000 ? e.reason().substring(0, 1000) : e.reason());
                    });
        }
    }

    public void finish(UUID id, String status, String failure, Instant now) {
        finish(id, status, failure, now, null);
    }

    /** {@code actor}: who the audit trail names (null: the import's origin). */
    public void finish(UUID id, String status, String failure, Instant now, String actor) {
        jdbc.update("UPDATE signal_import SET status = ?, failure = ?, finished_at = ? WHERE id = ?", status,
                failure == null ? null : failure.length() > 1000 ? failure.substring(0, 1000) : failure, utc(now), id);
        // the trail: which file, from where, with what result (the names are masked by the audit log)
        var row = jdbc.queryForMap("SELECT file_name, origin, rows_created, rows_replayed, rows_rejected FROM signal_import "
                + "WHERE id = ?", id);
        audit.record(actor != null ? actor : String.valueOf(row.get("origin")), "import." + status.toLowerCase(java.util.Locale.ROOT),
                "import " + id + " (" + row.get("file_name") + ")", row.get("rows_created") + " created, "
                        + row.get("rows_replayed") + " already there, " + row.get("rows_rejected") + " rejected"
                        + (failure == null ? "" : "; " + failure));
    }

    /** Imports a crashed process left RUNNING are marked INTERRUPTED: their committed rows stay, a re-run adds the rest. */
    public int markInterrupted(Instant now) {
        return jdbc.update("UPDATE signal_import SET status = 'INTERRUPTED', finished_at = ?, failure = ? WHERE status = 'RUNNING'",
                utc(now), "the process stopped during the import; import the same file again to add the rows still missing");
    }

    public Optional<ImportRecord> find(UUID id) {
        return jdbc.query("SELECT * FROM signal_import WHERE id = ?", RECORD, id).stream().findFirst();
    }

    public List<ImportRecord> recent(int limit) {
        return jdbc.query("SELECT * FROM signal_import ORDER BY started_at DESC LIMIT " + limit, RECORD);
    }

    public List<RowError> errors(UUID id, long afterLine, int limit) {
        return jdbc.query("SELECT line_number, column_name, reason FROM signal_import_error WHERE import_id = ? "
                + "AND line_number > ? ORDER BY line_number LIMIT " + limit,
                (rs, n) -> new RowError(rs.getLong(1), rs.getString(2), rs.getString(3)), id, afterLine);
    }

    private static final RowMapper<ImportRecord> RECORD = (rs, n) -> new ImportRecord(
            rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("format"), rs.getString("origin"),
            rs.getString("status"), (Long) rs.getObject("rows_total", Long.class), rs.getLong("rows_read"),
            rs.getLong("rows_created"), rs.getLong("rows_replayed"), rs.getLong("rows_rejected"),
            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
            rs.getString("failure"));

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
