package com.zeromission.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.zeromission.support.TestDatabases;

/**
 * Kill -9 during a CSV import, restart, import the same file again: every valid row is stored exactly once.
 * The import runs in a separate JVM that is killed with SIGKILL as soon as it reports a committed chunk, so
 * the kill lands mid-import at a point the test chooses without any sleeping.
 */
class ImportCrashTest {

    static final int VALID_ROWS = 12_000;
    static final int INVALID_ROWS = 40;

    @Test
    void storesEveryValidRowExactlyOnceAfterRepeatedKillsAndAReimport() throws Exception {
        Path dir = TestDatabases.newDataDir();
        Path csv = dir.resolve("crash.csv");
        writeFile(csv);
        String url = TestDatabases.h2Url(dir);

        int kills = 0;
        for (long killAfterRows : new long[] {1_500, 4_000, 9_000}) {
            Process p = startImport(csv, dir, url);
            boolean killed = false;
            var seen = new StringBuilder();
            try (var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.startsWith("committed ") && Long.parseLong(line.split(" ")[1]) >= killAfterRows) {
                        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful close of the database
                        killed = true;
                        break;
                    }
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(killed).as("the import was killed mid-way (after %d rows); it printed:%n%s", killAfterRows, seen).isTrue();
            kills++;
            assertThat(countSignals(url)).as("rows durable after kill %d", kills).isBetween(1L, (long) VALID_ROWS);
        }

        Process last = startImport(csv, dir, url);
        String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as("exit code 1 = finished with rejected rows; output:%n%s", output).isEqualTo(1);

        try (Connection c = TestDatabases.h2Owner(url)) {
            assertThat(single(c, "SELECT COUNT(*) FROM signal WHERE source = 'crash'")).isEqualTo(VALID_ROWS);
            assertThat(single(c, "SELECT COUNT(DISTINCT source_id) FROM signal WHERE source = 'crash'")).isEqualTo(VALID_ROWS);
            assertThat(single(c, "SELECT COUNT(*) FROM signal_import WHERE status = 'INTERRUPTED'")).isEqualTo(kills);
            assertThat(single(c, "SELECT COUNT(*) FROM signal_import WHERE status = 'COMPLETED'")).isEqualTo(1);
            assertThat(single(c, "SELECT rows_rejected FROM signal_import WHERE status = 'COMPLETED'")).isEqualTo(INVALID_ROWS);
        }
    }

    private static void writeFile(Path csv) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("source,source_id,channel,market,product,received_at,language,text,customer_id");
        for (int i = 0; i < VALID_ROWS; i++) {
            lines.add("crash,c" + i + ",complaint,SE,pay-later,2026-01-0" + (1 + i % 9) + "T08:00:00Z,sv,"
                    + "\"Fakturan för order " + i + " kom aldrig, mejla mig på kund" + i + "@example.se\",cust-" + (i % 500));
            if (i % (VALID_ROWS / INVALID_ROWS) == 0) {
                lines.add("crash,bad" + i + ",complaint,XX,pay-later,2026-01-01,sv,okänd marknad,");
            }
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    private static Process startImport(Path csv, Path dir, String url) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"),
                "com.zeromission.cli.ZeromissionCli", "import", csv.toString(), "--progress=PLAIN", "--chunk-size=500",
                "--zeromission.data-dir=" + dir, "--spring.datasource.url=" + url);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static long countSignals(String url) throws SQLException {
        try (Connection c = TestDatabases.h2Owner(url)) {
            return single(c, "SELECT COUNT(*) FROM signal WHERE source = 'crash'");
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
