package com.zeromission.metrics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The daily signal roll-up: plain JDBC, SQL that runs unchanged on H2 and PostgreSQL. */
@Repository
public class SignalDayRepository {

    /** One cell of the roll-up. */
    public record Cell(LocalDate day, String market, String product, String channel) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = market.compareTo(o.market);
            }
            if (c == 0) {
                c = product.compareTo(o.product);
            }
            return c != 0 ? c : channel.compareTo(o.channel);
        }
    }

    public record Count(Cell cell, long signals) {
    }

    private final JdbcTemplate jdbc;

    public SignalDayRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds counts (see {@link RollupSql} for why this is safe against concurrent writers). */
    public void add(Map<Cell, Long> counts) {
        RollupSql.add(jdbc, "signal_day", List.of("on_day", "market", "product", "channel"), "signals", counts, (ps, i, c) -> {
            ps.setDate(i, Date.valueOf(c.day()));
            ps.setString(i + 1, c.market());
            ps.setString(i + 2, c.product());
            ps.setString(i + 3, c.channel());
        });
    }

    /**
     * Records that the roll-ups took the event with this id; false if they had taken it already (the registry hands an
     * event to a listener at least once). Call in the transaction that adds the event's counts.
     */
    public boolean firstTimeFor(java.util.UUID eventId, java.time.Instant now) {
        return jdbc.update("INSERT INTO signal_rollup_event (event_id, applied_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                eventId, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)) == 1;
    }

    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM signal_day LIMIT 1) x", Long.class) == 0;
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM signal_day");
    }

    /** Streams the cells of the given channels (null: all) between two days (inclusive), optionally for one market/product. */
    public void forEach(LocalDate from, LocalDate to, List<String> channels, String market, String product,
            Consumer<Count> consumer) {
        var sql = new StringBuilder("SELECT on_day, market, product, channel, signals FROM signal_day WHERE on_day >= ? AND on_day <= ?");
        var args = new ArrayList<Object>(List.of(Date.valueOf(from), Date.valueOf(to)));
        RollupSql.where(sql, args, channels, market, product);
        jdbc.query(sql.toString(), rs -> {
            consumer.accept(new Count(new Cell(rs.getDate(1).toLocalDate(), rs.getString(2).strip(), rs.getString(3),
                    rs.getString(4)), rs.getLong(5)));
        }, args.toArray());
    }
}
