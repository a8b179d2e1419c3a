package com.zeromission.metrics.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL every roll-up table here shares. Adding to its counters ({@link #add}) is the one way it is written. Cells are touched in a fixed
 * order so that two transactions adding to the same cells cannot deadlock; a missing cell is first created with 0
 * (ON CONFLICT DO NOTHING: safe against a concurrent creator), then incremented under its row lock. Additions
 * commute, so concurrent writers leave exactly the sum. Cells whose delta is 0 are not touched.
 */
final class RollupSql {

    /** Binds a cell's key columns to the statement, starting at parameter {@code first}. */
    interface KeyBinder<C> {
        void bind(PreparedStatement ps, int first, C cell) throws SQLException;
    }

    private RollupSql() {
    }

    static <C extends Comparable<? super C>> void add(JdbcTemplate jdbc, String table, List<String> keyColumns,
            String counter, Map<C, Long> deltas, KeyBinder<C> key) {
        var cells = new ArrayList<C>();
        deltas.forEach((c, d) -> {
            if (d != 0) {
                cells.add(c);
            }
        });
        if (cells.isEmpty()) {
            return;
        }
        cells.sort(null);
        jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + counter + ") VALUES ("
                + String.join(", ", Collections.nCopies(keyColumns.size(), "?")) + ", 0) ON CONFLICT DO NOTHING",
                cells, cells.size(), (ps, c) -> key.bind(ps, 1, c));
        jdbc.batchUpdate("UPDATE " + table + " SET " + counter + " = " + counter + " + ? WHERE "
                + String.join(" AND ", keyColumns.stream().map(k -> k + " = ?").toList()), cells, cells.size(), (ps, c) -> {
                    ps.setLong(1, deltas.get(c));
                    key.bind(ps, 2, c);
                });
    }

    /** Narrows a signal roll-up query to some channels and one market and/or product (each null: all). */
    static void where(StringBuilder sql, List<Object> args, List<String> channels, String market, String product) {
        if (channels != null) {
            sql.append(" AND channel IN (").append(String.join(",", Collections.nCopies(channels.size(), "?"))).append(')');
            args.addAll(channels);
        }
        whereMarketAndProduct(sql, args, market, product);
    }

    /** Narrows a roll-up query to one market and/or product (null: all). */
    static void whereMarketAndProduct(StringBuilder sql, List<Object> args, String market, String product) {
        if (market != null) {
            sql.append(" AND market = ?");
            args.add(market);
        }
        if (product != null) {
            sql.append(" AND product = ?");
            args.add(product);
        }
    }
}
