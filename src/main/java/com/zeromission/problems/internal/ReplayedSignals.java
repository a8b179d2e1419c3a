package com.zeromission.problems.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
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

    /**
     * The newest {@code limit} signals of these problems with a replay, newest first; erased ones are not. Starts from
     * the signals with a replay (index ix_problem_signal_replay; a range from the smallest uuid, because neither H2
     * nor PostgreSQL's planner is sure to take an index for IS NOT NULL) and keeps those of the problems here: a big
     * root cause has tens of thousands of signals, replays are few (kept 30 days, only with consent).
     */
    public List<ReplayedSignal> of(Collection<Long> problemIds, int limit) {
        if (problemIds.isEmpty() || limit < 1) {
            return List.of();
        }
        var wanted = new HashSet<>(problemIds);
        var found = new ArrayList<ReplayedSignal>();
        // No ORDER BY: with one, H2 walked the index on received_at through every signal; the few rows are sorted here.
        // Both ends of the range are written out, not bound, so that the planner sees it; without the upper one H2
        // (which the product runs with DEFAULT_NULL_ORDERING=HIGH, nulls last in an index) read every null after it.
        jdbc.query("SELECT s.id, s.replay_id, s.received_at, s.market, s.channel, sp.problem_id FROM problem_signal s "
                + "JOIN signal_problem sp ON sp.signal_id = s.id WHERE s.replay_id BETWEEN '" + SMALLEST_UUID + "' AND '"
                + LARGEST_UUID + "' AND s.erased_at IS NULL", (ResultSet rs) -> {
                    if (wanted.contains(rs.getLong(6))) {
                        found.add(new ReplayedSignal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getObject(3, Timestamp.class).toInstant(), rs.getString(4).strip(), rs.getString(5)));
                    }
                });
        found.sort(Comparator.comparing(ReplayedSignal::receivedAt).reversed().thenComparing(ReplayedSignal::signalId));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    private static final UUID SMALLEST_UUID = new UUID(0, 0), LARGEST_UUID = new UUID(-1, -1);
}
