package com.zeromission.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.zeromission.intake.ImportReport;
import com.zeromission.metrics.PurchaseImporter;
import com.zeromission.support.TestDatabases;

/**
 * `zm import` and `zm purchases import` report every rejected row in FILE.errors.csv, not only the first 1,000 that
 * an import keeps in memory for its report.
 */
class ImportErrorsFileTest {

    /** More than a page of the error report (ImportCommand.ERROR_PAGE), far more than the report in memory holds. */
    static final int INVALID_ROWS = ImportCommand.ERROR_PAGE + 500;

    @Test
    void writesEveryRejectedRowToTheErrorsFileInLineOrder() throws IOException {
        Path dir = TestDatabases.newDataDir();
        Path csv = dir.resolve("mixed.csv");
        var lines = new ArrayList<String>();
        lines.add("source,source_id,channel,market,product,received_at,language,text,customer_id");
        lines.add("errors-test,ok-1,complaint,SE,pay-later,2026-01-05T08:00:00Z,sv,Fakturan kom aldrig,cust-1");
        for (int i = 0; i < INVALID_ROWS; i++) {
            lines.add("errors-test,bad-" + i + ",complaint,SE,pay-later,not-a-time,sv,Fakturan kom aldrig,cust-1");
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);

        int exit = ZeromissionCli.run("import", csv.toString(), "--progress", "NONE", "--new-database",
                "--zeromission.data-dir=" + dir.resolve("data"));

        assertThat(exit).isEqualTo(1);
        List<String> report = Files.readAllLines(dir.resolve("mixed.csv.errors.csv"), StandardCharsets.UTF_8);
        assertThat(report.getFirst()).isEqualTo("line,column,reason");
        assertThat(report).hasSize(INVALID_ROWS + 1).hasSizeGreaterThan(ImportReport.MAX_ERRORS_IN_REPORT + 1);
        // line 1 is the header and line 2 the valid row: the errors are lines 3 onwards, each once, in order
        for (int i = 0; i < INVALID_ROWS; i++) {
            assertThat(report.get(i + 1)).startsWith((i + 3) + ",received_at,");
        }
    }

    @Test
    void purchasesImportWritesEveryRejectedRowToTheErrorsFile() throws IOException {
        Path dir = TestDatabases.newDataDir();
        Path csv = dir.resolve("purchases.csv");
        int invalid = PurchaseImporter.MAX_ERRORS_IN_REPORT + 200;
        var lines = new ArrayList<String>();
        lines.add("day,market,product,purchases");
        lines.add("2026-01-05,SE,pay-later,1200");
        for (int i = 0; i < invalid; i++) {
            lines.add("2026-01-05,SE,pay-later,many");
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);

        int exit = ZeromissionCli.run("purchases", "import", csv.toString(), "--new-database",
                "--zeromission.data-dir=" + dir.resolve("data"));

        assertThat(exit).isEqualTo(1);
        List<String> report = Files.readAllLines(dir.resolve("purchases.csv.errors.csv"), StandardCharsets.UTF_8);
        assertThat(report).hasSize(invalid + 1);
        assertThat(report.get(1)).isEqualTo("3,purchases,'many' is not a whole number");
        assertThat(report.getLast()).startsWith((invalid + 2) + ",purchases,");
    }
}
