package com.zeromission.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.alarms.TestClock;
import com.zeromission.alarms.TestClockConfiguration;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.support.TestDatabases;

/** The complaint-case API and page over HTTP: problem details that say why, the register as CSV, the page's lists. */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(TestClockConfiguration.class)
class ComplaintCaseApiTest {

    static final String[][] USERS = {{"analyst", "ANALYST"}, {"member", "TEAM_MEMBER"}, {"viewer", "VIEWER"}};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    IntakeService intake;
    @Autowired
    TestClock clock;

    String complaint(String market, String product, String receivedAt, String sourceId) {
        clock.set(Instant.parse(receivedAt).plusSeconds(60));
        var outcome = intake.accept(SignalSubmission.parse(new RawSignal("api-test", sourceId, "complaint", market, product,
                "invoice", receivedAt, "en", "The invoice never came", null, null, null), clock));
        return ((IntakeOutcome.Created) outcome).signal().id().toString();
    }

    @Test
    void aLateHoldingReplyIsAConflictThatNamesTheDeadline() {
        String id = complaint("SE", "pay-later", "2026-04-02T10:00:00Z", "late-1");
        clock.set(Instant.parse("2026-04-28T09:00:00Z"));
        var response = mvc.post().uri("/api/v1/complaint-cases/{id}/holding-reply", id).with(httpBasic("member", "secret"))
                .exchange();
        assertThat(response).hasStatus(409);
        assertThat(response.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(response).bodyText().contains("by 2026-04-27").contains("2026-04-28 is too late");
    }

    @Test
    void aHoldingReplyInAMarketWithoutExtensionIsAConflictThatSaysSo() {
        String id = complaint("GB", "pay-later", "2026-05-22T10:00:00Z", "gb-1");
        var response = mvc.post().uri("/api/v1/complaint-cases/{id}/holding-reply", id).with(httpBasic("analyst", "secret"))
                .exchange();
        assertThat(response).hasStatus(409);
        assertThat(response).bodyText().contains("DISP 1.6.2").contains("allow no holding reply").contains("2026-07-17");
    }

    @Test
    void aReplySentEarlierIsRecordedWithItsTimeAndABadStatusFilterIsNamed() {
        String id = complaint("DE", "pay-in-3", "2026-12-24T10:00:00Z", "de-1");
        clock.set(Instant.parse("2026-12-30T10:00:00Z"));
        var ack = mvc.post().uri("/api/v1/complaint-cases/{id}/acknowledge", id).with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"at\":\"2026-12-28T09:00:00Z\"}").exchange();
        assertThat(ack).hasStatusOk();
        assertThat(ack).bodyText().contains("\"acknowledgedAt\":\"2026-12-28T09:00:00Z\"").contains("\"status\":\"acknowledged\"")
                .contains("\"waitingFor\":\"final-reply\"").contains("\"due\":\"2027-01-18\"");

        var bad = mvc.get().uri("/api/v1/complaint-cases?status=late").with(httpBasic("viewer", "secret")).exchange();
        assertThat(bad).hasStatus(400);
        assertThat(bad).bodyText().contains("'late'").contains("overdue, due-soon, open, closed");
    }

    @Test
    void theRegisterIsACsvDownloadAndThePageListsOverdueCasesByMarket() {
        String id = complaint("FR", "pay-later", "2026-02-02T10:00:00Z", "fr-1");
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        var csv = mvc.get().uri("/api/v1/complaint-cases/register.csv").with(httpBasic("analyst", "secret")).exchange();
        assertThat(csv).hasStatusOk();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv).bodyText().startsWith("signal_id,market,").contains(id + ",FR,pay-later,complaint,")
                .doesNotContain("invoice never came");

        var page = mvc.get().uri("/deadlines").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("data-market=\"FR\"").contains("data-signal=\"" + id + "\"")
                .contains(">Deadlines</a>");
    }
}
