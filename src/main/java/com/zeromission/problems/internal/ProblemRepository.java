package com.zeromission.problems.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.audit.AuditLog;
import com.zeromission.intake.Channel;
import com.zeromission.problems.Problem;
import com.zeromission.problems.ProblemEvent;
import com.zeromission.problems.ProblemState;

/**
 * Plain JDBC over the problem tables; SQL that runs unchanged on H2 and PostgreSQL. Texts, languages and the other
 * facts of a signal are read from this module's own copy, {@code problem_signal} (kept by {@link SignalCopies} from
 * intake's events, erased with the signal): a module reads no other module's tables. The inbox of signals waiting to
 * be grouped is {@link InboxRepository}'s.
 */
@Repository
public class ProblemRepository {

    /** A member signal of a problem, as the week roll-up and re-grouping need it. */
    /** @param embedded whether its embedding took part when it was grouped; null: grouped before that was recorded */
    public record Member(UUID signalId, String text, String language, String market, String product, String channel,
            boolean complaint, Instant receivedAt, double similarity, Boolean embedded) {
    }

    /** One cell of the weekly roll-up. */
    public record WeekCell(long problemId, LocalDate weekStart, String market, String product, String channel)
            implements Comparable<WeekCell> {
        @Override
        public int compareTo(WeekCell o) {
            int c = Long.compare(problemId, o.problemId);
            if (c == 0) {
                c = weekStart.compareTo(o.weekStart);
            }
            if (c == 0) {
                c = market.compareTo(o.market);
            }
            if (c == 0) {
                c = product.compareTo(o.product);
            }
            return c != 0 ? c : channel.compareTo(o.channel);
        }
    }

    public record WeekCount(WeekCell cell, long signals) {
    }

