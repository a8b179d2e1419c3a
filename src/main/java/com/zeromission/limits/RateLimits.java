package com.zeromission.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Fixed-window counters in the database all instances share (table {@code rate_limit}, migration V21): a budget
 * allows {@code limit} counted events per subject in a window that starts at the subject's first event, and every
 * instance counts against the same row, so N instances allow one budget, not N.
 *
 * <p>Why not Bucket4j: its JDBC back-ends are per database (PostgreSQL, MySQL, …) and none is for H2, the embedded
 * default; and its buckets take a row lock even to read, so checking the budget of every HTTP Basic request (the API
 * is mostly used that way) would serialise all requests of an account on one row. Here a check is a plain indexed
 * read, and only counted events write, each with single statements that are atomic on both databases: an UPDATE whose
 * WHERE holds the condition (the row lock makes concurrent increments wait and re-check it), and an INSERT … ON
 * CONFLICT DO NOTHING for the first event of a window. No statement runs inside the caller's transaction: every call
 * takes its own connection in auto-commit, so a count survives whatever the caller does next.
 *
 * <p>Subjects are hashed into the key: the table never holds a user name or a client address in clear, and a typed
 * user name of any length fits the column.
 */
@Service
public class RateLimits {

    /** At most {@code limit} counted events per subject within {@code window}. {@code name} separates budgets. */
    public record Budget(String name, int limit, Duration window) {
        public Budget {
            if (name == null || !name.matches("[a-z][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("a budget's name must be 1 to 40 lower-case letters, digits or "
                        + "hyphens, starting with a letter, was '" + name + "'");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("budget '" + name + "' needs a limit of at least 1, was " + limit);
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("budget '" + name + "' needs a positive window, was " + window);
            }
        }
    }

    /**
     * The answer for one subject: whether the next event is within the budget, how many were counted in the current
     * window, and, when refused, how long until the window ends.
     */
    public record Decision(boolean allowed, int count, Duration retryAfter) {

        /** Whole seconds for a {@code Retry-After} header: rounded up, at least 1 when refused. */
        public long retryAfterSeconds() {
            if (allowed) {
                return 0;
            }
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RateLimits(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** A budget and whom it counts: an address, an account, or both. */
    public record Counted(Budget budget, String subject) {
    }

    /** Whether the subject may have one more event, without counting it: one indexed read, no lock, no write. */
    public Decision check(Budget budget, String subject) {
        return check(List.of(new Counted(budget, subject))).getFirst();
    }

    /**
     * {@link #check(Budget, String)} for several budgets in one read (sign-in checks three on every request with
     * credentials), answered in the order asked.
     */
    public List<Decision> check(List<Counted> counted) {
        long now = clock.millis();
        var keys = counted.stream().map(c -> key(c.budget(), c.subject())).toList();
        var rows = new HashMap<String, long[]>();
        jdbc.query("SELECT limit_key, hits, window_end FROM rate_limit WHERE limit_key IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")",
                rs -> {
                    rows.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, keys.toArray());
        var decisions = new ArrayList<Decision>();
        for (int i = 0; i < counted.size(); i++) {
            long[] row = rows.get(keys.get(i));
            decisions.add(row == null || row[1] <= now ? new Decision(true, 0, Duration.ZERO)
                    : decide(counted.get(i).budget(), (int) row[0], row[1], now));
        }
        return decisions;
    }

    /**
     * Counts one event if it is within the budget, atomically across instances: of many concurrent callers exactly
     * {@code limit} per window are allowed. A refused event is not counted, so refusals never extend a window.
     */
    public Decision tryAcquire(Budget budget, String subject) {
        String key = key(budget, subject);
        for (int attempt = 0; attempt < 5; attempt++) {
            long now = clock.millis();
            long end = now + budget.window().toMillis();
            if (jdbc.update("UPDATE rate_limit SET hits = hits + 1 WHERE limit_key = ? AND window_end > ? AND hits < ?",
                    key, now, budget.limit()) == 1
                    || startWindow(key, now, end)) {
                return allowedAfterCount(budget, subject);
            }
            List<long[]> rows = jdbc.query("SELECT hits, window_end FROM rate_limit WHERE limit_key = ?",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, key);
            if (!rows.isEmpty() && rows.getFirst()[1] > now && rows.getFirst()[0] >= budget.limit()) {
                return decide(budget, (int) rows.getFirst()[0], rows.getFirst()[1], now);
            }
            // the row changed between the statements (another instance started a window or the sweep removed it)
        }
        throw new IllegalStateException("could not count an event of budget '" + budget.name()
                + "' after 5 attempts: the rate_limit row kept changing");
    }

    /**
     * Counts one event whatever the budget says (a failed sign-in happened, allowed or not) and answers for the next
     * one: refused once {@code limit} events were counted in the window.
     */
    public Decision count(Budget budget, String subject) {
        String key = key(budget, subject);
        for (int attempt = 0; attempt < 5; attempt++) {
            long now = clock.millis();
            long end = now + budget.window().toMillis();
            if (jdbc.update("UPDATE rate_limit SET hits = hits + 1 WHERE limit_key = ? AND window_end > ?", key, now) == 1
                    || startWindow(key, now, end)) {
                return check(budget, subject);
            }
        }
        throw new IllegalStateException("could not count an event of budget '" + budget.name()
                + "' after 5 attempts: the rate_limit row kept changing");
    }

    /** Forgets the subject's events in this budget (a successful sign-in clears its failures). */
    public void reset(Budget budget, String subject) {
        jdbc.update("DELETE FROM rate_limit WHERE limit_key = ?", key(budget, subject));
    }

    /**
     * Deletes the rows whose window has ended: they would allow the next event anyway. Every instance sweeps; two
     * sweeps at once delete the same rows, which is harmless, and a row whose window a caller restarts meanwhile is
     * kept (its window_end moved).
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${zeromission.limits.sweep-interval:PT10M}")
    public int sweep() {
        return jdbc.update("DELETE FROM rate_limit WHERE window_end <= ?", clock.millis());
    }

    /** The first event of a window: a new row, or an ended window's row started again. False if another caller won. */
    private boolean startWindow(String key, long now, long end) {
        return jdbc.update("UPDATE rate_limit SET hits = 1, window_end = ? WHERE limit_key = ? AND window_end <= ?",
                end, key, now) == 1
                || jdbc.update("INSERT INTO rate_limit (limit_key, hits, window_end) VALUES (?, 1, ?) ON CONFLICT DO NOTHING",
                        key, end) == 1;
    }

    /** This event was counted and allowed; the count is read back for the caller's log. */
    private Decision allowedAfterCount(Budget budget, String subject) {
        return new Decision(true, check(budget, subject).count(), Duration.ZERO);
    }

    private static Decision decide(Budget budget, int hits, long windowEnd, long now) {
        return hits < budget.limit() ? new Decision(true, hits, Duration.ZERO)
                : new Decision(false, hits, Duration.ofMillis(windowEnd - now));
    }

    /** The budget's name and the first 160 bits of the subject's SHA-256: never the subject itself. */
    static String key(Budget budget, String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
            return budget.name() + ":" + HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
