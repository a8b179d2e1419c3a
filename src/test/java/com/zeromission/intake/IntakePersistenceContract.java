package com.zeromission.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zeromission.markets.Market;
import com.zeromission.markets.Product;

/**
 * What intake promises about storage, run against every supported database (see the subclasses): each key is
 * stored once, conflicting reuse changes nothing, only masked text is stored, imports keep valid rows and never
 * add a row twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class IntakePersistenceContract {

    @Autowired
    IntakeService intake;
    @Autowired
    SignalImporter importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private static int counter;

    /** A unique source per test, so tests sharing a database never see each other's rows. */
    private final String source = "test-" + getClass().getSimpleName().toLowerCase().replace("persistencetest", "")
            + "-" + (++counter) + "-" + System.nanoTime();

    RawSignal raw(String sourceId, String text) {
        return new RawSignal(source, sourceId, "complaint", "SE", "pay-later", "invoice", "2026-01-07T09:30:00Z",
                "sv", text, "ORD-1", List.of("https://replay.example.com/s/1"), "cust-42");
    }

    SignalSubmission submission(String sourceId, String text) {
        return SignalSubmission.parse(raw(sourceId, text), clock);
    }

    long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = ?", Long.class, source);
    }

    @Test
    void storesTheSameRequestOnlyOnceAndReplaysTheFirstAnswer() {
        var first = intake.accept(submission("a-1", "Fakturan kom aldrig och nu fick jag en påminnelseavgift"));
        var second = intake.accept(submission("a-1", "Fakturan kom aldrig och nu fick jag en påminnelseavgift"));

        assertThat(first).isInstanceOf(IntakeOutcome.Created.class);
        assertThat(second).isInstanceOf(IntakeOutcome.Replayed.class);
        assertThat(((IntakeOutcome.Replayed) second).signal()).isEqualTo(((IntakeOutcome.Created) first).signal());
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyWithADifferentBodyAndChangesNothing() {
        intake.accept(submission("a-2", "The invoice never arrived"));
        String before = jdbc.queryForObject("SELECT body FROM signal WHERE source = ? AND source_id = 'a-2'", String.class, source);

        assertThatThrownBy(() -> intake.accept(submission("a-2", "Something else entirely")))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("a-2");

        assertThat(count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT body FROM signal WHERE source = ? AND source_id = 'a-2'", String.class, source))
                .isEqualTo(before);
    }

    @Test
    void writesNoPartOfABatchThatHasOneConflictingKey() {
        intake.accept(submission("b-1", "first"));

        assertThatThrownBy(() -> intake.acceptAll(List.of(submission("b-2", "new one"), submission("b-1", "changed"))))
                .isInstanceOf(IdempotencyConflictException.class);

        assertThat(count()).isEqualTo(1);
    }

    @Test
    void storesTheSourceIdMaskedEvenForASubmissionBuiltInCode() {
        // parse() refuses such an id; a submission built in code (as mystery shopping builds its own) is not parsed
        var built = new SignalSubmission(source, "ticket anna.svensson@example.se", Channel.COMPLAINT, Market.of("SE"),
                "pay-later", JourneyStage.CHECKOUT, Instant.parse("2026-01-07T09:30:00Z"), "sv", "Fakturan kom aldrig",
                null, List.of(), null);
        intake.accept(built);

        assertThat(jdbc.queryForList("SELECT source_id FROM signal WHERE source = ?", String.class, source))
                .containsExactly("ticket [EMAIL]");
    }

    @Test
    void storesOnlyMaskedTextAndAPseudonymNeverTheRawPersonalData() {
        var raw = new RawSignal(source, "p-1", "complaint", "SE", "pay-later", "invoice", "2026-01-07T09:30:00Z", "sv",
                "Mejla mig på anna.svensson@example.se eller ring 070-123 45 67, personnummer 811228-9874",
                "ORD-77", List.of("https://replay.example.com/s/1?email=anna.svensson@example.se"), "anna.svensson@example.se");
        intake.accept(SignalSubmission.parse(raw, clock));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM signal WHERE source = ? AND source_id = 'p-1'", source);
        String everything = row.values().toString();
        assertThat(everything).doesNotContain("anna.svensson", "070-123 45 67", "811228-9874");
        assertThat((String) row.get("body")).contains("[EMAIL]", "[PHONE]", "[PERSONAL_ID]");
        assertThat((String) row.get("customer_key")).startsWith("ck_");
        assertThat(((Number) row.get("pii_masked")).intValue()).isEqualTo(4);
    }

    @Test
    void importKeepsValidRowsReportsInvalidOnesAndAddsNothingOnReimport() {
        String csv = """
                source,source_id,channel,market,product,journey_stage,received_at,language,text,order_reference,evidence_urls,customer_id
                %1$s,r1,complaint,SE,pay-later,invoice,2026-01-07T09:30:00Z,sv,Fakturan kom aldrig,,,
                %1$s,r2,complaint,XX,pay-later,invoice,2026-01-07T09:30:00Z,sv,Okänd marknad,,,
                %1$s,r3,feedback-form,NL,pay-in-3,,2026-01-08,nl,"Ik dacht dat ik direct betaalde, maar kreeg een factuur",,,
                %1$s,r4,complaint,DE,pay-later,,not-a-date,de,Die Rechnung kam nie an,,,
                %1$s,r5,complaint,GB,pay-later,refund,2026-01-09T10:00:00Z,en,"Refund never arrived",,https://files.example.com/a.png,
                """.formatted(source);
        ImportReport first = importer.importCsv(() -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of("t.csv", "cli"), ImportListener.NONE);

        assertThat(first.rows()).isEqualTo(5);
        assertThat(first.created()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(2);
        assertThat(first.errors()).extracting(RowError::line, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "market"), org.assertj.core.groups.Tuple.tuple(5L, "received_at"));
        assertThat(first.errors().getFirst().reason()).contains("'XX'");

        ImportReport again = importer.importCsv(() -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of("t.csv", "cli"), ImportListener.NONE);
        assertThat(again.created()).isZero();
        assertThat(again.replayed()).isEqualTo(3);
        assertThat(count()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal_import_error WHERE import_id = ?", Long.class,
                first.importId())).isEqualTo(2);
    }

    @Test
    void refusesAFileThatIsNotUtf8BeforeWritingAnything() {
        var rows = new StringBuilder("source,source_id,channel,market,product,received_at,text\n");
        for (int i = 0; i < 3000; i++) {
            rows.append(source).append(",e").append(i).append(",complaint,SE,pay-later,2026-01-07,Fakturan kom aldrig\n");
        }
        byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "%s,bad,complaint,SE,pay-later,2026-01-07,P\u00e5minnelse\n".formatted(source)
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[good.length + latin1.length];
        System.arraycopy(good, 0, file, 0, good.length);
        System.arraycopy(latin1, 0, file, good.length, latin1.length);

        assertThatThrownBy(() -> importer.importCsv(() -> new ByteArrayInputStream(file), ImportOptions.of("bad.csv", "cli"),
                ImportListener.NONE))
                .isInstanceOf(UnreadableImportException.class)
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("line 3002");
        assertThat(count()).isZero();
    }

    @Test
    void importsACfpbExportAsRegulatorForwardedComplaints() {
        // Short and unique per test: a random ten-digit number can pass for a phone number or a national id, and
        // intake rightly refuses personal data in a source id (this test was flaky with a hash here).
        String id = String.valueOf(900 + counter);
        String csv = """
                Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID
                03/14/2025,Credit card or prepaid card,General-purpose credit card or charge card,Problem with a purchase shown on your statement,Credit card company isn't resolving a dispute about a purchase on your statement,"I was charged twice for the same purchase and XXXX never refunded me.",,EXAMPLE BANK,CA,94XXX,,Consent provided,Web,03/14/2025,Closed with explanation,Yes,N/A,%s1
                2025-03-15,Debt collection,Other debt,Attempts to collect debt not owed,Debt was paid,,,EXAMPLE COLLECTOR,TX,75XXX,,Consent not provided,Phone,2025-03-15,In progress,Yes,N/A,%s2
                """.formatted(id, id);
        ImportReport report = importer.importCsv(() -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of("cfpb.csv", "cli"), ImportListener.NONE);

        assertThat(report.format()).isEqualTo(ImportFormat.CFPB);
        assertThat(report.created()).isEqualTo(2);
        var rows = jdbc.queryForList("SELECT channel, market, product, journey_stage, body, received_at FROM signal "
                + "WHERE source = 'cfpb' AND source_id IN (?, ?) ORDER BY source_id", id + "1", id + "2");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("channel", "REGULATOR_COMPLAINT").containsEntry("product", "credit-card-or-prepaid-card")
                .containsEntry("journey_stage", "INVOICE");
        assertThat(rows.get(1)).containsEntry("journey_stage", "DEBT_COLLECTION")
                .containsEntry("body", "Issue: Attempts to collect debt not owed. Sub-issue: Debt was paid");
    }

    @Test
    void keepsEverySignalOfALargeImportExactlyOnce() {
        var rows = new StringBuilder("source,source_id,channel,market,product,received_at,text,customer_id\n");
        var expected = new ArrayList<String>();
        for (int i = 0; i < 2_500; i++) {
            rows.append(source).append(",l").append(i).append(",complaint,SE,pay-later,2026-01-07T10:00:00Z,Ärende ")
                    .append(i).append(" om en försenad återbetalning,cust-").append(i % 97).append('\n');
            expected.add("l" + i);
        }
        byte[] file = rows.toString().getBytes(StandardCharsets.UTF_8);
        ImportReport report = importer.importCsv(() -> new ByteArrayInputStream(file),
                ImportOptions.of("large.csv", "cli").withChunkSize(700), ImportListener.NONE);

        assertThat(report.created()).isEqualTo(2_500);
        List<String> stored = jdbc.queryForList("SELECT source_id FROM signal WHERE source = ?", String.class, source);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT customer_key) FROM signal WHERE source = ?", Long.class, source))
                .isEqualTo(97);
        assertThat(jdbc.queryForObject("SELECT MIN(ingested_at) FROM signal WHERE source = ?", java.time.OffsetDateTime.class, source)
                .toInstant()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void erasesEverythingAboutOneCustomerAndKeepsEveryCount() {
        var mine = new java.util.ArrayList<SignalSubmission>();
        for (int i = 0; i < 3; i++) {
            mine.add(SignalSubmission.parse(new RawSignal(source, "erase-" + i, "complaint", "SE", "pay-later", "invoice",
                    "2026-01-07T09:30:00Z", "sv", "Fakturan kom aldrig, ring mig", "ORD-9" + i,
                    List.of("https://replay.example.com/s/" + i), "cust-to-erase"), clock));
        }
        intake.acceptAll(mine);
        intake.accept(submission("keep-1", "Någon annans klagomål"));
        long before = count();
        String key = jdbc.queryForObject("SELECT customer_key FROM signal WHERE source = ? AND source_id = 'erase-0'",
                String.class, source);

        var erasure = intake.erase("cust-to-erase", null, "admin");

        assertThat(erasure.signals()).isEqualTo(3);
        assertThat(count()).isEqualTo(before); // rows and counts stay
        var rows = jdbc.queryForList("SELECT body, order_reference, evidence, customer_key, erased_at FROM signal "
                + "WHERE source = ? AND source_id LIKE 'erase-%'", source);
        assertThat(rows).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("body")).isEqualTo(Erasure.ERASED_TEXT);
            assertThat(r.get("order_reference")).isNull();
            assertThat(r.get("evidence")).isNull();
            assertThat(r.get("customer_key")).isNull();
            assertThat(r.get("erased_at")).isNotNull();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE customer_key = ?", Long.class, key)).isZero();
        assertThat(jdbc.queryForObject("SELECT body FROM signal WHERE source = ? AND source_id = 'keep-1'", String.class, source))
                .isEqualTo("Någon annans klagomål");
        // the erasure record says how many and by whom, never whose
        assertThat(jdbc.queryForMap("SELECT * FROM erasure WHERE id = ?", erasure.id()).values().toString())
                .doesNotContain(key).doesNotContain("cust-to-erase");
        // the same customer again: nothing left to erase
        assertThat(intake.erase(null, key, "admin").signals()).isZero();
    }

    @Test
    void erasesSignalsWithoutACustomerByTheirIdsAuditedAndKeepsEveryCount() {
        // a feedback-form message: no customer id, but the writer's name and street, which no masker finds
        var form = (IntakeOutcome.Created) intake.accept(SignalSubmission.parse(new RawSignal(source, "form-1", "feedback-form",
                "SE", "pay-later", "invoice", "2026-01-07T09:30:00Z", "sv", "Jag heter Anna Svensson och bor på Storgatan 12",
                null, null, null), clock));
        var other = (IntakeOutcome.Created) intake.accept(submission("form-keep", "Någon annans klagomål"));
        long before = count();

        var erasure = intake.eraseSignals(List.of(form.signal().id(), form.signal().id()), "admin");

        assertThat(erasure.signals()).isEqualTo(1);
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForMap("SELECT body, erased_at FROM signal WHERE source = ? AND source_id = 'form-1'", source))
                .satisfies(r -> {
                    assertThat(r.get("body")).isEqualTo(Erasure.ERASED_TEXT);
                    assertThat(r.get("erased_at")).isNotNull();
                });
        assertThat(jdbc.queryForObject("SELECT body FROM signal WHERE id = ?", String.class, other.signal().id().value()))
                .isEqualTo("Någon annans klagomål");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE subject = ?", String.class, "erasure " + erasure.id()))
                .isEqualTo("1 of 1 signals named by id erased");
        // erased before: nothing left to erase, and an unknown id refuses the whole request
        assertThat(intake.eraseSignals(List.of(form.signal().id()), "admin").signals()).isZero();
        var unknown = SignalId.parse("0190a6f2-0000-7000-8000-000000000000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.eraseSignals(List.of(other.signal().id(), unknown), "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("signalIds: no signal with id " + unknown);
        assertThat(jdbc.queryForObject("SELECT body FROM signal WHERE id = ?", String.class, other.signal().id().value()))
                .isEqualTo("Någon annans klagomål");
    }
}
