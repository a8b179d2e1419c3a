package com.zeromission.problems.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.intake.Channel;
import com.zeromission.intake.JourneyStage;
import com.zeromission.problems.ProblemViews.SignalHit;
import com.zeromission.problems.SignalQuery;

/**
 * Searches problems' copy of the signals ({@code problem_signal}, see {@link SignalCopies}) joined with
 * the problem each signal is in. SQL that runs unchanged on H2 and PostgreSQL: a query word (its search prefix, see
 * {@link SignalQuery#prefixes()}) matches where it begins a word of the text in any case, that is where
 * {@code ' ' || text} with punctuation turned into spaces contains {@code ' ' || word} (ILIKE). Erased signals are
 * never found. No index helps a substring search on both databases (PostgreSQL's pg_trgm would, H2 has nothing like
 * it), so every search with words scans the texts once: a few hundred milliseconds for the demo's 142,851 signals on
 * H2 (docs/problems.md).
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
            // a root cause's signals include its variants' (the problems that are its other phrasings and languages)
            where.append(" AND (sp.problem_id = ? OR sp.problem_id IN (SELECT id FROM problem WHERE root_id = ?))");
            args.add(query.problemId());
            args.add(query.problemId());
        }
        for (String word : query.prefixes()) {
            // A cheap substring test first (ILIKE: twice as fast as LOWER(..) LIKE on H2), then the word-start test on
            // the few rows that pass it.
            where.append(" AND s.body ILIKE ? AND (' ' || TRANSLATE(s.body, ?, ?)) ILIKE ?");
            args.add("%" + word + "%");
            args.add(SEPARATORS);
            args.add(SPACES);
            args.add("% " + word + "%");
        }
        String join = query.problemId() != null ? " JOIN signal_problem sp ON sp.signal_id = s.id" : "";
        long offset = (long) (query.page() - 1) * query.size();
        if (query.words().isEmpty()) {
            // Filters only: the count, then the page in the order of the received_at index.
            Long total = jdbc.queryForObject("SELECT COUNT(*) FROM problem_signal s" + join + where, Long.class, args.toArray());
            if (total == null || total <= offset) {
                return new Found(total == null ? 0 : total, List.of());
            }
            var pageArgs = new ArrayList<>(args);
            pageArgs.add(query.size());
            pageArgs.add(offset);
            List<UUID> ids = jdbc.queryForList("SELECT s.id FROM problem_signal s" + join + where
                    + " ORDER BY s.received_at DESC, s.id DESC LIMIT ? OFFSET ?", UUID.class, pageArgs.toArray());
            return new Found(total, hits(ids));
        }
        // Words: one scan finds every match (id and time only), counted and ordered here; then the page's signals.
        // Half the time of a count and a page query, which would each scan every text.
        var matches = new ArrayList<Match>();
        jdbc.query("SELECT s.id, s.received_at FROM problem_signal s" + join + where, rs -> {
            matches.add(new Match(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant()));
        }, args.toArray());
        if (matches.size() <= offset) {
            return new Found(matches.size(), List.of());
        }
        matches.sort(NEWEST_FIRST);
        var ids = matches.subList((int) offset, (int) Math.min(matches.size(), offset + query.size())).stream()
                .map(Match::id).toList();
        return new Found(matches.size(), hits(ids));
    }

    private record Match(UUID id, java.time.Instant receivedAt) {
    }

    /** The order of the results: newest first, then by id (descending), as ORDER BY received_at DESC, id DESC. */
    private static final Comparator<Match> NEWEST_FIRST = Comparator.comparing(Match::receivedAt)
            .thenComparing(Match::id, SignalSearchRepository::compareAsDatabase).reversed();

    /**
     * UUIDs in the order both databases sort them: as unsigned bytes, most significant first (Java's UUID compares
     * signed longs, which puts ids with the high bit set first).
     */
    private static int compareAsDatabase(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** The signals with these ids, with their problems, in the order given. */
    private List<SignalHit> hits(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = new HashMap<UUID, SignalHit>();
        jdbc.query("SELECT s.id, s.received_at, s.market, s.product, s.channel, s.journey_stage, s.lang, s.body, p.id, "
                + "p.custom_label, p.auto_label FROM problem_signal s LEFT JOIN signal_problem sp ON sp.signal_id = s.id "
                // each signal named by its root cause: the problem the weekly list, squads and insights know
                + "LEFT JOIN problem v ON v.id = sp.problem_id LEFT JOIN problem p ON p.id = COALESCE(v.root_id, v.id) "
                + "WHERE s.id IN (" + String.join(",",
                        Collections.nCopies(ids.size(), "?")) + ")", rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    long problem = rs.getLong(9);
                    Long problemId = rs.wasNull() ? null : problem;
                    String custom = rs.getString(10);
                    found.put(id, new SignalHit(id.toString(), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3).strip(), rs.getString(4), Channel.valueOf(rs.getString(5)).code(),
                            JourneyStage.valueOf(rs.getString(6)).code(), rs.getString(7), rs.getString(8), problemId,
                            custom != null ? custom : rs.getString(11)));
                }, ids.toArray());
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }
}
