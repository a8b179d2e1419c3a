package com.zeromission.deadlines.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.deadlines.CaseStatus;
import com.zeromission.deadlines.ComplaintCase;
import com.zeromission.intake.Channel;
import com.zeromission.intake.SignalId;

/** The complaint_case table. Plain JDBC, the same SQL on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
public class CaseRepository {

    private static final String COLUMNS = "signal_id, market, product, channel, received_at, counted_from, rule, "
            + "acknowledgement_due, final_reply_due, extension_due, acknowledged_at, holding_reply_at, final_reply_at, status";

    private final JdbcTemplate jdbc;

    CaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A case to open: the complaint and its deadlines. */
    public record NewCase(UUID signalId, String market, String product, Channel channel, Instant receivedAt,
            RuleBook.Deadlines deadlines) {
    }

    /** Opens the cases; one that exists already (a back-fill racing intake) is left as it is. Returns how many opened. */
    public int open(List<NewCase> cases, Instant now) {
        if (cases.isEmpty()) {
            return 0;
        }
        int[][] done = jdbc.batchUpdate("INSERT INTO complaint_case (signal_id, market, product, channel, received_at, "
                + "counted_from, rule, acknowledgement_due, final_reply_due, extension_due, status, opened_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?) ON CONFLICT DO NOTHING", cases, 1_000, (ps, c) -> {
                    ps.setObject(1, c.signalId());
                    ps.setString(2, c.market());
                    ps.setString(3, c.product());
                    ps.setString(4, c.channel().code());
                    ps.setObject(5, utc(c.receivedAt()));
                    ps.setObject(6, c.deadlines().countedFrom());
                    ps.setString(7, c.deadlines().rule());
                    ps.setObject(8, c.deadlines().acknowledgementDue());
                    ps.setObject(9, c.deadlines().finalReplyDue());
                    ps.setObject(10, c.deadlines().extensionDue());
                    ps.setObject(11, utc(now));
                });
        int n = 0;
        for (int[] batch : done) {
            for (int count : batch) {
                n += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
        }
        return n;
    }

    /** The complaints received since {@code since} that have a case (for the start-up back-fill). */
    public java.util.Set<UUID> signalIdsReceivedSince(Instant since) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT signal_id FROM complaint_case WHERE received_at >= ?",
                UUID.class, utc(since)));
    }

    public Optional<ComplaintCase> find(SignalId id, boolean forUpdate) {
        return jdbc.query("SELECT " + COLUMNS + " FROM complaint_case WHERE signal_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                CaseRepository::row, id.value()).stream().findFirst();
    }

    /** Every case without a final reply, optionally of one market. */
    public List<ComplaintCase> open(String market) {
        return market == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM complaint_case WHERE status <> 'closed'", CaseRepository::row)
                : jdbc.query("SELECT " + COLUMNS + " FROM complaint_case WHERE status <> 'closed' AND market = ?",
                        CaseRepository::row, market);
    }

    /** The latest closed cases, most recent final reply first. */
    public List<ComplaintCase> closed(String market, int limit) {
        return market == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM complaint_case WHERE status = 'closed' "
                        + "ORDER BY final_reply_at DESC, signal_id LIMIT ?", CaseRepository::row, limit)
                : jdbc.query("SELECT " + COLUMNS + " FROM complaint_case WHERE status = 'closed' AND market = ? "
                        + "ORDER BY final_reply_at DESC, signal_id LIMIT ?", CaseRepository::row, market, limit);
    }

    /** Writes the replies and status of a case (its deadlines never change). */
    public void saveReplies(ComplaintCase c) {
        jdbc.update("UPDATE complaint_case SET acknowledged_at = ?, holding_reply_at = ?, final_reply_at = ?, status = ? "
                + "WHERE signal_id = ?", utc(c.acknowledgedAt()), utc(c.holdingReplyAt()), utc(c.finalReplyAt()),
                c.status().code(), c.signalId().value());
    }

    public void saveReplies(List<ComplaintCase> cases) {
        jdbc.batchUpdate("UPDATE complaint_case SET acknowledged_at = ?, holding_reply_at = ?, final_reply_at = ?, "
                + "status = ? WHERE signal_id = ?", cases, 1_000, (ps, c) -> {
                    ps.setObject(1, utc(c.acknowledgedAt()));
                    ps.setObject(2, utc(c.holdingReplyAt()));
                    ps.setObject(3, utc(c.finalReplyAt()));
                    ps.setString(4, c.status().code());
                    ps.setObject(5, c.signalId().value());
                });
    }

    /** Every case by receipt, one at a time (the register export streams them; nothing is held in memory). */
    public void each(Consumer<ComplaintCase> action) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT " + COLUMNS + " FROM complaint_case ORDER BY received_at, signal_id");
            ps.setFetchSize(500);
            return ps;
        }, rs -> {
            action.accept(row(rs, 0));
        });
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case", Long.class);
    }

    static ComplaintCase row(ResultSet rs, int n) throws SQLException {
        return new ComplaintCase(new SignalId(rs.getObject(1, UUID.class)), rs.getString(2).strip(), rs.getString(3),
                Channel.parse(rs.getString(4)), instant(rs, 5), rs.getObject(6, LocalDate.class), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                instant(rs, 11), instant(rs, 12), instant(rs, 13), CaseStatus.valueOf(rs.getString(14).toUpperCase(
                        java.util.Locale.ROOT)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

}
