package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.zeromission.support.TestDatabases;

/**
 * Tokens stored before every token had to expire (issue 15, finding 13): V25 gives them 90 days from the upgrade.
 * The tokens are written right after V9 created the table, then the rest of the migrations run.
 */
class ApiTokenExpiryMigrationTest {

    @Test
    void givesTokensThatNeverExpiredNinetyDaysFromTheUpgradeAndRefusesNewOnesWithoutExpiry() {
        var data = new DriverManagerDataSource(TestDatabases.h2Url(TestDatabases.newDataDir()), "sa", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").target("9").load().migrate();
        var jdbc = new JdbcTemplate(data);
        String insert = "INSERT INTO api_token (name, token_hash, prefix, roles, created_by, created_at, expires_at, revoked_at) "
                + "VALUES (?, ?, 'abcdefgh', 'INGEST', 'admin', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', ?, NULL)";
        jdbc.update(insert, "forever", "a".repeat(64), null);
        OffsetDateTime set = OffsetDateTime.parse("2026-03-01T00:00:00Z");
        jdbc.update(insert, "dated", "b".repeat(64), set);

        Instant before = Instant.now();
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();

        Instant forever = jdbc.queryForObject("SELECT expires_at FROM api_token WHERE name = 'forever'", OffsetDateTime.class)
                .toInstant();
        assertThat(forever).isBetween(before.plus(Duration.ofDays(90)).minusSeconds(5), Instant.now().plus(Duration.ofDays(90)));
        assertThat(jdbc.queryForObject("SELECT expires_at FROM api_token WHERE name = 'dated'", OffsetDateTime.class)
                .toInstant()).isEqualTo(set.toInstant());
        assertThatThrownBy(() -> jdbc.update(insert, "again", "c".repeat(64), null))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
