package com.zeromission.replay.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Plain JDBC over replay_session, replay_chunk and replay_signal (V32); the same SQL on H2 and PostgreSQL. */
@Repository
public class ReplayRepository {

    /** A stored session's row. */
    public record Session(UUID id, String origin, @Nullable String customerKey, Instant startedAt, Instant lastSeenAt,
            @Nullable Long firstEventMillis, @Nullable Long lastEventMillis, long events, int chunks, long storedBytes) {
    }

    /** One stored batch: its gzipped, masked JSON array of events. */
    public record Chunk(int seq, int events, long firstMillis, long lastMillis, byte[] data) {
    }

    private static final String SESSION = "SELECT id, origin, customer_key, started_at, last_seen_at, first_event_ms, "
            + "last_event_ms, events, chunks, stored_bytes FROM replay_session";

    private final JdbcTemplate jdbc;

    public ReplayRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertSession(UUID id, String origin, @Nullable String customerKey, Instant now) {
        jdbc.update("INSERT INTO replay_session (id, origin, customer_key, started_at, last_seen_at, events, chunks, "
                + "stored_bytes) VALUES (?, ?, ?, ?, ?, 0, 0, 0)", id, origin, customerKey, ts(now), ts(now));
    }

    public Optional<Session> session(UUID id) {
        return jdbc.query(SESSION + " WHERE id = ?", SESSION_ROW, id).stream().findFirst();
    }

    /** The session's row, locked until the transaction ends: batches of one session are stored one at a time. */
    public Optional<Session> lockSession(UUID id) {
        return jdbc.query(SESSION + " WHERE id = ? FOR UPDATE", SESSION_ROW, id).stream().findFirst();
    }

    public boolean chunkExists(UUID session, int seq) {
        return !jdbc.queryForList("SELECT seq FROM replay_chunk WHERE session_id = ? AND seq = ?", Integer.class, session, seq)
                .isEmpty();
    }

    public int chunkEvents(UUID session, int seq) {
        List<Integer> n = jdbc.queryForList("SELECT events FROM replay_chunk WHERE session_id = ? AND seq = ?",
                Integer.class, session, seq);
        return n.isEmpty() ? 0 : n.getFirst();
    }

    /** Stores a chunk unless its seq is there already; true when it went in. Updates the session's counters with it. */
    public boolean insertChunk(UUID session, Chunk chunk, Instant now) {
        int n = jdbc.update("INSERT INTO replay_chunk (session_id, seq, events, first_ms, last_ms, data, stored_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", session, chunk.seq(), chunk.events(),
                chunk.firstMillis(), chunk.lastMillis(), chunk.data(), ts(now));
        if (n == 0) {
            return false;
        }
        jdbc.update("UPDATE replay_session SET last_seen_at = ?, events = events + ?, chunks = chunks + 1, "
                + "stored_bytes = stored_bytes + ?, "
                + "first_event_ms = CASE WHEN first_event_ms IS NULL OR first_event_ms > ? THEN ? ELSE first_event_ms END, "
                + "last_event_ms = CASE WHEN last_event_ms IS NULL OR last_event_ms < ? THEN ? ELSE last_event_ms END "
                + "WHERE id = ?", ts(now), chunk.events(), chunk.data().length, chunk.firstMillis(), chunk.firstMillis(),
                chunk.lastMillis(), chunk.lastMillis(), session);
        return true;
    }

    /** Every chunk of a session in seq order, handed over one at a time (a long session is not held whole twice). */
    public void forEachChunk(UUID session, Consumer<Chunk> each) {
        jdbc.query("SELECT seq, events, first_ms, last_ms, data FROM replay_chunk WHERE session_id = ? ORDER BY seq",
                (ResultSet rs) -> {
                    each.accept(new Chunk(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getBytes(5)));
                }, session);
    }

    public void link(UUID session, UUID signal) {
        jdbc.update("INSERT INTO replay_signal (session_id, signal_id) VALUES (?, ?) ON CONFLICT DO NOTHING", session, signal);
    }

    public List<UUID> signalsOf(UUID session) {
        return jdbc.queryForList("SELECT signal_id FROM replay_signal WHERE session_id = ? ORDER BY signal_id", UUID.class,
                session);
    }

    /** For each of these signals that came with a replay, the replay. One query per 500 ids. */
    public Map<UUID, UUID> sessionsOfSignals(Collection<UUID> signals) {
        var result = new LinkedHashMap<UUID, UUID>();
        var ids = new ArrayList<>(signals);
        for (int from = 0; from < ids.size(); from += 500) {
            var part = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("SELECT signal_id, session_id FROM replay_signal WHERE signal_id IN (" + marks(part.size()) + ")",
                    (ResultSet rs) -> {
                        result.putIfAbsent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    }, part.toArray());
        }
        return result;
    }

    public List<UUID> sessionsOfCustomer(String customerKey) {
        return jdbc.queryForList("SELECT id FROM replay_session WHERE customer_key = ?", UUID.class, customerKey);
    }

    /** Sessions whose last batch came before {@code before}: what retention deletes. At most {@code limit}. */
    public List<UUID> sessionsLastSeenBefore(Instant before, int limit) {
        return jdbc.queryForList("SELECT id FROM replay_session WHERE last_seen_at < ? ORDER BY last_seen_at LIMIT "
                + limit, UUID.class, ts(before));
    }

    /** Deletes sessions with their chunks and links; the number of sessions deleted. */
    public int delete(Collection<UUID> sessions) {
        int n = 0;
        for (UUID id : sessions) {
            jdbc.update("DELETE FROM replay_signal WHERE session_id = ?", id);
            jdbc.update("DELETE FROM replay_chunk WHERE session_id = ?", id);
            n += jdbc.update("DELETE FROM replay_session WHERE id = ?", id);
        }
        return n;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static final RowMapper<Session> SESSION_ROW = (rs, n) -> new Session(rs.getObject("id", UUID.class),
            rs.getString("origin"), rs.getString("customer_key"), instant(rs, "started_at"), instant(rs, "last_seen_at"),
            (Long) rs.getObject("first_event_ms", Long.class), (Long) rs.getObject("last_event_ms", Long.class),
            rs.getLong("events"), rs.getInt("chunks"), rs.getLong("stored_bytes"));
}
