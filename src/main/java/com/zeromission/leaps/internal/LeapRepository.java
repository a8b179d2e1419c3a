package com.zeromission.leaps.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.zeromission.leaps.LeapMember;
import com.zeromission.leaps.LogEntry;
import com.zeromission.leaps.LogKind;
import com.zeromission.leaps.Recommendation;

/** Leaps, their log and recommendations, in plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
public class LeapRepository {

    /** A leap's own row; the state is computed by the service. */
    public record Row(long id, String name, String mandate, LocalDate start, LocalDate end, List<LeapMember> members,
            List<Long> problemIds, String createdBy, Instant createdAt, String closedBy, Instant closedAt) {
    }

    private static final String COLUMNS = "id, name, mandate, starts_on, ends_on, members, problem_ids, created_by, "
            + "created_at, closed_by, closed_at";

    private final JdbcTemplate jdbc;

    LeapRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String mandate, LocalDate start, LocalDate end, List<LeapMember> members,
            List<Long> problemIds, String actor, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO leap (name, mandate, starts_on, ends_on, members, problem_ids, "
                    + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, name);
            ps.setString(2, mandate);
            ps.setObject(3, start);
            ps.setObject(4, end);
            ps.setString(5, members(members));
            ps.setString(6, problems(problemIds));
            ps.setString(7, actor);
            ps.setObject(8, ts(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Row> find(long id, boolean forUpdate) {
        return jdbc.query("SELECT " + COLUMNS + " FROM leap WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                LeapRepository::row, id).stream().findFirst();
    }

    /** Every leap, the latest start first. */
    public List<Row> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM leap ORDER BY starts_on DESC, id DESC", LeapRepository::row);
    }

    public void update(long id, String name, String mandate, LocalDate start, LocalDate end, List<LeapMember> members,
            List<Long> problemIds) {
        jdbc.update("UPDATE leap SET name = ?, mandate = ?, starts_on = ?, ends_on = ?, members = ?, problem_ids = ? "
                + "WHERE id = ?", name, mandate, start, end, members(members), problems(problemIds), id);
    }

    public void close(long id, String actor, Instant at) {
        jdbc.update("UPDATE leap SET closed_by = ?, closed_at = ? WHERE id = ?", actor, ts(at), id);
    }

    public void addLog(long leapId, LogKind kind, LocalDate day, String author, String text, Instant at) {
        jdbc.update("INSERT INTO leap_log (leap_id, kind, entry_date, author, body, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                leapId, kind.name(), day, author, text, ts(at));
    }

    public List<LogEntry> log(long leapId) {
        return jdbc.query("SELECT id, kind, entry_date, author, body, recorded_at FROM leap_log WHERE leap_id = ? ORDER BY entry_date, id",
                (rs, n) -> new LogEntry(rs.getLong(1), LogKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), instant(rs, 6)), leapId);
    }

    public long addRecommendation(long leapId, String title, String text, long insightId, String actor, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO leap_recommendation (leap_id, title, body, insight_id, created_by, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, leapId);
            ps.setString(2, title);
            ps.setString(3, text);
            ps.setLong(4, insightId);
            ps.setString(5, actor);
            ps.setObject(6, ts(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public List<Recommendation> recommendations(long leapId) {
        return jdbc.query("SELECT id, title, body, insight_id, created_by, created_at FROM leap_recommendation "
                + "WHERE leap_id = ? ORDER BY id", (rs, n) -> new Recommendation(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5), instant(rs, 6)), leapId);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String members = rs.getString(6), problems = rs.getString(7);
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class),
                members.isEmpty() ? List.of() : Arrays.stream(members.split(",")).map(m -> {
                    int at = m.indexOf('@');
                    return new LeapMember(m.substring(0, at), m.substring(at + 1));
                }).toList(),
                problems.isEmpty() ? List.of() : Arrays.stream(problems.split(",")).map(Long::valueOf).toList(),
                rs.getString(8), instant(rs, 9), rs.getString(10), instant(rs, 11));
    }

    private static String members(List<LeapMember> members) {
        return members.stream().map(m -> m.user() + "@" + m.team()).collect(Collectors.joining(","));
    }

    private static String problems(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
