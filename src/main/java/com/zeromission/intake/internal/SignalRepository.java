package com.zeromission.intake.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.zeromission.intake.Channel;
import com.zeromission.intake.DailySignalCount;
import com.zeromission.intake.Erasure;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.Signal;
import com.zeromission.intake.SignalId;
import com.zeromission.markets.Market;
import com.zeromission.privacy.CustomerKey;

/** Plain JDBC over the signal table: the SQL runs unchanged on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
public class SignalRepository {

    /** A stored signal together with the fingerprint of the request that created it. */
    public record StoredSignal(Signal signal, String fingerprint) {
    }

    /** A signal ready to insert, with the request fingerprint and the import it came from (if any). */
    public record NewSignal(Signal signal, String fingerprint, UUID importId) {
    }

    public record Key(String source, String sourceId) {
    }

    private static final String COLUMNS = "id, source, source_id, fingerprint, channel, market, product, journey_stage, "
            + "received_at, lang, body, order_reference, evidence, customer_key, pii_masked, ingested_at, replay_id";

    private static final String INSERT = "INSERT INTO signal (id, source, source_id, fingerprint, channel, "
            + "counts_as_complaint, market, product, journey_stage, received_at, lang, body, order_reference, evidence, "
            + "customer_key, pii_masked, import_id, ingested_at, replay_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING"; // the only key that can clash is (source, source_id): ids are fresh UUIDs

    private final JdbcTemplate jdbc;

    public SignalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a row of a batch insert went in: yes, no (its key was taken), or unknown (the driver did not say). */
    public enum Inserted { YES, NO, UNKNOWN }

    /**
     * Inserts the signals whose key is still free and reports, per signal, whether it was inserted. A key taken
     * already, by an earlier request, a concurrent writer or an earlier row of the same batch, is simply not
     * inserted (ON CONFLICT DO NOTHING), never an error.
     */
    public Inserted[] insertIfAbsent(List<NewSignal> signals) {
        int[][] counts = jdbc.batchUpdate(INSERT, signals, signals.size(), (ps, n) -> bind(ps, n));
        var inserted = new Inserted[signals.size()];
        int i = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                inserted[i++] = c > 0 ? Inserted.YES : c == java.sql.Statement.SUCCESS_NO_INFO ? Inserted.UNKNOWN : Inserted.NO;
            }
        }
        return inserted;
    }

    private static void bind(PreparedStatement ps, NewSignal n) throws SQLException {
        Signal s = n.signal();
        ps.setObject(1, s.id().value());
        ps.setString(2, s.source());
        ps.setString(3, s.sourceId());
        ps.setString(4, n.fingerprint());
        ps.setString(5, s.channel().name());
        ps.setBoolean(6, s.channel().countsAsComplaint());
        ps.setString(7, s.market().code());
        ps.setString(8, s.product());
        ps.setString(9, s.journeyStage().name());
        ps.setObject(10, OffsetDateTime.ofInstant(s.receivedAt(), ZoneOffset.UTC));
        ps.setString(11, s.language());
        ps.setString(12, s.text());
        ps.setString(13, s.orderReference());
        ps.setString(14, s.evidence().isEmpty() ? null : String.join("\n", s.evidence()));
        ps.setString(15, s.customerKey() == null ? null : s.customerKey().value());
        ps.setInt(16, s.piiMasked());
        if (n.importId() == null) {
            ps.setNull(17, Types.OTHER);
        } else {
            ps.setObject(17, n.importId());
        }
        ps.setObject(18, OffsetDateTime.ofInstant(s.ingestedAt(), ZoneOffset.UTC));
        if (s.replayId() == null) {
            ps.setNull(19, Types.OTHER);
        } else {
            ps.setObject(19, s.replayId());
        }
    }

    /** The stored signals for the given keys, by key. One query per source (a chunk usually has one source). */
    public Map<Key, StoredSignal> findByKeys(Collection<Key> keys) {
        // One prepared point lookup per key on the unique (source, source_id) index. An IN list looks cheaper but
        // H2 evaluates it row by row over the whole table, which made large imports quadratic.
        var result = new HashMap<Key, StoredSignal>();
        jdbc.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM signal WHERE source = ? AND source_id = ?")) {
                for (Key key : keys) {
                    ps.setString(1, key.source());
                    ps.setString(2, key.sourceId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            result.put(key, STORED.mapRow(rs, 0));
                        }
                    }
                }
            }
            return null;
        });
        return result;
    }

    /** Counts per UTC day, market, product and channel, aggregated in Java so the SQL stays portable. */
    public List<DailySignalCount> dailyCounts() {
        record Key(java.time.LocalDate day, String market, String product, String channel) {
        }
        var counts = new HashMap<Key, long[]>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT received_at, market, product, channel FROM signal");
            ps.setFetchSize(10_000); // stream: PostgreSQL otherwise reads the whole table into memory
            return ps;
        }, rs -> {
            var day = instant(rs, "received_at").atZone(ZoneOffset.UTC).toLocalDate();
            // The table keeps the enum name; everyone outside intake speaks the channel's code.
            String channel = Channel.valueOf(rs.getString("channel")).code();
            counts.computeIfAbsent(new Key(day, rs.getString("market").strip(), rs.getString("product"), channel),
                    k -> new long[1])[0]++;
        });
        return counts.entrySet().stream()
                .map(e -> new DailySignalCount(e.getKey().day(), e.getKey().market(),
                        e.getKey().product(), e.getKey().channel(), e.getValue()[0]))
                .toList();
    }

    /** The signals with these ids, in the order given; one prepared point lookup each (see findByKeys). */
    public List<Signal> findByIds(List<SignalId> ids) {
        var result = new ArrayList<Signal>(ids.size());
        jdbc.execute((java.sql.Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM signal WHERE id = ?")) {
                for (SignalId id : ids) {
                    ps.setObject(1, id.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            result.add(STORED.mapRow(rs, 0).signal());
                        }
                    }
                }
            }
            return null;
        });
        return result;
    }

    /** Complaint signals received since the instant, oldest first. */
    public List<Signal> complaintsSince(java.time.Instant since) {
        return jdbc.query("SELECT " + COLUMNS + " FROM signal WHERE counts_as_complaint = TRUE AND received_at >= ? "
                + "ORDER BY received_at, id", STORED, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).stream()
                .map(StoredSignal::signal).toList();
    }

    public Optional<Signal> findById(SignalId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM signal WHERE id = ?", STORED, id.value()).stream()
                .map(StoredSignal::signal).findFirst();
    }

    /**
     * A page of signals, newest first, using keyset pagination on (received_at, id) so that deep pages stay fast.
     */
    public List<Signal> search(SignalCriteria c, int limit) {
        var where = new ArrayList<String>();
        var args = new ArrayList<Object>();
        if (c.market() != null) {
            where.add("market = ?");
            args.add(c.market().code());
        }
        if (c.channel() != null) {
            where.add("channel = ?");
            args.add(c.channel().name());
        }
        if (c.product() != null) {
            where.add("product = ?");
            args.add(c.product());
        }
        if (c.source() != null) {
            where.add("source = ?");
            args.add(c.source());
        }
        if (c.from() != null) {
            where.add("received_at >= ?");
            args.add(OffsetDateTime.ofInstant(c.from(), ZoneOffset.UTC));
        }
        if (c.to() != null) {
            where.add("received_at < ?");
            args.add(OffsetDateTime.ofInstant(c.to(), ZoneOffset.UTC));
        }
        if (c.after() != null) {
            where.add("(received_at < ? OR (received_at = ? AND id < ?))");
            var at = OffsetDateTime.ofInstant(c.after().receivedAt(), ZoneOffset.UTC);
            args.add(at);
            args.add(at);
            args.add(c.after().id());
        }
        String sql = "SELECT " + COLUMNS + " FROM signal" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY received_at DESC, id DESC LIMIT " + limit;
        return jdbc.query(sql, STORED, args.toArray()).stream().map(StoredSignal::signal).toList();
    }

    /** Counts of signals by year, channel and market: a cheap overview of what is stored. */
    public List<Map<String, Object>> summary() {
        return jdbc.queryForList("SELECT EXTRACT(YEAR FROM received_at) AS yr, channel, market, COUNT(*) AS n "
                + "FROM signal GROUP BY EXTRACT(YEAR FROM received_at), channel, market ORDER BY yr, channel, market");
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM signal", Long.class);
        return n == null ? 0 : n;
    }

    public record Cursor(Instant receivedAt, UUID id) {
    }

    public record SignalCriteria(Market market, Channel channel, String product, String source, Instant from,
            Instant to, Cursor after) {
    }

    private static final RowMapper<StoredSignal> STORED = (rs, row) -> new StoredSignal(new Signal(
            new SignalId(rs.getObject("id", UUID.class)),
            rs.getString("source"),
            rs.getString("source_id"),
            Channel.valueOf(rs.getString("channel")),
            Market.of(rs.getString("market")),
            rs.getString("product"),
            JourneyStage.valueOf(rs.getString("journey_stage")),
            instant(rs, "received_at"),
            rs.getString("lang"),
            rs.getString("body"),
            rs.getString("order_reference"),
            splitEvidence(rs.getString("evidence")),
            rs.getString("customer_key") == null ? null : new CustomerKey(rs.getString("customer_key")),
            rs.getInt("pii_masked"),
            instant(rs, "ingested_at"),
            rs.getObject("replay_id", UUID.class)), rs.getString("fingerprint").trim());

    private static List<String> splitEvidence(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t.toInstant();
    }

    /**
     * Erases the personal content of every signal of one pseudonymous customer and returns their ids. No index on
     * customer_key (it would cost bulk import a third of its speed), so this scans: an erasure is rare.
     */
    public java.util.List<java.util.UUID> erase(String customerKey, java.time.Instant now) {
        var ids = jdbc.queryForList("SELECT id FROM signal WHERE customer_key = ?", java.util.UUID.class, customerKey);
        if (!ids.isEmpty()) {
            jdbc.update("UPDATE signal SET body = ?, order_reference = NULL, evidence = NULL, customer_key = NULL, "
                    + "replay_id = NULL, pii_masked = 0, erased_at = ? WHERE customer_key = ?", Erasure.ERASED_TEXT,
                    java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC), customerKey);
        }
        return ids;
    }

    /**
     * Erases the personal content of the named signals that are not erased yet, and returns their ids. By primary
     * key, so no scan: used for signals without a customer key (feedback-form messages).
     */
    public java.util.List<java.util.UUID> eraseByIds(java.util.List<java.util.UUID> ids, java.time.Instant now) {
        var erased = new java.util.ArrayList<java.util.UUID>();
        var at = java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
        for (java.util.UUID id : ids) {
            int n = jdbc.update("UPDATE signal SET body = ?, order_reference = NULL, evidence = NULL, customer_key = NULL, "
                    + "replay_id = NULL, pii_masked = 0, erased_at = ? WHERE id = ? AND erased_at IS NULL", Erasure.ERASED_TEXT,
                    at, id);
            if (n > 0) {
                erased.add(id);
            }
        }
        return erased;
    }

    public long recordErasure(String requestedBy, java.time.Instant at, long signals) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO erasure (requested_by, at, signals) VALUES (?, ?, ?)", new String[] {"id"});
            ps.setString(1, requestedBy);
            ps.setObject(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
            ps.setLong(3, signals);
            return ps;
        }, key);
        return key.getKey().longValue();
    }
}
