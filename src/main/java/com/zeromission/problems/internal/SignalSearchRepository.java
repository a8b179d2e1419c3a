package com.zeromission.problems.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.intake.Channel;
import com.zeromission.intake.JourneyStage;
import com.zeromission.problems.ProblemViews.SignalHit;
import com.zeromission.problems.SignalQuery;

/**
 * Searches intake's {@code signal} table (read only, as {@link ProblemRepository} reads member texts) joined with
 * the problem each signal is in. SQL that runs unchanged on H2 and PostgreSQL: a query word matches where it begins
 * a word of the lower-cased text, that is where {@code ' ' || text} with punctuation turned into spaces contains
 * {@code ' ' || word}. Erased signals are never found.
 */
@Repository
public class SignalSearchRepository {

    /** What separates words besides white space; each becomes a space before matching. */
    static final String SEPARATORS = ".,;:!?()[]{}<>\"'`«»„“”‘’/\\|-–—_*&+=#@%$€£~^\n\r\t";
    private static final String SPACES = " ".repeat(SEPARATORS.length());

    private final JdbcTemplate jdbc;

    public SignalSearchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many signals match, and the page of them the query asks for, newest first. */
    public record Found(long total, List<SignalHit> hits) {
    }

    public Found search(SignalQuery query) {
        var where = new StringBuilder(" WHERE s.erased_at IS NULL");
        var args = new ArrayList<Object>();
        if (query.market() != null) {
            where.append(" AND s.market = ?");
            args.add(query.market().code());
        }
        if (query.product() != null) {
            where.append(" AND s.product = ?");
            args.add(query.product());
        }
        if (query.channel() != null) {
            where.append(" AND s.channel = ?");
            args.add(query.channel().name());
        }
        if (query.journeyStage() != null) {
            where.append(" AND s.journey_stage = ?");
            args.add(query.journeyStage().name());
        }
        if (query.from() != null) {
            where.append(" AND s.received_at >= ?");
            args.add(query.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" AND s.received_at < ?");
            args.add(query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.problemId() != null) {
            where.append(" AND sp.problem_id = ?");
            args.add(query.problemId());
        }
        for (String word : query.words()) {
            // a cheap substring test first, then the word-start test on the rows that pass it
            where.append(" AND LOWER(s.body) LIKE ? AND (' ' || TRANSLATE(LOWER(s.body), ?, ?)) LIKE ?");
            args.add("%" + word + "%");
            args.add(SEPARATORS);
            args.add(SPACES);
            args.add("% " + word + "%");
        }
        String join = query.problemId() != null ? " JOIN signal_problem sp ON sp.signal_id = s.id"
                : " LEFT JOIN signal_problem sp ON sp.signal_id = s.id";
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM signal s" + join + where, Long.class, args.toArray());
        long offset = (long) (query.page() - 1) * query.size();
        if (total == null || total <= offset) {
            return new Found(total == null ? 0 : total, List.of());
        }
        var pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add(offset);
        List<SignalHit> hits = jdbc.query("SELECT s.id, s.received_at, s.market, s.product, s.channel, s.journey_stage, "
                + "s.lang, s.body, p.id, p.custom_label, p.auto_label FROM signal s" + join
                + " LEFT JOIN problem p ON p.id = sp.problem_id" + where
                + " ORDER BY s.received_at DESC, s.id DESC LIMIT ? OFFSET ?", (rs, n) -> {
                    long problem = rs.getLong(9);
                    Long problemId = rs.wasNull() ? null : problem;
                    String custom = rs.getString(10);
                    return new SignalHit(rs.getObject(1, UUID.class).toString(),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3).strip(), rs.getString(4),
                            Channel.valueOf(rs.getString(5)).code(), JourneyStage.valueOf(rs.getString(6)).code(),
                            rs.getString(7), rs.getString(8), problemId, custom != null ? custom : rs.getString(11));
                }, pageArgs.toArray());
        return new Found(total, hits);
    }
}
