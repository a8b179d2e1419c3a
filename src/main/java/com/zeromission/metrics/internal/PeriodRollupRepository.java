package com.zeromission.metrics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.metrics.PurchaseCount;

/**
 * The weekly and monthly roll-ups of signals and purchases. Counts are only ever added to (a purchase figure that
 * replaces an earlier one adds the difference), so concurrent writers commute under the row locks and the roll-ups
 * stay exactly the sum of their days.
 */
@Repository
public class PeriodRollupRepository {

    /** One cell of the signal roll-up; {@code start} is the first day of the period. */
    public record SignalCell(Grain grain, LocalDate start, String market, String product, String channel)
            implements Comparable<SignalCell> {
        @Override
        public int compareTo(SignalCell o) {
            int c = grain.compareTo(o.grain);
            if (c == 0) {
                c = start.compareTo(o.start);
            }
            if (c == 0) {
                c = market.compareTo(o.market);
            }
            if (c == 0) {
                c = product.compareTo(o.product);
            }
            return c != 0 ? c : channel.compareTo(o.channel);
        }
    }

    /** One cell of the purchase roll-up. */
    public record PurchaseCell(Grain grain, LocalDate start, String market, String product) implements Comparable<PurchaseCell> {
        @Override
        public int compareTo(PurchaseCell o) {
            int c = grain.compareTo(o.grain);
            if (c == 0) {
                c = start.compareTo(o.start);
            }
            if (c == 0) {
                c = market.compareTo(o.market);
            }
            return c != 0 ? c : product.compareTo(o.product);
        }
    }

    public record SignalCount(SignalCell cell, long signals) {
    }

    private final JdbcTemplate jdbc;

    public PeriodRollupRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds signal counts, as for the daily roll-up ({@link RollupSql}). */
    public void addSignals(Map<SignalCell, Long> counts) {
        RollupSql.add(jdbc, "signal_period", List.of("grain", "period_start", "market", "product", "channel"), "signals",
                counts, (ps, i, c) -> {
                    ps.setString(i, c.grain().code());
                    ps.setDate(i + 1, Date.valueOf(c.start()));
                    ps.setString(i + 2, c.market());
                    ps.setString(i + 3, c.product());
                    ps.setString(i + 4, c.channel());
                });
    }

    /** Adds purchase differences (positive or negative), in the same way as {@link #addSignals}. */
    public void addPurchases(Map<PurchaseCell, Long> deltas) {
        RollupSql.add(jdbc, "purchase_period", List.of("grain", "period_start", "market", "product"), "purchases", deltas,
                (ps, i, c) -> {
                    ps.setString(i, c.grain().code());
                    ps.setDate(i + 1, Date.valueOf(c.start()));
                    ps.setString(i + 2, c.market());
                    ps.setString(i + 3, c.product());
                });
    }

    public boolean isEmpty(String table) {
        if (!table.equals("signal_period") && !table.equals("purchase_period")) {
            throw new IllegalArgumentException("not a period roll-up: " + table);
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) x", Long.class) == 0;
    }

    public void deleteSignals() {
        jdbc.update("DELETE FROM signal_period");
    }

    public void deletePurchases() {
        jdbc.update("DELETE FROM purchase_period");
    }

