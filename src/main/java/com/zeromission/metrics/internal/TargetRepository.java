package com.zeromission.metrics.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.markets.Scope;

@Repository
public class TargetRepository {

    public record Stored(int year, Scope scope, BigDecimal cpm) {
    }

    private final JdbcTemplate jdbc;

    public TargetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void put(int year, Scope scope, BigDecimal cpm, Instant now) {
        int inserted = jdbc.update("INSERT INTO cpm_target (target_year, market, product, cpm, updated_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", year, scope.market(), scope.product(), cpm, Timestamp.from(now));
        if (inserted == 0) {
            jdbc.update("UPDATE cpm_target SET cpm = ?, updated_at = ? WHERE target_year = ? AND market = ? AND product = ?",
                    cpm, Timestamp.from(now), year, scope.market(), scope.product());
        }
    }

    public Optional<Stored> find(int year, Scope scope) {
        return jdbc.query("SELECT target_year, market, product, cpm FROM cpm_target WHERE target_year = ? AND market = ? AND product = ?",
                (rs, i) -> new Stored(rs.getInt(1), new Scope(rs.getString(2).strip(), rs.getString(3)), rs.getBigDecimal(4)),
                year, scope.market(), scope.product()).stream().findFirst();
    }

    public List<Stored> list(int year) {
        return jdbc.query("SELECT target_year, market, product, cpm FROM cpm_target WHERE target_year = ? ORDER BY market, product",
                (rs, i) -> new Stored(rs.getInt(1), new Scope(rs.getString(2).strip(), rs.getString(3)), rs.getBigDecimal(4)), year);
    }
}
