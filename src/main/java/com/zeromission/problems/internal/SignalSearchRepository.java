package com.zeromission.problems.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.intake.Channel;
import com.zeromission.intake.JourneyStage;
import com.zeromission.problems.ProblemViews.SignalHit;
import com.zeromission.problems.SignalQuery;

/**
 * Searches problems' copy of the signals ({@code problem_signal}, see {@link SignalCopies}) joined with
 * the problem each signal is in. SQL that runs unchanged on H2 and PostgreSQL. A query word (its search prefix, see
 * {@link SignalQuery#prefixes()}) matches where it begins a word of the text in any case ({@link SignalWords}); every
 * word must match. Erased signals are never found.
 *
 * <p>Words are looked up in the word index ({@link SignalWordIndex}): each is a range of its primary key, so a search
 * reads the matching signals only, not every text. The few signals not indexed yet (waiting to be taken in by
 * problems) are matched by reading their texts; while many are waiting (an import, the demo being grouped) a search
 * reads every text as it did before the index: {@link #scan}, which gives the same results.
 */
@Repository
public class SignalSearchRepository {

    /** Signals not indexed yet that a search reads the texts of; more waiting than this, and it reads every text. */
    static final int MOST_READ_UNINDEXED = 5_000;
    private static final String SPACES = " ".repeat(SignalWords.SEPARATORS.length());

    private final JdbcTemplate jdbc;
    private final SignalWordIndex index;

    public SignalSearchRepository(JdbcTemplate jdbc, SignalWordIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    /** How many signals match, and the page of them the query asks for, newest first. */
    public record Found(long total, List<SignalHit> hits) {
    }

    /** The conditions of a query's filters (all but its words) on {@code problem_signal s}, and their arguments. */
    private record Filters(String join, StringBuilder where, List<Object> args) {
    }

    private static Filters filters(SignalQuery query) {
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
        String join = query.problemId() != null ? " JOIN signal_problem sp ON sp.signal_id = s.id" : "";
        return new Filters(join, where, args);
    }

    /**
     * The scan's test of one word (a search prefix): a cheap substring test first (ILIKE: twice as fast as
     * LOWER(..) LIKE on H2), then the word-start test on the few rows that pass it.
     */
    private static void scanWord(String word, StringBuilder where, List<Object> args) {
        where.append(" AND s.body ILIKE ? AND (' ' || TRANSLATE(s.body, ?, ?)) ILIKE ?");
        args.add("%" + word + "%");
        args.add(SignalWords.SEPARATORS);
        args.add(SPACES);
        args.add("% " + word + "%");
    }

    public Found search(SignalQuery query) {
        if (query.words().isEmpty()) {
            return filtersOnly(query);
        }
        // The signals not indexed yet are read first: one taken in meanwhile is then in the index when it is read.
        var unindexed = index.notYetIndexed(MOST_READ_UNINDEXED);
        if (unindexed.isEmpty()) {
            return scan(query);
        }
        var matches = new LinkedHashMap<UUID, Match>();
        indexed(query, matches);
        var ids = unindexed.get();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            var part = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            scan(query, " AND s.id IN (" + String.join(",", Collections.nCopies(part.size(), "?")) + ")", part, matches);
        }
        return page(query, new ArrayList<>(matches.values()));
    }

    /** Ids per statement when reading the texts of signals not indexed yet. */
    private static final int CHUNK = 500;

    /**
     * The search without the word index: every text read and tested with the database's ILIKE, as before the index
     * existed. What a search does while many signals wait to be indexed; and the reference the index is tested
     * against.
     */
    public Found scan(SignalQuery query) {
        if (query.words().isEmpty()) {
            return filtersOnly(query);
        }
        var matches = new LinkedHashMap<UUID, Match>();
        scan(query, "", List.of(), matches);
        return page(query, new ArrayList<>(matches.values()));
    }

    /** Filters only: the count, then the page in the order of the received_at index. */
    private Found filtersOnly(SignalQuery query) {
        var f = filters(query);
        long offset = (long) (query.page() - 1) * query.size();
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM problem_signal s" + f.join() + f.where(), Long.class,
                f.args().toArray());
        if (total == null || total <= offset) {
            return new Found(total == null ? 0 : total, List.of());
        }
        var pageArgs = new ArrayList<>(f.args());
        pageArgs.add(query.size());
        pageArgs.add(offset);
        List<UUID> ids = jdbc.queryForList("SELECT s.id FROM problem_signal s" + f.join() + f.where()
                + " ORDER BY s.received_at DESC, s.id DESC LIMIT ? OFFSET ?", UUID.class, pageArgs.toArray());
        return new Found(total, hits(ids));
    }

    /**
     * Adds the matches found by reading texts (of the signals {@code restriction} names, or of all): one scan finds
     * every match (id and time only), counted and ordered in {@link #page}; half the time of a count and a page query,
     * which would each scan every text.
     */
    private void scan(SignalQuery query, String restriction, List<?> restrictionArgs, Map<UUID, Match> matches) {
        var f = filters(query);
        var args = new ArrayList<>(f.args());
        var where = new StringBuilder(f.where()).append(restriction);
        args.addAll(restrictionArgs);
        for (String word : query.prefixes()) {
            scanWord(word, where, args);
        }
        collect("SELECT s.id, s.received_at FROM problem_signal s" + f.join() + where, args, matches);
    }

    /**
     * Adds the indexed signals that match: those with a word in the range of the longest query word (the fewest,
     * likely), that have a word in each other word's range too, and pass the filters. A query word longer than an
     * indexed word is also tested on the text, as the scan tests it.
     */
    private void indexed(SignalQuery query, Map<UUID, Match> matches) {
        var prefixes = query.prefixes().stream().map(SignalWords::fold)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        var f = filters(query);
        var args = new ArrayList<Object>();
        byte[] first = SignalWords.key(prefixes.getFirst());
        var sql = new StringBuilder("SELECT s.id, s.received_at FROM problem_signal s").append(f.join()).append(f.where())
                .append(" AND s.id IN (SELECT w.signal_id FROM signal_word w WHERE w.word >= ? AND w.word < ?)");
        args.addAll(f.args());
        args.add(first);
        args.add(SignalWords.after(first));
        for (String prefix : prefixes.subList(1, prefixes.size())) {
            byte[] key = SignalWords.key(prefix);
            sql.append(" AND EXISTS (SELECT 1 FROM signal_word w WHERE w.signal_id = s.id AND w.word >= ? AND w.word < ?)");
            args.add(key);
            args.add(SignalWords.after(key));
        }
        for (String prefix : query.prefixes()) {
            if (SignalWords.longerThanIndexed(SignalWords.fold(prefix))) {
                scanWord(prefix, sql, args);
            }
        }
        collect(sql.toString(), args, matches);
    }

    private void collect(String sql, List<Object> args, Map<UUID, Match> matches) {
        jdbc.query(sql, rs -> {
            UUID id = rs.getObject(1, UUID.class);
            matches.putIfAbsent(id, new Match(id, rs.getObject(2, OffsetDateTime.class).toInstant()));
        }, args.toArray());
    }

    /** The total and the query's page of the matches, newest first. */
    private Found page(SignalQuery query, List<Match> matches) {
        long offset = (long) (query.page() - 1) * query.size();
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
