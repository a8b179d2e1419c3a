package com.zeromission.problems.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.intake.Erasure;
import com.zeromission.intake.Signal;

/**
 * Problems' own copy of what it needs of each signal ({@code problem_signal}): the masked text, language, market,
 * product, channel, journey stage and when it was received, never the customer. Fed from intake's events, so that
 * grouping, search and problem pages read no table of another module; erased together with the signal.
 */
@Repository
class SignalCopies {

    private final JdbcTemplate jdbc;

    SignalCopies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies the signals that are not copied yet and returns those it copied, in the order given. An event handed
     * over a second time (the registry delivers at least once) copies nothing and so queues nothing twice.
     */
    public List<Signal> keepNew(List<Signal> signals, Instant now) {
        var fresh = new ArrayList<Signal>(signals.size());
        jdbc.execute((java.sql.Connection c) -> {
            // One prepared point lookup per id on the primary key (an IN list is evaluated row by row by H2).
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM problem_signal WHERE id = ?")) {
                for (Signal s : signals) {
                    ps.setObject(1, s.id().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            fresh.add(s);
                        }
                    }
                }
            }
            return null;
        });
        jdbc.batchUpdate("INSERT INTO problem_signal (id, channel, counts_as_complaint, market, product, journey_stage, "
                + "received_at, lang, body, erased_at, replay_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                fresh, 1_000, (ps, s) -> {
                    ps.setObject(1, s.id().value());
                    ps.setString(2, s.channel().name()); // the enum name, as intake's table keeps it
                    ps.setBoolean(3, s.countsAsComplaint());
                    ps.setString(4, s.market().code());
                    ps.setString(5, s.product());
                    ps.setString(6, s.journeyStage().name());
                    ps.setObject(7, OffsetDateTime.ofInstant(s.receivedAt(), ZoneOffset.UTC));
                    ps.setString(8, s.language());
                    ps.setString(9, s.text());
                    // erased between intake's commit and this copy (an event handed over after a crash): erased here too
                    ps.setObject(10, Erasure.ERASED_TEXT.equals(s.text())
                            ? OffsetDateTime.ofInstant(now, ZoneOffset.UTC) : null);
                    ps.setObject(11, Erasure.ERASED_TEXT.equals(s.text()) ? null : s.replayId());
                });
        return fresh;
    }

    /** Erases the copies' texts, as intake erased the signals'; returns how many copies changed. */
    public int erase(List<UUID> signalIds, Instant at) {
        int n = 0;
        for (int i = 0; i < signalIds.size(); i += 500) {
            var part = signalIds.subList(i, Math.min(signalIds.size(), i + 500));
            var args = new ArrayList<Object>(part.size() + 2);
            args.add(Erasure.ERASED_TEXT);
            args.add(OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            args.addAll(part);
            n += jdbc.update("UPDATE problem_signal SET body = ?, erased_at = ?, replay_id = NULL WHERE erased_at IS NULL AND id IN ("
                    + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")", args.toArray());
        }
        return n;
    }
}
