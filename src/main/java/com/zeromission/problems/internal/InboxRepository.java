package com.zeromission.problems.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The problem inbox ({@code problem_inbox}): the signals problems has copied ({@link SignalCopies}) and not yet grouped,
 * packed as rows of ids in arrival order. {@link ProblemInbox} fills it from intake's events; the grouping worker
 * drains it a batch at a time and removes exactly the rows it read, in the transaction that stores the batch's
 * assignments. Apart from {@link ProblemRepository} because the inbox is a queue with its own life, not a problem's
 * state.
 */
@Repository
public class InboxRepository {

    /** A signal waiting in the inbox, with what grouping and counting need. Its text is the stored, masked one. */
    public record Pending(long seq, UUID signalId, String text, String language, String market, String product,
            String channel, boolean complaint, Instant receivedAt) {
    }

    private final JdbcTemplate jdbc;

    InboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- inbox -------------------------------------------------------------------------------------------------

    /** Signal ids per inbox row; an assignment's sequence number is the row's times this plus the id's position. */
    public static final int INBOX_ROW = 10_000;

    public void enqueue(List<UUID> signalIds) {
        for (int i = 0; i < signalIds.size(); i += INBOX_ROW) {
            var part = signalIds.subList(i, Math.min(signalIds.size(), i + INBOX_ROW));
            var bytes = ByteBuffer.allocate(16 * part.size());
            for (UUID id : part) {
                bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
            }
            jdbc.update("INSERT INTO problem_inbox (signal_ids) VALUES (?)", (Object) bytes.array());
        }
    }

    /** Pending signals of the oldest inbox rows, and the last row they came from (0: the inbox is empty). */
    public record PendingBatch(List<Pending> signals, long lastRow, List<Long> rows) {
        public PendingBatch {
            rows = List.copyOf(rows);
        }
    }

    /** The pending signals of the oldest inbox rows: whole rows, at least {@code atLeast} signals when there are. */
    public PendingBatch pending(int atLeast) {
        var ids = new ArrayList<UUID>();
        var seqs = new ArrayList<Long>();
        var rowsRead = new ArrayList<Long>();
        long lastRow = 0;
        while (ids.size() < atLeast) {
            var rows = jdbc.query("SELECT seq, signal_ids FROM problem_inbox WHERE seq > ? ORDER BY seq LIMIT 20",
                    (rs, n) -> Map.entry(rs.getLong(1), rs.getBytes(2)), lastRow);
            if (rows.isEmpty()) {
                break;
            }
            for (var row : rows) {
                var bytes = ByteBuffer.wrap(row.getValue());
                int position = 0;
                while (bytes.remaining() >= 16) {
                    ids.add(new UUID(bytes.getLong(), bytes.getLong()));
                    seqs.add(row.getKey() * INBOX_ROW + position++);
                }
                lastRow = row.getKey();
                rowsRead.add(lastRow);
                if (ids.size() >= atLeast) {
                    break;
                }
            }
        }
        var found = new HashMap<UUID, Pending>();
        for (int i = 0; i < ids.size(); i += 500) {
            var part = ids.subList(i, Math.min(ids.size(), i + 500));
            var positions = new HashMap<UUID, Long>();
            for (int j = 0; j < part.size(); j++) {
                positions.put(part.get(j), seqs.get(i + j));
            }
            jdbc.query("SELECT s.id, s.body, s.lang, s.market, s.product, s.channel, s.counts_as_complaint, s.received_at "
                    + "FROM problem_signal s WHERE s.erased_at IS NULL AND s.id IN (" + ProblemRepository.marks(part.size()) + ")", rs -> {
                        UUID id = rs.getObject(1, UUID.class);
                        found.put(id, new Pending(positions.get(id), id, rs.getString(2), rs.getString(3),
                                rs.getString(4).strip(), rs.getString(5), ProblemRepository.channel(rs.getString(6)), rs.getBoolean(7),
                                ProblemRepository.instant(rs, 8)));
                    }, part.toArray());
        }
        // In inbox order; a signal erased before it was grouped is simply gone.
        var result = new ArrayList<Pending>(found.size());
        for (UUID id : ids) {
            Pending p = found.get(id);
            if (p != null) {
                result.add(p);
            }
        }
        return new PendingBatch(result, lastRow, rowsRead);
    }

    /**
     * Removes the inbox rows this batch read, and only those. Not "every row up to the last one read": row numbers
     * are taken when a row is inserted, not when it commits, so a row with a smaller number can commit after a drain
     * read past it (two intake listeners committing in the other order), and would be deleted unread.
     */
    public void dequeue(PendingBatch batch) {
        jdbc.batchUpdate("DELETE FROM problem_inbox WHERE seq = ?", batch.rows(), 500, (ps, seq) -> ps.setLong(1, seq));
    }

    /** Signals waiting (an estimate from the rows' sizes: exact unless some were erased meanwhile). */
    public long inboxSize() {
        Long bytes = jdbc.queryForObject("SELECT SUM(OCTET_LENGTH(signal_ids)) FROM problem_inbox", Long.class);
        return bytes == null ? 0 : bytes / 16;
    }
}
