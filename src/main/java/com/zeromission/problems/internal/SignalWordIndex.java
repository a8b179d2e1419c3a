package com.zeromission.problems.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The word index of the signal search: a row (word, signal) for every distinct word of each stored signal's masked
 * text (table {@code signal_word}, V28; words as {@link SignalWords} reads them). A search looks each query word up as
 * a range of the primary key instead of reading every text.
 *
 * <p>Written when problems takes a signal in ({@link #index}, in the same transaction), so a signal is in the index
 * exactly when it has left the problem inbox; the signals still waiting there are searched by reading their texts
 * ({@link #notYetIndexed}). The signals stored before the index existed were indexed by {@link SignalWordBackfill}.
 *
 * <p>An erased signal's words go in the erasure's own transaction ({@link #forget}), and a signal erased before it
 * is taken in is not indexed. An erasure and an indexing that run at the same time cannot see each other's
 * uncommitted rows, so each side also looks again just after its own commit: the indexing drops the words of any of
 * its signals that is erased by then, the erasure drops its signals' words once more. Whichever commits second, its
 * look after commit sees the other's commit, so no erased signal's words stay.
 */
@Repository
public class SignalWordIndex {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignalWordIndex.class);

    /** Signal ids per statement when reading or deleting by id (an IN list of parameters). */
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    public SignalWordIndex(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Indexes the words of these signals' masked texts (by signal id), in the caller's transaction: the hook that
     * makes taken-in signals searchable. Indexing a signal again adds nothing; erased signals are left out.
     */
    public void index(Map<UUID, String> maskedTexts) {
        if (maskedTexts.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Object[]>();
        maskedTexts.forEach((id, text) -> SignalWords.of(text).forEach(w -> rows.add(new Object[] {SignalWords.key(w), id})));
        insert(jdbc, rows);
        var ids = List.copyOf(maskedTexts.keySet());
        forgetErased(ids); // erased before they were taken in (their text then reads "[erased on request]")
        afterCommit(() -> forgetErased(ids)); // erased while this transaction ran
    }

    /** Inserts (word key, signal id) rows, leaving out those already there. */
    static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO signal_word (word, signal_id) VALUES (?, ?) ON CONFLICT DO NOTHING", rows);
    }

    /** Drops the words of these (erased) signals, in the caller's transaction and once more after it commits. */
    public void forget(Collection<UUID> signalIds) {
        var ids = List.copyOf(signalIds);
        delete(ids);
        afterCommit(() -> delete(ids));
    }

    /**
     * The stored signals whose words are not indexed yet: those waiting in the problem inbox (the caller reads them
     * before it reads the index: a signal taken in meanwhile is then in the index or in this list, perhaps both). Empty
     * when more than {@code atMost} are waiting (a large import or the demo being grouped), when reading their texts
     * would cost as much as reading all of them.
     */
    public Optional<List<UUID>> notYetIndexed(int atMost) {
        Long bytes = jdbc.queryForObject("SELECT SUM(OCTET_LENGTH(signal_ids)) FROM problem_inbox", Long.class);
        if (bytes != null && bytes / 16 > atMost) {
            return Optional.empty();
        }
        var ids = new ArrayList<UUID>();
        jdbc.query("SELECT signal_ids FROM problem_inbox", rs -> {
            var packed = ByteBuffer.wrap(rs.getBytes(1));
            while (packed.remaining() >= 16) {
                ids.add(new UUID(packed.getLong(), packed.getLong()));
            }
        });
        return ids.size() > atMost ? Optional.empty() : Optional.of(ids);
    }

    private void forgetErased(List<UUID> ids) {
        var erased = new ArrayList<UUID>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            var part = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            erased.addAll(jdbc.queryForList("SELECT id FROM problem_signal WHERE erased_at IS NOT NULL AND id IN ("
                    + marks(part.size()) + ")", UUID.class, part.toArray()));
        }
        delete(erased);
    }

    private void delete(List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM signal_word WHERE signal_id = ?", ids.stream().map(id -> new Object[] {id}).toList());
        }
    }

    /** Runs {@code check} again in a transaction of its own once the caller's transaction commits. */
    private void afterCommit(Runnable check) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // No transaction: each statement committed on its own, so the look just taken came after the commit.
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    newTransaction.executeWithoutResult(status -> check.run());
                } catch (RuntimeException e) {
                    // What the caller did is committed; a search never shows an erased signal whatever the index holds.
                    log.warn("Could not look again for erased signals' words after a commit: if an erasure ran at the same "
                            + "time, its signals' words may stay in the index (a search still never finds them)", e);
                }
            }
        });
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
