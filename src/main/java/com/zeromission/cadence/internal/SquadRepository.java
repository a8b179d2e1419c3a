package com.zeromission.cadence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.zeromission.cadence.Squad;
import com.zeromission.cadence.SquadStatus;

/** Squads and formed weeks, in plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
public class SquadRepository {

    /** A formed week: when, by whom, how many squads. */
    public record Run(LocalDate week, Instant formedAt, String formedBy, int squads) {
    }

    /** A squad to store; the id comes from the database. */
    public record NewSquad(LocalDate week, LocalDate problemWeek, long problemId, int rank, long complaints, String name,
            String lead, List<String> members, String mandate, LocalDate due, Long insightId, String formedBy,
            Instant formedAt) {
    }

    private static final String COLUMNS = "id, week, problem_week, problem_id, problem_rank, complaints, name, lead, "
            + "members, mandate, due, status, outcome, insight_id, formed_by, formed_at, closed_by, closed_at";

    private final JdbcTemplate jdbc;

    SquadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the week; throws a DataIntegrityViolationException when it was claimed before (the run-once guard). */
    public void claim(LocalDate week, String actor, Instant at) {
        jdbc.update("INSERT INTO cadence_run (week, formed_at, formed_by, squads) VALUES (?, ?, ?, 0)", week, ts(at), actor);
    }

    public void setRunSquads(LocalDate week, int squads) {
        jdbc.update("UPDATE cadence_run SET squads = ? WHERE week = ?", squads, week);
    }

    public Optional<Run> run(LocalDate week) {
        return jdbc.query("SELECT week, formed_at, formed_by, squads FROM cadence_run WHERE week = ?",
                (rs, n) -> new Run(rs.getObject(1, LocalDate.class), instant(rs, 2), rs.getString(3), rs.getInt(4)), week)
                .stream().findFirst();
    }

    public long insert(NewSquad s) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO squad (week, problem_week, problem_id, problem_rank, complaints, name, "
                    + "lead, members, mandate, due, status, insight_id, formed_by, formed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setObject(1, s.week());
            ps.setObject(2, s.problemWeek());
            ps.setLong(3, s.problemId());
            ps.setInt(4, s.rank());
            ps.setLong(5, s.complaints());
            ps.setString(6, s.name());
            ps.setString(7, s.lead());
            ps.setString(8, String.join(",", s.members()));
            ps.setString(9, s.mandate());
            ps.setObject(10, s.due());
            ps.setString(11, SquadStatus.ACTIVE.name());
            ps.setObject(12, s.insightId());
            ps.setString(13, s.formedBy());
            ps.setObject(14, ts(s.formedAt()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Squad> find(long id, boolean forUpdate) {
        return jdbc.query("SELECT " + COLUMNS + " FROM squad WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                SquadRepository::squad, id).stream().findFirst();
    }

    public List<Squad> ofWeek(LocalDate week) {
        return jdbc.query("SELECT " + COLUMNS + " FROM squad WHERE week = ? ORDER BY problem_rank, id", SquadRepository::squad,
                week);
    }

    public List<Squad> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM squad WHERE status = 'ACTIVE' ORDER BY week DESC, problem_rank, id",
                SquadRepository::squad);
    }

    public Set<Long> activeProblemIds() {
        return Set.copyOf(jdbc.queryForList("SELECT DISTINCT problem_id FROM squad WHERE status = 'ACTIVE'", Long.class));
    }

    public void update(long id, String lead, List<String> members, String mandate, LocalDate due) {
        jdbc.update("UPDATE squad SET lead = ?, members = ?, mandate = ?, due = ? WHERE id = ?", lead,
                String.join(",", members), mandate, due, id);
    }

    public void close(long id, String outcome, String actor, Instant at) {
        jdbc.update("UPDATE squad SET status = 'CLOSED', outcome = ?, closed_by = ?, closed_at = ? WHERE id = ?", outcome,
                actor, ts(at), id);
    }

    private static Squad squad(ResultSet rs, int n) throws SQLException {
        String members = rs.getString(9);
        long insight = rs.getLong(14);
        Long insightId = rs.wasNull() ? null : insight;
        return new Squad(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getLong(4),
                rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                members == null || members.isEmpty() ? List.of() : Arrays.asList(members.split(",")), rs.getString(10),
                rs.getObject(11, LocalDate.class), SquadStatus.valueOf(rs.getString(12)), rs.getString(13), insightId,
                rs.getString(15), instant(rs, 16), rs.getString(17), instant(rs, 18));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
