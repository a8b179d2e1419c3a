package com.zeromission.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.zeromission.support.TestDatabases;

/**
 * V23 cleans the purchase figures and targets stored before markets and days had one vocabulary: 'UK' moves to GB
 * (unless GB has that figure already), codes that are no country and days in the future go, and the per-period sums
 * are emptied to be rebuilt from the cleaned days. On H2 and on PostgreSQL.
 */
class MarketVocabularyMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storedUkBecomesGbAndMarketsOrDaysThatDoNotExistGo(String database) throws SQLException {
        String url = database.equals("h2") ? TestDatabases.h2Url(TestDatabases.newDataDir()) : TestDatabases.newPostgresDatabase();
        String user = database.equals("h2") ? "sa" : null;
        migrate(url, user, lastBefore23(url, user)); // whichever migrations come before V23 in this build
        LocalDate future = LocalDate.now().plusYears(2);
        try (Connection c = connect(url, user)) {
            for (String[] row : List.of(new String[] {"2025-03-03", "UK", "card", "10"}, // moves to GB
                    new String[] {"2025-03-04", "UK", "card", "20"}, // GB has this one: the GB figure stays
                    new String[] {"2025-03-04", "GB", "card", "25"},
                    new String[] {"2025-03-03", "XX", "card", "30"}, // no country at all
                    new String[] {future.toString(), "SE", "card", "40"}, // not a day yet
                    new String[] {"2025-03-03", "SE", "card", "50"})) {
                c.createStatement().execute("INSERT INTO purchase_day (on_day, market, product, purchases, source, updated_at) "
                        + "VALUES (DATE '" + row[0] + "', '" + row[1] + "', '" + row[2] + "', " + row[3]
                        + ", 'test', CURRENT_TIMESTAMP)");
            }
            c.createStatement().execute("INSERT INTO purchase_period (grain, period_start, market, product, purchases) "
                    + "VALUES ('M', DATE '2025-03-01', 'XX', 'card', 30)");
            c.createStatement().execute("INSERT INTO cpm_target (target_year, market, product, cpm, updated_at) VALUES "
                    + "(2025, 'UK', '*', 30, CURRENT_TIMESTAMP), (2025, 'XX', '*', 30, CURRENT_TIMESTAMP), "
                    + "(2025, '*', '*', 36, CURRENT_TIMESTAMP)");
        }

        migrate(url, user, "23");

        try (Connection c = connect(url, user)) {
            assertThat(rows(c, "SELECT on_day, market, purchases FROM purchase_day ORDER BY on_day, market"))
                    .containsExactly("2025-03-03 GB 10", "2025-03-03 SE 50", "2025-03-04 GB 25");
            assertThat(rows(c, "SELECT market FROM purchase_period")).isEmpty();
            assertThat(rows(c, "SELECT market, cpm FROM cpm_target ORDER BY market"))
                    .containsExactly("* 36.0000", "GB 30.0000");
        }
    }

    private static String lastBefore23(String url, String user) {
        var all = Flyway.configure().dataSource(url, user, user == null ? null : "").locations("classpath:db/migration")
                .load().info().all();
        return java.util.Arrays.stream(all).map(i -> i.getVersion())
                .filter(v -> v.isNewerThan("0") && !v.isAtLeast("23")).max(org.flywaydb.core.api.MigrationVersion::compareTo)
                .orElseThrow().getVersion();
    }

    private static void migrate(String url, String user, String target) {
        Flyway.configure().dataSource(url, user, user == null ? null : "").locations("classpath:db/migration")
                .target(target).load().migrate();
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
                    cells.add(rs.getString(i).strip());
                }
                out.add(String.join(" ", cells));
            }
        }
        return out;
    }
}