    /**
     * Signals of some channels and purchases, optionally of one market and/or product, in one statement: the months
     * starting in [{@code firstMonth}, {@code afterMonths}) from the monthly cells, the days of [{@code from},
     * {@code firstMonth}) and [{@code afterMonths}, {@code to}] from the daily ones (an empty range adds nothing).
     */
    public long[] sumByMonthsAndDays(LocalDate from, LocalDate firstMonth, LocalDate afterMonths, LocalDate to,
            List<String> channels, String market, String product) {
        var sql = new StringBuilder("SELECT ");
        var args = new ArrayList<Object>();
        String[][] parts = {{"signal_period", "signals", "period_start", "grain = 'M' AND "}, {"signal_day", "signals", "on_day", ""},
                {"purchase_period", "purchases", "period_start", "grain = 'M' AND "}, {"purchase_day", "purchases", "on_day", ""}};
        for (int i = 0; i < parts.length; i++) {
            String[] t = parts[i];
            boolean signals = t[1].equals("signals"), months = t[0].endsWith("_period");
            sql.append(i == 2 ? ", " : i == 0 ? "" : " + ");
            for (int range = 0; range < (months ? 1 : 2); range++) {
                sql.append(range == 1 ? " + " : "").append("(SELECT COALESCE(SUM(").append(t[1]).append("), 0) FROM ")
                        .append(t[0]).append(" WHERE ").append(t[3]).append(t[2]).append(" >= ? AND ").append(t[2])
                        .append(months || range == 0 ? " < ?" : " <= ?");
                args.add(Date.valueOf(months ? firstMonth : range == 0 ? from : afterMonths));
                args.add(Date.valueOf(months ? afterMonths : range == 0 ? firstMonth : to));
                if (signals) {
                    RollupSql.where(sql, args, channels, market, product);
                } else {
                    RollupSql.whereMarketAndProduct(sql, args, market, product);
                }
                sql.append(')');
            }
        }
        return jdbc.queryForObject(sql.toString(), (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, args.toArray());
    }

    /**
     * {@link #sumByMonthsAndDays} of every market at once (no market or product filter), in one statement: market →
     * {signals, purchases}; a market without either is absent.
     */
    public Map<String, long[]> sumByMonthsAndDaysPerMarket(LocalDate from, LocalDate firstMonth, LocalDate afterMonths,
            LocalDate to, List<String> channels) {
        var parts = new ArrayList<String>();
        var args = new ArrayList<Object>();
        String[][] tables = {{"signal_period", "signals, 0", "period_start", "grain = 'M' AND "},
                {"signal_day", "signals, 0", "on_day", ""}, {"purchase_period", "0, purchases", "period_start", "grain = 'M' AND "},
                {"purchase_day", "0, purchases", "on_day", ""}};
        for (String[] t : tables) {
            boolean signals = t[0].startsWith("signal"), months = t[0].endsWith("_period");
            for (int range = 0; range < (months ? 1 : 2); range++) {
                var sql = new StringBuilder("SELECT market, ").append(t[1]).append(" FROM ").append(t[0]).append(" WHERE ")
                        .append(t[3]).append(t[2]).append(" >= ? AND ").append(t[2]).append(months || range == 0 ? " < ?" : " <= ?");
                args.add(Date.valueOf(months ? firstMonth : range == 0 ? from : afterMonths));
                args.add(Date.valueOf(months ? afterMonths : range == 0 ? firstMonth : to));
                if (signals) {
                    RollupSql.where(sql, args, channels, null, null);
                }
                parts.add(sql.toString());
            }
        }
        var sums = new TreeMap<String, long[]>();
        jdbc.query("SELECT market, SUM(c), SUM(p) FROM (" + String.join(" UNION ALL ", parts) + ") x (market, c, p) "
                + "GROUP BY market", rs -> {
                    sums.put(rs.getString(1).strip(), new long[] {rs.getLong(2), rs.getLong(3)});
                }, args.toArray());
        return sums;
    }

    /**
     * Signals of some channels and purchases of every market and product, week by week, for the weeks starting
     * between two Mondays (inclusive), in one statement from the weekly cells: week → {signals, purchases}; a week
     * with neither is absent. Without channels ({@code null}) the purchases only (signals 0).
     */
    public Map<LocalDate, long[]> sumByWeeks(LocalDate fromMonday, LocalDate toMonday, @Nullable List<String> channels) {
        var signals = new StringBuilder();
        var args = new ArrayList<Object>();
        if (channels != null) {
            signals.append("SELECT period_start, signals, 0 FROM signal_period WHERE grain = 'W' AND period_start >= ? "
                    + "AND period_start <= ?");
            args.addAll(List.of(Date.valueOf(fromMonday), Date.valueOf(toMonday)));
            RollupSql.where(signals, args, channels, null, null);
            signals.append(" UNION ALL ");
        }
        args.add(Date.valueOf(fromMonday));
        args.add(Date.valueOf(toMonday));
        var sums = new TreeMap<LocalDate, long[]>();
        jdbc.query("SELECT period_start, SUM(c), SUM(p) FROM (" + signals + "SELECT period_start, 0, purchases "
                + "FROM purchase_period WHERE grain = 'W' AND period_start >= ? AND period_start <= ?) x (period_start, c, p) "
                + "GROUP BY period_start", rs -> {
                    sums.put(rs.getDate(1).toLocalDate(), new long[] {rs.getLong(2), rs.getLong(3)});
                }, args.toArray());
        return sums;
    }

    /**
     * The months (their first days) and markets that have purchases, for the months starting between two days
     * (inclusive): one small read of the monthly purchase cells, where a query of every cell's CPM read them all.
     */
    public void forEachMonthWithPurchases(LocalDate from, LocalDate to, BiConsumer<LocalDate, String> consumer) {
        jdbc.query("SELECT DISTINCT period_start, market FROM purchase_period WHERE grain = 'M' AND period_start >= ? "
                + "AND period_start <= ? AND purchases > 0", rs -> {
                    consumer.accept(rs.getDate(1).toLocalDate(), rs.getString(2).strip());
                }, Date.valueOf(from), Date.valueOf(to));
    }

    /** Streams the signal cells of one grain whose period starts between two days (inclusive). */
    public void forEachSignals(Grain grain, LocalDate from, LocalDate to, List<String> channels, String market,
            String product, Consumer<SignalCount> consumer) {
        var sql = new StringBuilder("SELECT period_start, market, product, channel, signals FROM signal_period "
                + "WHERE grain = ? AND period_start >= ? AND period_start <= ?");
        var args = new ArrayList<Object>(List.of(grain.code(), Date.valueOf(from), Date.valueOf(to)));
        RollupSql.where(sql, args, channels, market, product);
        jdbc.query(sql.toString(), rs -> {
            consumer.accept(new SignalCount(new SignalCell(grain, rs.getDate(1).toLocalDate(), rs.getString(2).strip(),
                    rs.getString(3), rs.getString(4)), rs.getLong(5)));
        }, args.toArray());
    }

    /** Streams the purchase cells of one grain; each comes as a {@link PurchaseCount} dated on its period's start. */
    public void forEachPurchases(Grain grain, LocalDate from, LocalDate to, String market, String product,
            Consumer<PurchaseCount> consumer) {
        var sql = new StringBuilder("SELECT period_start, market, product, purchases FROM purchase_period "
                + "WHERE grain = ? AND period_start >= ? AND period_start <= ?");
        var args = new ArrayList<Object>(List.of(grain.code(), Date.valueOf(from), Date.valueOf(to)));
        RollupSql.whereMarketAndProduct(sql, args, market, product);
        jdbc.query(sql.toString(), rs -> {
            consumer.accept(new PurchaseCount(rs.getDate(1).toLocalDate(), rs.getString(2).strip(), rs.getString(3), rs.getLong(4)));
        }, args.toArray());
    }
}
