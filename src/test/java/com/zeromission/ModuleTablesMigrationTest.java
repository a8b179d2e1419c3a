package com.zeromission;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.zeromission.support.TestDatabases;

/**
 * An existing database keeps working across issue 17's migrations, on H2 and on PostgreSQL: V29 gives problems its
 * own copy of every stored signal (an erased one stays erased), and V30 moves alarms' and insights' webhook deliveries,
 * delivered or waiting, into the one outbox in their order.
 */
class ModuleTablesMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storedSignalsAndWaitingDeliveriesCarryOver(String database) throws SQLException {
        String url = database.equals("h2") ? TestDatabases.h2Url(TestDatabases.newDataDir()) : TestDatabases.newPostgresDatabase();
        String user = database.equals("h2") ? "sa" : null;
        migrate(url, user, lastBefore(url, user, "29"));
        try (Connection c = connect(url, user)) {
            var s = c.createStatement();
            s.execute("INSERT INTO signal (id, source, source_id, fingerprint, channel, counts_as_complaint, market, "
                    + "product, journey_stage, received_at, lang, body, pii_masked, ingested_at, erased_at) VALUES "
                    + "('00000000-0000-7000-8000-000000000001', 'api', 'a1', '" + "f".repeat(64) + "', 'COMPLAINT', TRUE, "
                    + "'SE', 'card', 'PAYMENT', TIMESTAMP WITH TIME ZONE '2026-03-02 10:00:00+00', 'sv', "
                    + "'Kortet nekades', 0, CURRENT_TIMESTAMP, NULL), "
                    + "('00000000-0000-7000-8000-000000000002', 'api', 'a2', '" + "f".repeat(64) + "', 'EMAIL', FALSE, "
                    + "'NO', 'loan', 'OTHER', TIMESTAMP WITH TIME ZONE '2026-03-03 10:00:00+00', NULL, "
                    + "'[erased on request]', 0, CURRENT_TIMESTAMP, TIMESTAMP WITH TIME ZONE '2026-03-04 10:00:00+00')");
            s.execute("INSERT INTO alert (id, kind, rule_name, severity, market, product, state, summary, threshold, "
                    + "window_from, window_to, complaints, purchases, fired_on, fired_at, cleared_at) VALUES "
                    + "('00000000-0000-7000-8000-00000000000a', 'burn-rate', 'fast-burn', 'page', 'DK', 'card', 'cleared', "
                    + "'DK card burns', 14.4, DATE '2026-03-01', DATE '2026-03-02', 120, 1000, DATE '2026-03-02', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO alert_delivery (event_key, alert_id, event_type, payload, created_at, attempts, "
                    + "next_attempt_at, delivered_at, last_status) VALUES "
                    + "('00000000-0000-7000-8000-00000000000a:fired', '00000000-0000-7000-8000-00000000000a', "
                    + "'alert.fired', '{}', CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 200), "
                    + "('00000000-0000-7000-8000-00000000000a:cleared', '00000000-0000-7000-8000-00000000000a', "
                    + "'alert.cleared', '{}', CURRENT_TIMESTAMP, 3, CURRENT_TIMESTAMP, NULL, 503)");
            s.execute("INSERT INTO insight (id, title, state, content, created_by, created_at, updated_at) VALUES "
                    + "(7, 'Refunds take weeks', 'delegated', '{}', 'anna', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO insight_delivery (insight_id, event_key, event_type, payload, attempts, "
                    + "next_attempt_at, last_error, created_at) VALUES (7, '00000000-0000-4000-8000-000000000007', "
                    + "'insight.delegated', '{}', 2, CURRENT_TIMESTAMP, 'HTTP 503', CURRENT_TIMESTAMP)");
        }

        migrate(url, user, null);

        try (Connection c = connect(url, user)) {
            assertThat(rows(c, "SELECT id, channel, market, product, journey_stage, lang, body, "
                    + "CASE WHEN erased_at IS NULL THEN 'kept' ELSE 'erased' END FROM problem_signal ORDER BY id")).containsExactly(
                            "00000000-0000-7000-8000-000000000001 COMPLAINT SE card PAYMENT sv Kortet nekades kept",
                            "00000000-0000-7000-8000-000000000002 EMAIL NO loan OTHER - [erased on request] erased");
            assertThat(rows(c, "SELECT target, subject, event_key, attempts, "
                    + "CASE WHEN delivered_at IS NULL THEN 'waiting' ELSE 'delivered' END, last_error "
                    + "FROM webhook_delivery ORDER BY id")).containsExactly(
                            "alarms 00000000-0000-7000-8000-00000000000a 00000000-0000-7000-8000-00000000000a:fired 1 delivered -",
                            "alarms 00000000-0000-7000-8000-00000000000a 00000000-0000-7000-8000-00000000000a:cleared 3 waiting -",
                            "insights insight:7 00000000-0000-4000-8000-000000000007 2 waiting HTTP 503");
        }
    }

    private static String lastBefore(String url, String user, String version) {
        var all = Flyway.configure().dataSource(url, user, user == null ? null : "").locations("classpath:db/migration")
                .load().info().all();
        return java.util.Arrays.stream(all).map(i -> i.getVersion())
                .filter(v -> v.isNewerThan("0") && !v.isAtLeast(version))
                .max(org.flywaydb.core.api.MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    private static void migrate(String url, String user, String target) {
        var config = Flyway.configure().dataSource(url, user, user == null ? null : "").locations("classpath:db/migration");
        (target == null ? config : config.target(target)).load().migrate();
    }

    private static Connection connect(String url, String user) throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "");
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        var out = new ArrayList<String>();
        try (var rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var cells = new ArrayList<String>();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    cells.add(v == null ? "-" : v.strip());
                }
                out.add(String.join(" ", cells));
            }
        }
        return out;
    }
}
