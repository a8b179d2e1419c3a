package com.zeromission.metrics.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.metrics.PurchaseCount;

@Repository
public class PurchaseRepository {

    private final JdbcTemplate jdbc;
    private final PeriodRollupRepository periods;

    public PurchaseRepository(JdbcTemplate jdbc, PeriodRollupRepository periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    /**
     * Upserts: a day/market/product sent again replaces the earlier figure (sources correct their counts). Portable
     * as insert-if-absent, then update; returns how many rows were new. The weekly and monthly roll-ups get the
     * difference to the replaced figure, read under the day row's lock so that a concurrent upsert of the same day
     * cannot make the difference stale.
     */
    public int upsert(List<PurchaseCount> counts, String source, Instant now) {
        int[][] inserted = jdbc.batchUpdate("INSERT INTO purchase_day (on_day, market, product, purchases, source, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", counts, counts.size(), (ps, c) -> {
                    ps.setDate(1, Date.valueOf(c.day()));
                    ps.setString(2, c.market());
                    ps.setString(3, c.product());
                    ps.setLong(4, c.purchases());
                    ps.setString(5, source);
                    ps.setTimestamp(6, Timestamp.from(now));
                });
        var existing = new ArrayList<PurchaseCount>();
        var deltas = new HashMap<PeriodRollupRepository.PurchaseCell, Long>();
        int created = 0, i = 0;
        for (int[] batch : inserted) {
            for (int n : batch) {
                PurchaseCount c = counts.get(i);
                if (n > 0) {
                    created++;
                    addDelta(deltas, c, c.purchases());
                } else {
                    existing.add(c);
                }
                i++;
            }
        }
        if (!existing.isEmpty()) {
            for (PurchaseCount c : existing) {
                Long before = jdbc.queryForObject("SELECT purchases FROM purchase_day WHERE on_day = ? AND market = ? "
                        + "AND product = ? FOR UPDATE", Long.class, Date.valueOf(c.day()), c.market(), c.product());
                addDelta(deltas, c, c.purchases() - before);
            }
            jdbc.batchUpdate("UPDATE purchase_day SET purchases = ?, source = ?, updated_at = ? WHERE on_day = ? AND market = ? AND product = ?",
                    existing, existing.size(), (ps, c) -> {
                        ps.setLong(1, c.purchases());
                        ps.setString(2, source);
                        ps.setTimestamp(3, Timestamp.from(now));
                        ps.setDate(4, Date.valueOf(c.day()));
                        ps.setString(5, c.market());
                        ps.setString(6, c.product());
                    });
        }
        periods.addPurchases(deltas);
        return created;
    }

    private static void addDelta(Map<PeriodRollupRepository.PurchaseCell, Long> deltas, PurchaseCount c, long delta) {
        for (Grain g : Grain.values()) {
            deltas.merge(new PeriodRollupRepository.PurchaseCell(g, g.start(c.day()), c.market(), c.product()), delta, Long::sum);
        }
    }

    public void forEach(LocalDate from, LocalDate to, String market, String product, Consumer<PurchaseCount> consumer) {
        var sql = new StringBuilder("SELECT on_day, market, product, purchases FROM purchase_day WHERE on_day >= ? AND on_day <= ?");
        var args = new ArrayList<Object>(List.of(Date.valueOf(from), Date.valueOf(to)));
        RollupSql.whereMarketAndProduct(sql, args, market, product);
        jdbc.query(sql.toString(), rs -> {
            consumer.accept(new PurchaseCount(rs.getDate(1).toLocalDate(), rs.getString(2).strip(), rs.getString(3), rs.getLong(4)));
        }, args.toArray());
    }
}
