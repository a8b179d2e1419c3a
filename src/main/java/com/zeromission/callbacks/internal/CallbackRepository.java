package com.zeromission.callbacks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.zeromission.callbacks.CallEntry;
import com.zeromission.callbacks.CallOutcome;

/** Call lists and their entries, in plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
public class CallbackRepository {

    /** A built week: when, by whom, how many entries. */
    public record Built(LocalDate week, Instant builtAt, String builtBy, int entries) {
    }

    /** An entry to store; the id comes from the database. */
    public record NewEntry(LocalDate week, int rank, long problemId, String problemLabel, UUID signalId, String market,
            String customerKey, String source, String sourceId, Instant receivedAt) {
    }

    private static final String COLUMNS = "id, week, problem_rank, problem_id, problem_label, signal_id, market, "
            + "customer_key, source, source_id, received_at, outcome, notes, agent, called_at, attempts, insight_id";

    private static final RowMapper<CallEntry> ENTRY = CallbackRepository::entry;

    private final JdbcTemplate jdbc;

    CallbackRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the week; throws a DataIntegrityViolationException when it was built before (the build-once guard). */
    public void claim(LocalDate week, String actor, Instant at) {
        jdbc.update("INSERT INTO callback_list (week, built_at, built_by, entries) VALUES (?, ?, ?, 0)", week, ts(at), actor);
    }

    public void setEntries(LocalDate week, int entries) {
        jdbc.update("UPDATE callback_list SET entries = ? WHERE week = ?", entries, week);
    }

    public Optional<Built> built(LocalDate week) {
        return jdbc.query("SELECT week, built_at, built_by, entries FROM callback_list WHERE week = ?",
                (rs, n) -> new Built(rs.getObject(1, LocalDate.class), instant(rs, 2), rs.getString(3), rs.getInt(4)), week)
                .stream().findFirst();
    }

    public void insert(Collection<NewEntry> entries) {
        jdbc.batchUpdate("INSERT INTO callback_entry (week, problem_rank, problem_id, problem_label, signal_id, market, "
                + "customer_key, source, source_id, received_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                entries.stream().map(e -> new Object[] {e.week(), e.rank(), e.problemId(), e.problemLabel(), e.signalId(),
                        e.market(), e.customerKey(), e.source(), e.sourceId(), ts(e.receivedAt())}).toList());
    }

    /** The week's entries still to be listed (not erased), highest-ranked problem first, then oldest complaint. */
    public List<CallEntry> ofWeek(LocalDate week) {
        return jdbc.query("SELECT " + COLUMNS + " FROM callback_entry WHERE week = ? AND erased_at IS NULL "
                + "ORDER BY problem_rank, received_at, id", ENTRY, week);
    }

    public Optional<CallEntry> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM callback_entry WHERE id = ? AND erased_at IS NULL", ENTRY, id)
                .stream().findFirst();
    }

    public void recordCall(long id, CallOutcome outcome, String notes, String agent, Instant at) {
        jdbc.update("UPDATE callback_entry SET outcome = ?, notes = ?, agent = ?, called_at = ?, attempts = attempts + 1 "
                + "WHERE id = ?", outcome.name(), notes, agent, ts(at), id);
    }

    public void setInsight(long id, long insightId) {
        jdbc.update("UPDATE callback_entry SET insight_id = ? WHERE id = ?", insightId, id);
    }

    /**
     * Takes erased customers off every list: the pseudonym and the notes go, the row stays (marked) so the list's
     * count stays what was built. Returns how many entries were erased.
     */
    public int erase(Collection<UUID> signalIds, Instant at) {
        int n = 0;
        for (UUID id : signalIds) {
            n += jdbc.update("UPDATE callback_entry SET customer_key = NULL, notes = NULL, erased_at = ? "
                    + "WHERE signal_id = ? AND erased_at IS NULL", ts(at), id);
        }
        return n;
    }

    private static CallEntry entry(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        long insight = rs.getLong("insight_id");
        Long insightId = rs.wasNull() ? null : insight;
        return new CallEntry(rs.getLong("id"), rs.getObject("week", LocalDate.class), rs.getInt("problem_rank"),
                rs.getLong("problem_id"), rs.getString("problem_label"), rs.getObject("signal_id", UUID.class).toString(),
                rs.getString("market").strip(), rs.getString("customer_key"), rs.getString("source"),
                rs.getString("source_id"), instant(rs, "received_at"), outcome == null ? null : CallOutcome.valueOf(outcome),
                rs.getString("notes"), rs.getString("agent"), instant(rs, "called_at"), rs.getInt("attempts"), insightId);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
