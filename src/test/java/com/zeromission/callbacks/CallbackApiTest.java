package com.zeromission.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.insights.InsightContent;
import com.zeromission.insights.Insights;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * Call lists over HTTP and the call-backs page: 201 for a list built now and 200 for one built before, viewers
 * refused the list (it says whom to call), team members record calls but do not build lists or attach notes, a
 * bad week or outcome is a 400 naming it, an unknown entry a 404, a note that cannot be evidence a 409.
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class CallbackApiTest {

    static final String[][] USERS = {{"admin", "ADMIN"}, {"analyst", "ANALYST"}, {"member", "TEAM_MEMBER"},
            {"viewer", "VIEWER"}};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Callbacks callbacks;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    Clock clock;
    @Autowired
    Insights insights;

    void lastWeeksComplaints(String words, String... customers) {
        complaints(callbacks.lastWeek(), words, customers);
    }

    /** Complaints on the Wednesday of the week of {@code monday}, one per customer, about a problem of their own. */
    void complaints(java.time.LocalDate monday, String words, String... customers) {
        var list = new ArrayList<SignalSubmission>();
        int n = 0;
        for (String customer : customers) {
            list.add(SignalSubmission.parse(new RawSignal("zendesk", "api-" + words.hashCode() + "-" + (++n), "complaint",
                    "SE", "card", "payment", monday.plusDays(2) + "T10:00:00Z", "en", "complaint " + words,
                    null, null, customer), clock));
        }
        intake.acceptAll(list);
        problems.assignPending();
    }

    @Test
    void viewersAreRefusedTheListAndTeamMembersRecordCallsButDoNotBuildLists() throws Exception {
        lastWeeksComplaints("brivolt quenzary maldofen tirquabe", "api-customer-1", "api-customer-2");
        String week = callbacks.lastWeek().toString();

        assertThat(mvc.post().uri("/api/v1/callbacks/lists?week=" + week).with(httpBasic("member", "secret")).exchange())
                .hasStatus(403);
        var built = mvc.post().uri("/api/v1/callbacks/lists?week=" + week).with(httpBasic("analyst", "secret")).exchange();
        var again = mvc.post().uri("/api/v1/callbacks/lists?week=" + week).with(httpBasic("admin", "secret")).exchange();
        assertThat(built).hasStatus(201).bodyJson().extractingPath("$.builtBy").isEqualTo("analyst");
        assertThat(again).hasStatus(200).bodyJson().extractingPath("$.builtBy").isEqualTo("analyst");

        assertThat(mvc.get().uri("/api/v1/callbacks/lists/" + week).with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(403);
        assertThat(mvc.get().uri("/callbacks").with(user("viewer").roles("VIEWER")).exchange()).hasStatus(403);
        var list = mvc.get().uri("/api/v1/callbacks/lists/" + week).with(httpBasic("member", "secret")).exchange();
        assertThat(list).hasStatus(200).bodyJson().extractingPath("$.entries[0].contactRoute").asString()
                .startsWith("zendesk #api-");
        assertThat(list).bodyJson().extractingPath("$.entries[0].customerKey").asString().startsWith("ck_");
        assertThat(list.getResponse().getContentAsString()).doesNotContain("api-customer-");

        long entry = callbacks.list(callbacks.lastWeek()).entries().getFirst().id();
        var recorded = mvc.post().uri("/api/v1/callbacks/" + entry + "/outcome").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"no-answer\",\"notes\":\"rang at 10\"}").exchange();
        assertThat(recorded).hasStatus(200).bodyJson().extractingPath("$.outcome").isEqualTo("NO_ANSWER");
        assertThat(mvc.post().uri("/api/v1/callbacks/" + entry + "/evidence?insight=1").with(httpBasic("member", "secret"))
                .exchange()).hasStatus(403);
        assertThat(mvc.post().uri("/api/v1/callbacks/" + entry + "/evidence?insight=1").with(httpBasic("analyst", "secret"))
                .exchange()).hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("NO_ANSWER");

        var page = mvc.get().uri("/callbacks?week=" + week).with(user("member").roles("TEAM_MEMBER")).exchange();
        assertThat(page).hasStatus(200).bodyText().contains("Record call").contains("zendesk #api-")
                .doesNotContain("api-customer-").doesNotContain("Attach as evidence");
        var posted = mvc.post().uri("/callbacks/" + entry + "/outcome").with(user("member").roles("TEAM_MEMBER")).with(csrf())
                .param("outcome", "REACHED").param("notes", "call me on 0701234567").exchange();
        assertThat(posted).hasStatus(302);
        assertThat(callbacks.get(entry).notes()).doesNotContain("0701234567").contains("[PHONE]");
    }

    @Test
    void anAnalystAttachesAReachedCallsNoteAndTheInsightPageShowsIt() {
        // the week before last: the other test builds last week's list
        var week = callbacks.lastWeek().minusWeeks(1);
        complaints(week, "gorvanth plisquer dembrovak sultravine", "api-customer-9");
        var entry = callbacks.build(week, "analyst").entries().stream()
                .filter(e -> e.problemLabel().contains("gorvanth")).findFirst().orElseThrow();
        callbacks.record(entry.id(), CallOutcome.REACHED, "paid on time, the reminder came anyway", "ida");
        var insight = insights.create(new InsightContent("Reminders after payment",
                java.util.List.of(entry.problemId()), java.util.List.of(), java.util.List.of(), null, null, null, null, null,
                null, java.util.List.of(), java.util.List.of(), null, null), "analyst");

        var attached = mvc.post().uri("/api/v1/callbacks/" + entry.id() + "/evidence?insight=" + insight.id())
                .with(httpBasic("analyst", "secret")).exchange();

        assertThat(attached).hasStatus(200).bodyJson().extractingPath("$.content.evidence[0].type").isEqualTo("call-note");
        assertThat(attached).bodyJson().extractingPath("$.content.evidence[0].note")
                .isEqualTo("paid on time, the reminder came anyway");
        assertThat(mvc.get().uri("/insights/" + insight.id()).with(user("viewer").roles("VIEWER")).exchange())
                .hasStatus(200).bodyText().contains("call-back " + entry.id() + " by ida").contains("the reminder came anyway");
        assertThat(mvc.post().uri("/api/v1/callbacks/" + entry.id() + "/evidence?insight=987654")
                .with(httpBasic("analyst", "secret")).exchange()).hasStatus(409);
    }

    @Test
    void badWeeksOutcomesAndEntriesAreNamed() {
        assertThat(mvc.post().uri("/api/v1/callbacks/lists?week=2026-11-24").with(httpBasic("analyst", "secret")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("2026-11-24");
        assertThat(mvc.get().uri("/api/v1/callbacks/lists/yesterday").with(httpBasic("member", "secret")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("yesterday");
        assertThat(mvc.post().uri("/api/v1/callbacks/987654/outcome").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"busy\"}").exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("'busy'");
        assertThat(mvc.post().uri("/api/v1/callbacks/987654/outcome").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"REACHED\"}").exchange())
                .hasStatus(404).bodyJson().extractingPath("$.detail").asString().contains("987654");
    }
}
