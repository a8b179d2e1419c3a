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

    /**
     * Adds counts. Cells are touched in a fixed order so that two transactions adding to the same cells cannot
     * deadlock; a missing cell is first created with 0 (ON CONFLICT DO NOTHING: safe against a concurrent creator),
     * then incremented under its row lock.
     */
    public void add(Map<Cell, Long> counts) {
        var cells = new ArrayList<>(counts.keySet());
        cells.sort(null);
        jdbc.batchUpdate("INSERT INTO signal_day (on_day, market, product, channel, signals) VALUES (?, ?, ?, ?, 0) "
                + "ON CONFLICT DO NOTHING", cells, cells.size(), (ps, c) -> {
                    ps.setDate(1, Date.valueOf(c.day()));
                    ps.setString(2, c.market());
                    ps.setString(3, c.product());
                    ps.setString(4, c.channel());
                });
        jdbc.batchUpdate("UPDATE signal_day SET signals = signals + ? WHERE on_day = ? AND market = ? AND product = ? AND channel = ?",
                cells, cells.size(), (ps, c) -> {
                    ps.setLong(1, counts.get(c));
                    ps.setDate(2, Date.valueOf(c.day()));
                    ps.setString(3, c.market());
                    ps.setString(4, c.product());
                    ps.setString(5, c.channel());
                });
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
        if (channels != null) {
            sql.append(" AND channel IN (").append(String.join(",", java.util.Collections.nCopies(channels.size(), "?"))).append(')');
            args.addAll(channels);
        }
        if (market != null) {
            sql.append(" AND market = ?");
            args.add(market);
        }
        if (product != null) {
            sql.append(" AND product = ?");
            args.add(product);
        }
        jdbc.query(sql.toString(), rs -> {
            consumer.accept(new Count(new Cell(rs.getDate(1).toLocalDate(), rs.getString(2).strip(), rs.getString(3),
                    rs.getString(4)), rs.getLong(5)));
        }, args.toArray());
    }
}