    private static final String PROBLEM_COLUMNS = "id, auto_label, custom_label, state, pinned, merged_into, signals, "
            + "complaints, first_seen, last_seen, created_at, resolved_at, regressed_at, since_resolved, root_id";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public ProblemRepository(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    // ---- problems ----------------------------------------------------------------------------------------------

    public long nextId() {
        return jdbc.queryForObject("SELECT nextval('problem_seq')", Long.class);
    }

    public void create(long id, String autoLabel, Instant now) {
        jdbc.update("INSERT INTO problem (id, auto_label, custom_label, state, pinned, merged_into, signals, complaints, "
                + "created_at, since_resolved) VALUES (?, ?, NULL, 'open', FALSE, NULL, 0, 0, ?, 0)", id, autoLabel, ts(now));
    }

    public Optional<Problem> find(long id) {
        return jdbc.query("SELECT " + PROBLEM_COLUMNS + " FROM problem WHERE id = ?", ProblemRepository::problem, id)
                .stream().findFirst();
    }

    public List<Problem> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<Problem>();
        var list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += 500) {
            var part = list.subList(i, Math.min(list.size(), i + 500));
            result.addAll(jdbc.query("SELECT " + PROBLEM_COLUMNS + " FROM problem WHERE id IN (" + marks(part.size()) + ")",
                    ProblemRepository::problem, part.toArray()));
        }
        return result;
    }

    /** Problems in the given states, largest first. */
    public List<Problem> list(List<ProblemState> states, int limit) {
        return jdbc.query("SELECT " + PROBLEM_COLUMNS + " FROM problem WHERE state IN (" + marks(states.size())
                + ") ORDER BY signals DESC, id LIMIT " + limit, ProblemRepository::problem,
                states.stream().map(ProblemState::code).toArray());
    }

    public long sinceResolved(long id) {
        return jdbc.queryForObject("SELECT since_resolved FROM problem WHERE id = ?", Long.class, id);
    }

    /** Adds assigned signals to a problem's totals and widens its first/last seen. */
    public void addCounts(long id, long signals, long complaints, Instant first, Instant last, long afterResolution) {
        jdbc.update("UPDATE problem SET signals = signals + ?, complaints = complaints + ?, "
                + "first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? ELSE first_seen END, "
                + "last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END, "
                + "since_resolved = since_resolved + ? WHERE id = ?",
                signals, complaints, ts(first), ts(first), ts(last), ts(last), afterResolution, id);
    }

    /** Replaces a problem's totals (after signals moved in or out). */
    public void setCounts(long id, long signals, long complaints, Instant first, Instant last) {
        jdbc.update("UPDATE problem SET signals = ?, complaints = ?, first_seen = ?, last_seen = ? WHERE id = ?",
                signals, complaints, ts(first), ts(last), id);
    }

    public void setAutoLabel(long id, String label) {
        jdbc.update("UPDATE problem SET auto_label = ? WHERE id = ?", label, id);
    }

    /**
     * A problem's automatic name, its names per language (one per line: language, tab, texts named from, tab, name)
     * and its size when named.
     */
    public void setNames(long id, String label, String names, long size) {
        jdbc.update("UPDATE problem SET auto_label = ?, auto_names = ?, named_size = ? WHERE id = ?", label, names, size, id);
    }

    /** The size each of the given problems had when it was last named (0: never). */
    public Map<Long, Long> namedSizes(Collection<Long> ids) {
        var sizes = new HashMap<Long, Long>();
        var list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += 500) {
            var part = list.subList(i, Math.min(list.size(), i + 500));
            jdbc.query("SELECT id, named_size FROM problem WHERE id IN (" + marks(part.size()) + ")",
                    rs -> {
                        sizes.put(rs.getLong(1), rs.getLong(2));
                    }, part.toArray());
        }
        return sizes;
    }

    /** A problem's names per language as {@link #setNames} stored them (null: none yet). */
    public String names(long id) {
        return jdbc.query("SELECT auto_names FROM problem WHERE id = ?", (rs, n) -> rs.getString(1), id).stream()
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Problems not named since names came in (named_size 0), not merged, with their sizes; at most {@code limit}. */
    public Map<Long, Long> unnamed(int limit) {
        var found = new java.util.LinkedHashMap<Long, Long>();
        jdbc.query("SELECT id, signals FROM problem WHERE named_size = 0 AND state <> 'merged' AND signals > 0 ORDER BY id LIMIT "
                + limit, rs -> {
                    found.put(rs.getLong(1), rs.getLong(2));
                });
        return found;
    }

    /** Stored signals per language as given at intake (null languages left out). */
    public Map<String, Long> languages() {
        var counts = new HashMap<String, Long>();
        jdbc.query("SELECT lang, COUNT(*) FROM problem_signal WHERE lang IS NOT NULL GROUP BY lang", rs -> {
            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
        return counts;
    }

    public void setCustomLabel(long id, String label) {
        jdbc.update("UPDATE problem SET custom_label = ? WHERE id = ?", label, id);
    }

    public void setPinned(long id, boolean pinned) {
        jdbc.update("UPDATE problem SET pinned = ? WHERE id = ?", pinned, id);
    }

    public void setState(long id, ProblemState state, Long mergedInto) {
        jdbc.update("UPDATE problem SET state = ?, merged_into = ? WHERE id = ?", state.code(), mergedInto, id);
    }

    public void resolve(long id, Instant at) {
        jdbc.update("UPDATE problem SET state = 'resolved', resolved_at = ?, since_resolved = 0, regressed_at = NULL "
                + "WHERE id = ?", ts(at), id);
    }

    public void regress(long id, Instant at) {
        jdbc.update("UPDATE problem SET state = 'regressed', regressed_at = ? WHERE id = ?", ts(at), id);
    }

    // ---- membership --------------------------------------------------------------------------------------------

    /** @param embedded whether the text's sentence embedding took part in the assignment */
    public record Assignment(UUID signalId, long problemId, long seq, double similarity, Instant receivedAt,
            boolean embedded) {
    }

    /** Stores assignments made by the grouping change {@code version} (see {@link #lockGroupingState}). */
    public void assign(List<Assignment> assignments, long version) {
        jdbc.batchUpdate("INSERT INTO signal_problem (signal_id, problem_id, seq, similarity, received_at, moved_by, "
                + "grouping_version, embedded) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)", assignments, assignments.size(), (ps, a) -> {
                    ps.setObject(1, a.signalId());
                    ps.setLong(2, a.problemId());
                    ps.setLong(3, a.seq());
                    ps.setDouble(4, a.similarity());
                    ps.setObject(5, ts(a.receivedAt()));
                    ps.setLong(6, version);
                    ps.setBoolean(7, a.embedded());
                });
    }

    /** Moves every member of {@code from} to {@code into}, marking them with the event that moved them. */
    public int moveAll(long from, long into, long event) {
        return jdbc.update("UPDATE signal_problem SET problem_id = ?, moved_by = ? WHERE problem_id = ?", into, event, from);
    }

    /** Moves the given members of {@code from} to {@code into}; returns how many moved. */
    public int move(Collection<UUID> signals, long from, long into, long event) {
        int moved = 0;
        var list = new ArrayList<>(signals);
        for (int i = 0; i < list.size(); i += 500) {
            var part = list.subList(i, Math.min(list.size(), i + 500));
            var args = new ArrayList<Object>(List.of(into, event, from));
            args.addAll(part);
            moved += jdbc.update("UPDATE signal_problem SET problem_id = ?, moved_by = ? WHERE problem_id = ? AND signal_id IN ("
                    + marks(part.size()) + ")", args.toArray());
        }
        return moved;
    }

    /** Moves back what an event moved, if it is still where the event put it. */
    public int moveBack(long event, long from, long backTo) {
        return jdbc.update("UPDATE signal_problem SET problem_id = ?, moved_by = NULL WHERE moved_by = ? AND problem_id = ?",
                backTo, event, from);
    }

    public Optional<Long> problemOf(UUID signal) {
        return jdbc.queryForList("SELECT problem_id FROM signal_problem WHERE signal_id = ?", Long.class, signal).stream()
                .findFirst();
    }

    /** Which of the given signals belong to the problem. */
    public List<UUID> membersAmong(long problemId, Collection<UUID> signals) {
        var result = new ArrayList<UUID>();
        var list = new ArrayList<>(signals);
        for (int i = 0; i < list.size(); i += 500) {
            var part = list.subList(i, Math.min(list.size(), i + 500));
            var args = new ArrayList<Object>(List.of(problemId));
            args.addAll(part);
            result.addAll(jdbc.queryForList("SELECT signal_id FROM signal_problem WHERE problem_id = ? AND signal_id IN ("
                    + marks(part.size()) + ")", UUID.class, args.toArray()));
        }
        return result;
    }

    /**
     * The ids of a problem's signals received in [from, to), oldest first, at most {@code limit}: who wrote about it
     * in a week, for modules that look the signals up through intake's public API.
     */
    public List<UUID> signalIdsReceived(long problemId, Instant from, Instant to, int limit) {
        return jdbc.queryForList("SELECT signal_id FROM signal_problem WHERE problem_id = ? AND received_at >= ? "
                + "AND received_at < ? ORDER BY received_at, signal_id LIMIT ?", UUID.class, problemId,
                java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC),
                java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC), limit);
    }

    public void forEachMember(long problemId, Consumer<Member> consumer) {
        jdbc.query("SELECT " + MEMBER_COLUMNS + " FROM signal_problem sp JOIN problem_signal s ON s.id = sp.signal_id WHERE sp.problem_id = ?",
                rs -> {
                    consumer.accept(member(rs));
                }, problemId);
    }

    /** The members with the highest similarity to the problem when they joined it. */
    public List<Member> mostSimilar(long problemId, int limit) {
        // The best members from signal_problem alone first, then only those few joined with their signals: joining a
        // big problem's every member (thousands) to sort them cost a problem list of 100 rows over a second.
        // In one statement, the few best as a derived table joined by primary key: the ids passed back as an IN list
        // of parameters made H2 test every joined row against the whole list (most of a big problem's page).
        int candidates = limit * 2 + 8;
        long members = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM signal_problem WHERE problem_id = ? "
                + "LIMIT ?) x", Long.class, problemId, candidates);
        if (members == 0) {
            return List.of();
        }
        List<Member> found = jdbc.query("SELECT " + MEMBER_COLUMNS + " FROM (SELECT signal_id, similarity, seq, embedded "
                + "FROM signal_problem WHERE problem_id = ? ORDER BY similarity DESC, seq LIMIT ?) sp "
                + "JOIN problem_signal s ON s.id = sp.signal_id WHERE s.erased_at IS NULL ORDER BY sp.similarity DESC, sp.seq LIMIT ?",
                (rs, n) -> member(rs), problemId, candidates, limit);
        if (found.size() < limit && members == candidates) {
            // many of the best were erased: fall back to the full ordering
            return jdbc.query("SELECT " + MEMBER_COLUMNS + " FROM signal_problem sp JOIN problem_signal s ON s.id = sp.signal_id WHERE sp.problem_id = ? "
                    + "AND s.erased_at IS NULL ORDER BY sp.similarity DESC, sp.seq LIMIT ?", (rs, n) -> member(rs), problemId, limit);
        }
        return found;
    }

    /**
     * {@link #mostSimilar} of several problems in one statement (a root cause's page shows examples of its largest
     * variants): each problem's best {@code limit} as a derived table of its own, joined by primary key. The same
     * members as {@link #mostSimilar} gives: a problem among whose best an erased signal is is read by it instead.
     * Every problem asked for is a key; an empty list for one without members.
     */
    public Map<Long, List<Member>> mostSimilarOfEach(Collection<Long> problemIds, int limit) {
        var result = new java.util.LinkedHashMap<Long, List<Member>>();
        if (problemIds.isEmpty()) {
            return result;
        }
        var args = new ArrayList<Object>();
        var best = new StringBuilder();
        for (Long id : problemIds) {
            result.put(id, new ArrayList<>());
            best.append(best.isEmpty() ? "" : " UNION ALL ").append("(SELECT signal_id, similarity, seq, embedded, "
                    + "problem_id FROM signal_problem WHERE problem_id = ? ORDER BY similarity DESC, seq LIMIT ?)");
            args.add(id);
            args.add(limit);
        }
        // One statement instead of two per problem: the separate statements were most of a big root cause's page.
        var withErased = new java.util.HashSet<Long>();
        jdbc.query("SELECT " + MEMBER_COLUMNS + ", sp.problem_id, s.erased_at FROM (" + best + ") sp "
                + "JOIN problem_signal s ON s.id = sp.signal_id ORDER BY sp.problem_id, sp.similarity DESC, sp.seq", rs -> {
                    long problem = rs.getLong(MEMBER_COLUMN_COUNT + 1);
                    if (rs.getObject(MEMBER_COLUMN_COUNT + 2) != null) {
                        withErased.add(problem);
                    } else {
                        result.get(problem).add(member(rs));
                    }
                }, args.toArray());
        withErased.forEach(problem -> result.put(problem, mostSimilar(problem, limit)));
        return result;
    }

    /**
     * Assignments made before grouping versions existed (V16) after a sequence number, in order: what a snapshot
     * written before then does not know yet.
     */
    public void forEachAssignedAfter(long seq, Consumer<Member> consumer, Map<UUID, Long> problemOf) {
        jdbc.query("SELECT " + MEMBER_COLUMNS + ", sp.problem_id FROM signal_problem sp JOIN problem_signal s ON s.id = sp.signal_id "
                + "WHERE sp.seq > ? AND sp.grouping_version IS NULL ORDER BY sp.seq", withProblem(consumer, problemOf), seq);
    }

    /**
     * Assignments made by the grouping versions after {@code afterVersion} up to {@code upToVersion}, in the order
     * they were made (version, then inbox position), each with the problem it is in now.
     */
    public void forEachAssignedBetween(long afterVersion, long upToVersion, Consumer<Member> consumer,
            Map<UUID, Long> problemOf) {
        jdbc.query("SELECT " + MEMBER_COLUMNS + ", sp.problem_id FROM signal_problem sp JOIN problem_signal s ON s.id = sp.signal_id "
                + "WHERE sp.grouping_version > ? AND sp.grouping_version <= ? ORDER BY sp.grouping_version, sp.seq",
                withProblem(consumer, problemOf), afterVersion, upToVersion);
    }

    /** Rows of {@link #MEMBER_COLUMNS} followed by the problem id: each member to the consumer, its problem noted. */
    private static org.springframework.jdbc.core.RowCallbackHandler withProblem(Consumer<Member> consumer,
            Map<UUID, Long> problemOf) {
        return rs -> {
            Member m = member(rs);
            problemOf.put(m.signalId(), rs.getLong(MEMBER_COLUMN_COUNT + 1));
            consumer.accept(m);
        };
    }

    public long maxAssignedSeq() {
        Long max = jdbc.queryForObject("SELECT MAX(seq) FROM signal_problem", Long.class);
        return max == null ? 0 : max;
    }

    // ---- weekly counts -----------------------------------------------------------------------------------------

    public void addWeeks(Map<WeekCell, Long> counts) {
        var cells = new ArrayList<>(counts.keySet());
        cells.removeIf(c -> counts.get(c) == 0);
        if (cells.isEmpty()) {
            return;
        }
        cells.sort(null);
        jdbc.batchUpdate("INSERT INTO problem_week (problem_id, week_start, market, product, channel, signals) "
                + "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING", cells, cells.size(), (ps, c) -> {
                    ps.setLong(1, c.problemId());
                    ps.setDate(2, Date.valueOf(c.weekStart()));
                    ps.setString(3, c.market());
                    ps.setString(4, c.product());
                    ps.setString(5, c.channel());
                });
        jdbc.batchUpdate("UPDATE problem_week SET signals = signals + ? WHERE problem_id = ? AND week_start = ? "
                + "AND market = ? AND product = ? AND channel = ?", cells, cells.size(), (ps, c) -> {
                    ps.setLong(1, counts.get(c));
                    ps.setLong(2, c.problemId());
                    ps.setDate(3, Date.valueOf(c.weekStart()));
                    ps.setString(4, c.market());
                    ps.setString(5, c.product());
                    ps.setString(6, c.channel());
                });
    }

    public void deleteWeeks(long problemId) {
        jdbc.update("DELETE FROM problem_week WHERE problem_id = ?", problemId);
    }

    /** One problem's signals of one week, summed over markets, products and the channels asked for. */
    public record ProblemWeek(long problemId, LocalDate weekStart, long signals) {
    }

    /**
     * Like {@link #forEachRootWeek} (null: every problem) for callers that need only a problem's weekly sum over some
     * channels (the yearly report, the effect measurement): summed by the database, one row per problem and week.
     */
    public void forEachRootWeekTotal(@Nullable Collection<Long> problems, Map<Long, Long> roots, LocalDate from, LocalDate to,
            Collection<String> channels, Consumer<ProblemWeek> consumer) {
        if ((problems != null && problems.isEmpty()) || channels.isEmpty()) {
            return;
        }
        var ids = problems == null ? null : withVariants(problems, roots);
        // Up to ROOTS_MAX ids (a few root causes with their variants), or over years, joined to the weeks by the key
        // from a list of values; an IN list of parameters made H2 test every row of the weeks against each (the yearly
        // report's 159 ids over 78 weeks: 4x slower, docs/benchmarks.md). A longer list over months: all rows here.
        boolean here = ids == null || (ids.size() > ROOTS_MAX && ChronoUnit.WEEKS.between(from, to) <= MATCH_HERE_WEEKS);
        String weeks = here ? "problem_week w" : "(VALUES " + String.join(", ", ids.stream().map(id -> "(" + id + ")").toList())
                + ") v (id) JOIN problem_week w ON w.problem_id = v.id"; // numbers only: nothing typed reaches the SQL
        var sql = new StringBuilder("SELECT w.problem_id, w.week_start, SUM(w.signals) FROM " + weeks
                + " WHERE w.week_start >= ? AND w.week_start <= ? AND w.channel IN (").append(marks(channels.size())).append(')');
        var args = new ArrayList<Object>(List.of(Date.valueOf(from), Date.valueOf(to)));
        args.addAll(channels);
        sql.append(" GROUP BY w.problem_id, w.week_start");
        jdbc.query(sql.toString(), rs -> {
            long problem = rs.getLong(1);
            if (ids == null || !here || ids.contains(problem)) {
                consumer.accept(new ProblemWeek(roots.getOrDefault(problem, problem), rs.getDate(2).toLocalDate(),
                        rs.getLong(3)));
            }
        }, args.toArray());
    }

    /** Weekly cells of the given problems (all problems when null) with weeks between two Mondays (inclusive). */
    public void forEachWeek(Collection<Long> problems, LocalDate from, LocalDate to, Consumer<WeekCount> consumer) {
        var sql = new StringBuilder("SELECT problem_id, week_start, market, product, channel, signals FROM problem_week "
                + "WHERE week_start >= ? AND week_start <= ?");
        var args = new ArrayList<Object>(List.of(Date.valueOf(from), Date.valueOf(to)));
        // A long list over a few weeks is matched here, not in the database: H2 tests each row against a list of
        // parameters one by one, which made the trends of a page of 500 problems most of the time of the problem list
        // and the yearly report. A short list, or one over all time (a problem's history), is matched by the
        // database, which finds its rows by the primary key instead of reading every week.
        java.util.Set<Long> wanted = null;
        if (problems != null) {
            if (problems.isEmpty()) {
                return;
            }
            if (matchedByDatabase(problems.size(), from, to)) {
                sql.append(" AND problem_id IN (").append(marks(problems.size())).append(')');
                args.addAll(problems);
            } else {
                wanted = new java.util.HashSet<>(problems);
            }
        }
        var only = wanted;
        jdbc.query(sql.toString(), rs -> {
            long problem = rs.getLong(1);
            if (only == null || only.contains(problem)) {
                consumer.accept(new WeekCount(new WeekCell(problem, rs.getDate(2).toLocalDate(), rs.getString(3).strip(),
                        rs.getString(4), rs.getString(5)), rs.getLong(6)));
            }
        }, args.toArray());
    }

    /** The problems given and the variants of those among them that are root causes, in that order. */
    private static java.util.Set<Long> withVariants(Collection<Long> problems, Map<Long, Long> roots) {
        var given = new java.util.HashSet<>(problems);
        var ids = new java.util.LinkedHashSet<>(problems);
        roots.forEach((variant, root) -> {
            if (given.contains(root)) {
                ids.add(variant);
            }
        });
        return ids;
    }

    /** Whether a list of this many problems over these weeks is matched by the database or, when false, here. */
    private static boolean matchedByDatabase(int problems, LocalDate from, LocalDate to) {
        return problems <= IN_LIST_MAX || ChronoUnit.WEEKS.between(from, to) > MATCH_HERE_WEEKS;
    }

    /** Up to this many problems, or over more weeks than {@link #MATCH_HERE_WEEKS}, the database matches them. */
    static final int IN_LIST_MAX = 20, MATCH_HERE_WEEKS = 104, ROOTS_MAX = 200;

    // ---- events ------------------------------------------------------------------------------------------------

    /** Records a problem event, and the same decision in the audit trail (one transaction: both or neither). */
    public long record(ProblemEvent.Kind kind, long problemId, Long otherId, String actor, Instant at, String detail) {
        audit.record(actor, "problem." + kind.code(), "problem " + problemId + (otherId == null ? "" : " / " + otherId), detail);
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO problem_event (kind, problem_id, other_id, actor, at, detail) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, kind.code());
            ps.setLong(2, problemId);
            ps.setObject(3, otherId);
            ps.setString(4, actor);
            ps.setObject(5, ts(at));
            ps.setString(6, detail);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<ProblemEvent> event(long id) {
        return jdbc.query("SELECT id, kind, problem_id, other_id, actor, at, detail, undone_by FROM problem_event WHERE id = ?",
                ProblemRepository::event, id).stream().findFirst();
    }

    public List<ProblemEvent> events(long problemId, int limit) {
        return jdbc.query("SELECT id, kind, problem_id, other_id, actor, at, detail, undone_by FROM problem_event "
                + "WHERE problem_id = ? OR other_id = ? ORDER BY id DESC LIMIT ?", ProblemRepository::event, problemId,
                problemId, limit);
    }

    public List<ProblemEvent> recentEvents(List<ProblemEvent.Kind> kinds, int limit) {
        return jdbc.query("SELECT id, kind, problem_id, other_id, actor, at, detail, undone_by FROM problem_event "
                + "WHERE kind IN (" + marks(kinds.size()) + ") ORDER BY id DESC LIMIT " + limit, ProblemRepository::event,
                kinds.stream().map(ProblemEvent.Kind::code).toArray());
    }

    public void markUndone(long event, long undoneBy) {
        jdbc.update("UPDATE problem_event SET undone_by = ? WHERE id = ?", undoneBy, event);
    }

    // ---- kept apart --------------------------------------------------------------------------------------------

    public void keepApart(long a, long b) {
        jdbc.update("INSERT INTO problem_apart (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING", Math.min(a, b), Math.max(a, b));
    }

    public boolean keptApart(long a, long b) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM problem_apart WHERE a = ? AND b = ?", Long.class,
                Math.min(a, b), Math.max(a, b)) > 0;
    }

    // ---- snapshot ----------------------------------------------------------------------------------------------

    /** The grouper as of grouping {@code version} (0: written before versions existed, as of inbox {@code lastSeq}). */
    public record Snapshot(long lastSeq, Instant takenAt, byte[] state, long version) {
    }

    public Optional<Snapshot> snapshot() {
        return jdbc.query("SELECT last_seq, taken_at, state, version FROM grouping_snapshot WHERE id = 1",
                (rs, n) -> new Snapshot(rs.getLong(1), instant(rs, 2), rs.getBytes(3), rs.getLong(4))).stream().findFirst();
    }

    public void saveSnapshot(long lastSeq, Instant at, byte[] state, long version) {
        if (jdbc.update("UPDATE grouping_snapshot SET last_seq = ?, taken_at = ?, state = ?, version = ? WHERE id = 1",
                lastSeq, ts(at), state, version) == 0) {
            jdbc.update("INSERT INTO grouping_snapshot (id, last_seq, taken_at, state, version) VALUES (1, ?, ?, ?, ?)",
                    lastSeq, ts(at), state, version);
        }
    }

    // ---- the cluster-wide grouping state -----------------------------------------------------------------------

    /** The grouping version and the version of the last change that was not a plain assignment. */
    public record GroupingVersion(long version, long structural) {
    }

    /**
     * Locks the one grouping-state row until the caller's transaction ends and reads it: grouping changes on every
     * instance take this lock first, so they happen one at a time. With {@code skipIfLocked}, empty instead of waiting
     * when another transaction holds it.
     */
    public Optional<GroupingVersion> lockGroupingState(boolean skipIfLocked) {
        return jdbc.query("SELECT version, structural_version FROM grouping_state WHERE id = 1 FOR UPDATE"
                + (skipIfLocked ? " SKIP LOCKED" : ""), (rs, n) -> new GroupingVersion(rs.getLong(1), rs.getLong(2)))
                .stream().findFirst();
    }

    /** The grouping state as committed, without locking it. */
    public GroupingVersion groupingState() {
        return jdbc.queryForObject("SELECT version, structural_version FROM grouping_state WHERE id = 1",
                (rs, n) -> new GroupingVersion(rs.getLong(1), rs.getLong(2)));
    }

    public void saveGroupingState(GroupingVersion state) {
        jdbc.update("UPDATE grouping_state SET version = ?, structural_version = ? WHERE id = 1", state.version(),
                state.structural());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    public static LocalDate weekOf(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    /** Weekly cells of a set of members, for a problem. */
    public static Map<WeekCell, Long> weeks(long problemId, Collection<Member> members) {
        var counts = new HashMap<WeekCell, Long>();
        for (Member m : members) {
            counts.merge(new WeekCell(problemId, weekOf(m.receivedAt()), m.market(), m.product(), m.channel()), 1L, Long::sum);
        }
        return counts;
    }

    /** What {@link #member} reads, in its order; queries may add columns after these. */
    private static final String MEMBER_COLUMNS = "s.id, s.body, s.lang, s.market, s.product, s.channel, "
            + "s.counts_as_complaint, s.received_at, sp.similarity, sp.embedded";
    private static final int MEMBER_COLUMN_COUNT = 10;

    private static Member member(ResultSet rs) throws SQLException {
        boolean embedded = rs.getBoolean(MEMBER_COLUMN_COUNT);
        return new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4).strip(),
                rs.getString(5), channel(rs.getString(6)), rs.getBoolean(7), instant(rs, 8), rs.getDouble(9),
                rs.wasNull() ? null : embedded);
    }

    /** The signal table keeps the channel's enum name; everything outside intake speaks its code. */
    static String channel(String stored) {
        return Channel.valueOf(stored).code();
    }

    private static Problem problem(ResultSet rs, int n) throws SQLException {
        long merged = rs.getLong(6);
        Long mergedInto = rs.wasNull() ? null : merged;
        return new Problem(rs.getLong(1), null, rs.getString(2), rs.getString(3), ProblemState.parse(rs.getString(4)),
                rs.getBoolean(5), mergedInto, rs.getLong(7), rs.getLong(8), instant(rs, 9), instant(rs, 10),
                instant(rs, 11), instant(rs, 12), instant(rs, 13), rootId(rs));
    }

    private static Long rootId(ResultSet rs) throws SQLException {
        long root = rs.getLong(15);
        return rs.wasNull() ? null : root;
    }

    // ---- root causes ----

    /** Every problem that is a variant of a root cause, with that root cause's id. */
    public Map<Long, Long> roots() {
        var roots = new HashMap<Long, Long>();
        jdbc.query("SELECT id, root_id FROM problem WHERE root_id IS NOT NULL AND state <> 'merged'",
                rs -> {
                    roots.put(rs.getLong(1), rs.getLong(2));
                });
        return roots;
    }

    /** Makes a problem a variant of {@code rootId}, or a root cause of its own (null). */
    public void setRoot(long problemId, Long rootId) {
        jdbc.update("UPDATE problem SET root_id = ? WHERE id = ?", rootId, problemId);
    }

    /**
     * {@link #forEachWeek}, at the level of root causes: the given problems' variants are read too, and every cell
     * is counted for its root cause ({@code roots}: variant → root cause, as {@link #roots()} gives).
     */
    public void forEachRootWeek(Collection<Long> problems, Map<Long, Long> roots, LocalDate from, LocalDate to,
            Consumer<WeekCount> consumer) {
        Collection<Long> ids = problems;
        if (problems != null && !roots.isEmpty()) {
            ids = List.copyOf(withVariants(problems, roots));
        }
        forEachWeek(ids, from, to, c -> {
            Long root = roots.get(c.cell().problemId());
            consumer.accept(root == null ? c : new WeekCount(new WeekCell(root, c.cell().weekStart(), c.cell().market(),
                    c.cell().product(), c.cell().channel()), c.signals()));
        });
    }

    private static ProblemEvent event(ResultSet rs, int n) throws SQLException {
        long other = rs.getLong(4);
        Long otherId = rs.wasNull() ? null : other;
        long undone = rs.getLong(8);
        Long undoneBy = rs.wasNull() ? null : undone;
        return new ProblemEvent(rs.getLong(1), ProblemEvent.Kind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_')), rs.getLong(3), otherId, rs.getString(5), instant(rs, 6), rs.getString(7), undoneBy);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime ts(Instant i) {
        return i == null ? null : java.time.OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
