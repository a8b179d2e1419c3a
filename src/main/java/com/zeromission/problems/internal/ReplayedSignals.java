package com.zeromission.problems.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.problems.ReplayedSignal;

/**
 * The signals of some problems that came with a session replay, from problems' own copy of the signals (the replay id
 * is copied with them, V33): what a problem's page lists under "Session replays".
 */
@Repository
public class ReplayedSignals {

    private final JdbcTemplate jdbc;

    ReplayedSignals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} signals of these problems with a replay, newest first; erased ones are not. */
    public List<ReplayedSignal> of(Collection<Long> problemIds, int limit) {
        if (problemIds.isEmpty() || limit < 1) {
            return List.of();
        }
        var args = new ArrayList<Object>(problemIds);
        args.add(limit);
        return jdbc.query("SELECT s.id, s.replay_id, s.received_at, s.market, s.channel FROM signal_problem sp "
                + "JOIN problem_signal s ON s.id = sp.signal_id WHERE sp.problem_id IN ("
                + String.join(",", Collections.nCopies(problemIds.size(), "?")) + ") AND s.replay_id IS NOT NULL "
                + "AND s.erased_at IS NULL ORDER BY s.received_at DESC, s.id LIMIT ?", (rs, n) -> new ReplayedSignal(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, Timestamp.class).toInstant(),
                        rs.getString(4).strip(), rs.getString(5)), args.toArray());
    }
}
