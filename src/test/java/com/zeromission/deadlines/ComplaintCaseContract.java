package com.zeromission.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zeromission.alarms.TestClock;
import com.zeromission.alarms.TestClockConfiguration;
import com.zeromission.audit.AuditLog;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalSubmission;

/**
 * What complaint cases promise on every supported database (see the subclasses): a case for every formal
 * complaint, written with it; replies and their refusals; overdue and due-soon lists; the register without texts;
 * the back-fill window; erasure keeps the case. Each test uses its own market so that the shared database does not
 * mix their lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
@org.springframework.context.annotation.Import(TestClockConfiguration.class)
abstract class ComplaintCaseContract {

    @Autowired
    IntakeService intake;
    @Autowired
    ComplaintCases cases;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ApplicationContext context;

    private static int counter;
    private final String tag = "c" + (++counter) + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private int n;

    /** Submits one signal received at {@code receivedAt}, with the clock set to {@code now}. */
    SignalId submit(String channel, String market, String product, String receivedAt, String now, String text,
            String customer) {
        clock.set(Instant.parse(now));
        var outcome = intake.accept(SignalSubmission.parse(new RawSignal("deadline-test", tag + "-" + (++n), channel, market,
                product, "invoice", receivedAt, "en", text, null, null, customer), clock));
        return ((IntakeOutcome.Created) outcome).signal().id();
    }

    SignalId complaint(String market, String product, String receivedAt, String now) {
        return submit("complaint", market, product, receivedAt, now, "The invoice never came and now a reminder fee", null);
    }

    @Test
    void aComplaintOpensACaseWithItsMarketsDeadlinesAndFeedbackOpensNone() {
        var id = complaint("SE", "pay-later", "2026-04-02T10:00:00Z", "2026-04-02T10:05:00Z");
        var regulator = submit("regulator-complaint", "SE", "pay-later", "2026-04-02T11:00:00Z", "2026-04-02T11:05:00Z",
                "Forwarded by Finansinspektionen", null);
        var feedback = submit("feedback-form", "SE", "pay-later", "2026-04-02T10:00:00Z", "2026-04-02T10:05:00Z",
                "Nice app", null);

        var c = cases.find(id).orElseThrow();
        assertThat(c.rule()).isEqualTo("PSD2 Art. 101");
        assertThat(c.acknowledgementDue()).isEqualTo("2026-04-07");
        assertThat(c.finalReplyDue()).isEqualTo("2026-04-27");
        assertThat(c.extensionDue()).isEqualTo("2026-05-27");
        assertThat(c.extendedDue()).as("no holding reply yet").isNull();
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.find(regulator)).isPresent();
        assertThat(cases.find(feedback)).isEmpty();
    }

    @Test
    void repliesAreRecordedInTheAuditTrailAndAHoldingReplyExtendsTheDeadline() {
        var id = complaint("NO", "pay-later", "2026-03-02T09:00:00Z", "2026-03-02T09:05:00Z");
        clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        var acked = cases.acknowledge(id, null, "member");
        assertThat(acked.status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(cases.outcome(acked, ReplyKind.ACKNOWLEDGEMENT)).isEqualTo("met");

        clock.set(Instant.parse("2026-03-20T08:00:00Z"));
        var held = cases.holdingReply(id, null, "analyst");
        assertThat(held.extendedDue()).isEqualTo(cases.businessDaysAfter("NO", held.countedFrom(), 35));

        clock.set(Instant.parse("2026-04-10T08:00:00Z"));
        var closed = cases.finalReply(id, null, "analyst");
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(cases.outcome(closed, ReplyKind.FINAL_REPLY)).isEqualTo("met");
        assertThat(cases.find(id).orElseThrow().finalReplyAt()).isEqualTo("2026-04-10T08:00:00Z");
        assertThat(audit.latest(3)).extracting(AuditLog.Entry::action).containsExactly("complaint-case.final-reply",
                "complaint-case.holding-reply", "complaint-case.acknowledgement");
        assertThat(audit.latest(1).getFirst().detail()).contains("in time").doesNotContain("invoice");
    }

    @Test
    void aHoldingReplyAfterTheFifteenthBusinessDayIsRefusedAndChangesNothing() {
        var id = complaint("DK", "pay-later", "2026-03-02T09:00:00Z", "2026-03-02T09:05:00Z");
        var due = cases.find(id).orElseThrow().finalReplyDue();
        clock.set(due.plusDays(1).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
        assertThatThrownBy(() -> cases.holdingReply(id, null, "analyst")).isInstanceOf(ReplyRefusedException.class)
                .hasMessageContaining("by " + due);
        assertThat(cases.find(id).orElseThrow().holdingReplyAt()).isNull();
    }

    @Test
    void overdueAndDueSoonListsFollowTodayInTheMarket() {
        var late = complaint("FI", "pay-later", "2026-02-02T09:00:00Z", "2026-02-02T09:05:00Z");     // final due 23 Feb
        var soon = complaint("FI", "pay-later", "2026-03-02T09:00:00Z", "2026-03-02T09:05:00Z");     // final due 23 Mar
        var fresh = complaint("FI", "pay-later", "2026-03-18T09:00:00Z", "2026-03-18T09:05:00Z");
        clock.set(Instant.parse("2026-03-18T09:10:00Z"));
        cases.acknowledge(soon, Instant.parse("2026-03-02T12:00:00Z"), "member");
        cases.acknowledge(fresh, null, "member");
        clock.set(Instant.parse("2026-03-19T09:00:00Z")); // Thursday: 23 Mar is 2 business days away

        List<CaseClock> overdue = cases.list(CaseFilter.OVERDUE, "FI", 100);
        assertThat(overdue).extracting(c -> c.complaint().signalId()).containsExactly(late);
        assertThat(overdue.getFirst().waitingFor()).isEqualTo(ReplyKind.ACKNOWLEDGEMENT);
        assertThat(overdue.getFirst().businessDaysOver()).isPositive();

        List<CaseClock> dueSoon = cases.list(CaseFilter.DUE_SOON, "FI", 100);
        assertThat(dueSoon).extracting(c -> c.complaint().signalId()).containsExactly(soon);
        assertThat(dueSoon.getFirst().businessDaysLeft()).isEqualTo(2);
        assertThat(dueSoon.getFirst().waitingFor()).isEqualTo(ReplyKind.FINAL_REPLY);

        assertThat(cases.list(CaseFilter.OPEN, "FI", 100)).hasSize(3);
        cases.finalReply(fresh, null, "analyst");
        assertThat(cases.list(CaseFilter.CLOSED, "FI", 100)).extracting(c -> c.complaint().signalId()).containsExactly(fresh);
    }

    @Test
    void theRegisterHasItsColumnsAndNoTextOrCustomer() {
        var id = submit("complaint", "AT", "financing", "2026-03-02T09:00:00Z", "2026-03-02T09:05:00Z",
                "Zebrafinch wrote to anna.svensson@example.com about the refund", "cust-998877");
        cases.finalReply(id, null, "analyst");
        var out = new StringWriter();
        cases.writeRegister(out);
        String csv = out.toString();
        var lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo(String.join(",", ComplaintCases.REGISTER_COLUMNS));
        assertThat(lines.getFirst()).isEqualTo("signal_id,market,product,channel,received_at,rule,counted_from,"
                + "acknowledgement_due,acknowledged_at,final_reply_due,holding_reply_at,extended_final_reply_due,"
                + "final_reply_at,status,acknowledgement,final_reply");
        String row = lines.stream().filter(l -> l.startsWith(id.toString())).findFirst().orElseThrow();
        assertThat(row).contains(",AT,financing,complaint,2026-03-02T09:00:00Z,PSD2 Art. 101,").endsWith(",closed,met,met");
        assertThat(csv).doesNotContain("Zebrafinch").doesNotContain("anna.svensson").doesNotContain("cust-998877")
                .doesNotContain("ck_");
    }

    @Test
    void aComplaintOlderThanTheCaseWindowIsNotACaseAndTheBackfillOpensOnlyRecentOnes() throws Exception {
        var old = complaint("NL", "pay-later", "2025-10-01T09:00:00Z", "2026-03-02T09:00:00Z");
        var recent = complaint("NL", "pay-later", "2026-02-02T09:00:00Z", "2026-03-02T09:00:00Z");
        assertThat(cases.find(old)).as("older than 90 days").isEmpty();
        // as if the module had not existed when the recent one arrived
        jdbc.update("DELETE FROM complaint_case WHERE signal_id = ?", recent.value());
        assertThat(cases.find(recent)).isEmpty();

        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            if (runner.getClass().getSimpleName().startsWith("ComplaintIntake")) {
                runner.run(null);
            }
        }
        assertThat(cases.find(recent)).isPresent();
        assertThat(cases.find(old)).isEmpty();
    }

    @Test
    void anErasedComplaintKeepsItsCase() {
        var id = submit("complaint", "ES", "pay-later", "2026-03-02T09:00:00Z", "2026-03-02T09:05:00Z",
                "No he recibido la factura", "cust-erase-" + tag);
        var before = cases.find(id).orElseThrow();
        intake.erase("cust-erase-" + tag, null, "admin");
        assertThat(cases.find(id)).contains(before);
    }

    @Test
    void anUnknownCaseIsNotFoundAndTheMessageSaysWhichCasesExist() {
        var none = new SignalId(java.util.UUID.randomUUID());
        assertThatThrownBy(() -> cases.acknowledge(none, null, "member")).isInstanceOf(ComplaintCaseNotFoundException.class)
                .hasMessageContaining(none.toString()).hasMessageContaining("case window");
    }
}
