package com.zeromission.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.cli.ZeromissionCli;
import com.zeromission.insights.Attachment;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.Insights;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * `zm backup` while the application has the database open, then `zm restore` into a new folder: every signal,
 * problem, insight and attachment is there, with the same pseudonym secret, and only the owner can read any of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
class H2BackupRestoreTest {

    static final Path DATA_DIR = TestDatabases.newDataDir();
    static final String URL = TestDatabases.h2Url(DATA_DIR);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zeromission.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> URL);
    }

    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    Insights insights;
    @Autowired
    Clock clock;

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    void someOfEverything() {
        var list = new ArrayList<SignalSubmission>();
        for (int i = 0; i < 6; i++) {
            list.add(SignalSubmission.parse(new RawSignal("backup-test", "b" + i, "complaint", "SE", "pay-later", "invoice",
                    "2026-03-1" + i + "T10:00:00Z", "en", i < 3 ? "The invoice never arrived and now I got a reminder fee"
                            : "My refund has not arrived weeks after the return", null, null, "cust-" + i), clock));
        }
        var created = intake.acceptAll(list);
        problems.assignPending();
        String signal = ((IntakeOutcome.Created) created.getFirst()).signal().id().toString();
        long problem = problems.problemOf(signal).orElseThrow().id();
        var insight = insights.create(new InsightContent("Reminder fees for invoices that never came", List.of(problem),
                List.of(), List.of(), "TBD", null, null, null, null, null, List.of(), List.of(), null, null), "anna");
        insights.attach(insight.id(), new Attachment("screen.png", "image/png", PNG), "anna");
    }

    @Test
    void aBackupTakenWhileTheApplicationRunsRestoresIntoANewFolderWithEverySignalProblemInsightAndAttachment()
            throws Exception {
        someOfEverything();
        Path archive = TestDatabases.newDataDir().resolve("zm.zip");
        Path restored = TestDatabases.newDataDir().resolve("restored");

        assertThat(ZeromissionCli.run("backup", "--out", archive.toString(), "--zeromission.data-dir=" + DATA_DIR,
                "--spring.datasource.url=" + URL)).isZero();
        assertThat(ZeromissionCli.run("restore", archive.toString(), "--zeromission.data-dir=" + restored,
                "--spring.datasource.url=" + TestDatabases.h2Url(restored))).isZero();

        assertThat(mode(archive)).isEqualTo("rw-------");
        assertThat(mode(restored)).isEqualTo("rwx------");
        try (var files = Files.list(restored)) {
            for (Path p : files.toList()) {
                assertThat(mode(p)).as("mode of %s", p).isEqualTo("rw-------");
            }
        }
        assertThat(Files.readAllBytes(restored.resolve("pseudonym.secret")))
                .isEqualTo(Files.readAllBytes(DATA_DIR.resolve("pseudonym.secret")));
        try (Connection before = TestDatabases.h2Owner(URL); Connection after = TestDatabases.h2Owner(TestDatabases.h2Url(restored))) {
            for (String query : List.of("SELECT id, customer_key, body FROM signal", "SELECT id, auto_label FROM problem",
                    "SELECT signal_id, problem_id FROM signal_problem", "SELECT id, title FROM insight",
                    "SELECT id, insight_id, sha256, data FROM insight_attachment")) {
                var original = rows(before, query);
                assertThat(original).as(query).isNotEmpty();
                assertThat(rows(after, query)).as(query).containsExactlyInAnyOrderElementsOf(original);
            }
        }
    }

    @Test
    void aRestoreIntoAFolderThatHoldsSomethingIsRefusedAndChangesNothing() throws Exception {
        Path archive = TestDatabases.newDataDir().resolve("zm.zip");
        assertThat(ZeromissionCli.run("backup", "--out", archive.toString(), "--zeromission.data-dir=" + DATA_DIR,
                "--spring.datasource.url=" + URL)).isZero();
        Path occupied = TestDatabases.newDataDir();
        Files.writeString(occupied.resolve("notes.txt"), "mine");

        int exit = ZeromissionCli.run("restore", archive.toString(), "--zeromission.data-dir=" + occupied,
                "--spring.datasource.url=" + TestDatabases.h2Url(occupied));

        assertThat(exit).isEqualTo(2);
        try (var files = Files.list(occupied)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void aBackupNeverOverwritesAnExistingFile() throws Exception {
        Path archive = TestDatabases.newDataDir().resolve("zm.zip");
        Files.writeString(archive, "an older backup");

        int exit = ZeromissionCli.run("backup", "--out", archive.toString(), "--zeromission.data-dir=" + DATA_DIR,
                "--spring.datasource.url=" + URL);

        assertThat(exit).isEqualTo(2);
        assertThat(Files.readString(archive)).isEqualTo("an older backup");
    }

    static List<List<Object>> rows(Connection c, String query) throws SQLException {
        var rows = new ArrayList<List<Object>>();
        try (var rs = c.createStatement().executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<Object>();
                for (int i = 1; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static String mode(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
