package com.zeromission.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.intake.ImportListener;
import com.zeromission.intake.ImportOptions;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalImporter;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/** The audit trail records imports, problem decisions and erasures, with who, and without personal data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
class AuditTrailTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    AuditLog audit;
    @Autowired
    IntakeService intake;
    @Autowired
    SignalImporter importer;
    @Autowired
    Problems problems;
    @Autowired
    Clock clock;

    @Test
    void recordsImportsProblemDecisionsAndErasuresWithoutPersonalData() {
        String csv = "source,source_id,channel,market,product,journey_stage,received_at,language,text,order_reference,evidence_urls,customer_id\n"
                + "audit,a1,complaint,SE,pay-later,invoice,2026-01-07T09:30:00Z,en,The invoice never arrived,,,anna@example.com\n";
        importer.importCsv(() -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of("calls from anna.svensson@example.com.csv", "upload").withStartedBy("maria"), ImportListener.NONE);
        intake.accept(SignalSubmission.parse(new RawSignal("audit", "a2", "complaint", "SE", "pay-later", "invoice",
                "2026-01-07T09:30:00Z", "en", "The invoice never arrived", null, null, "anna@example.com"), clock));
        problems.assignPending();
        long problem = problems.list(List.of(), 10).getFirst().id();
        problems.rename(ProblemId.of(problem), "Invoices lost; ask anna.svensson@example.com", "lars");
        intake.erase("anna@example.com", null, "admin");

        var entries = audit.latest(50);

        assertThat(entries).extracting(AuditLog.Entry::action).contains("import.completed", "problem.rename", "erasure");
        // the person who uploaded, not just "upload"
        assertThat(entries).filteredOn(e -> e.action().equals("import.completed")).first()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("maria"));
        assertThat(entries).filteredOn(e -> e.action().equals("problem.rename")).first()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("lars"));
        assertThat(entries).filteredOn(e -> e.action().equals("erasure")).first()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("2 signals of one customer erased"));
        assertThat(entries.toString()).doesNotContain("anna.svensson@example.com").doesNotContain("anna@example.com");
    }
}
