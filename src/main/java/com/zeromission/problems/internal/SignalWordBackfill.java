package com.zeromission.problems.internal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration V29_1: indexes the words of the signals stored before the word index existed (V28 creates it empty), read from problems' copy of them (V29).
 * Every signal that is not erased and not waiting in the problem inbox (those are indexed when problems takes them
 * in), with the same reading as {@link SignalWordIndex#index}. In Java because splitting texts into words is not SQL
 * that H2 and PostgreSQL share; a Spring bean, which Spring Boot hands to Flyway, so it runs in order, once, inside
 * Flyway's transaction: the application starts with the index complete, or (on a failure) without V29_1 and tries
 * again at the next start. Its cost: one read of every text, before the application serves (about 20 s for the
 * demo's 142,850 signals on H2; docs/problems.md).
 */
@Component
class SignalWordBackfill implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(SignalWordBackfill.class);
    /** Rows per JDBC batch. */
    private static final int BATCH = 10_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("29.1");
    }

    @Override
    public String getDescription() {
        return "signal words backfill";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        long t0 = System.nanoTime();
        Connection c = context.getConnection();
        Set<UUID> waiting = new HashSet<>();
        try (var read = c.createStatement(); var rows = read.executeQuery("SELECT signal_ids FROM problem_inbox")) {
            while (rows.next()) {
                var packed = ByteBuffer.wrap(rows.getBytes(1));
                while (packed.remaining() >= 16) {
                    waiting.add(new UUID(packed.getLong(), packed.getLong()));
                }
            }
        }
        long signals = 0, words = 0;
        try (var read = c.prepareStatement("SELECT id, body FROM problem_signal WHERE erased_at IS NULL");
                var insert = c.prepareStatement("INSERT INTO signal_word (word, signal_id) VALUES (?, ?)")) {
            read.setFetchSize(1_000); // PostgreSQL streams (inside a transaction) instead of reading every text at once
            int batched = 0;
            try (var rows = read.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (waiting.contains(id)) {
                        continue;
                    }
                    signals++;
                    for (String word : SignalWords.of(rows.getString(2))) {
                        insert.setBytes(1, SignalWords.key(word));
                        insert.setObject(2, id);
                        insert.addBatch();
                        words++;
                        if (++batched == BATCH) {
                            insert.executeBatch();
                            batched = 0;
                        }
                    }
                }
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
        if (signals > 0) {
            log.info("Indexed the words of {} stored signals for the search ({} rows) in {} s", signals, words,
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        }
    }
}
