package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.cadence.Weeks;
import com.zeromission.callbacks.Callbacks;
import com.zeromission.insights.ReplayLookup;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;
import com.zeromission.replay.ReplayId;
import com.zeromission.replay.Replays;
import com.zeromission.support.TestDatabases;

/**
 * Where a replay shows up beside the complaint it came with: a problem's page lists its signals' replays (a link for
 * analysts, a mention for the others), the call-back list marks the customers whose visit was recorded, and the
 * player page's data endpoints answer 404 for a replay that is gone.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false",
        "zeromission.insights.scheduling=false"})
@AutoConfigureMockMvc
class ReplayLinksPagesTest {

    /** A small masked recording: a page, a click and an error shown. */
    static final String EVENTS = """
            [{"type":4,"timestamp":1000,"data":{"href":"https://shop.example.com/checkout","width":1280,"height":800}},
             {"type":2,"timestamp":1010,"data":{"node":{"type":0,"id":1,"childNodes":[{"type":2,"id":2,"tagName":"input",
               "attributes":{"type":"text","value":"****"},"childNodes":[]}]}}},
             {"type":3,"timestamp":2000,"data":{"source":2,"type":2,"id":2,"x":10,"y":20}},
             {"type":5,"timestamp":95000,"data":{"tag":"zm-error","payload":{"text":"The card payment failed"}}}]""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}, {"viewer", "VIEWER"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Replays replays;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    Callbacks callbacks;
    @Autowired
    Clock clock;
    @Autowired
    ReplayLookup lookup;

    @Test
    void aProblemsPageAndTheCallBackListShowTheReplayItsComplaintCameWith() {
        var week = callbacks.lastWeek().minusWeeks(1);
        ReplayId replay = replays.store(EVENTS, week.plusDays(2).atTime(9, 58).toInstant(ZoneOffset.UTC), null);
        intake.acceptAll(List.of(SignalSubmission.parse(new RawSignal("zendesk", "replayed-1", "complaint", "SE",
                "card", "payment", week.plusDays(2) + "T10:00:00Z", "en", "complaint vandrofex kulimber trosk failed",
                null, null, "replay-customer-1", replay.toString()), clock)));
        problems.assignPending();
        long problem = problems.list(List.of(), 500).stream().filter(p -> p.label().contains("vandrofex"))
                .findFirst().orElseThrow().id();
        assertThat(problems.replayedSignals(ProblemId.lookup(problem), 10)).singleElement()
                .satisfies(r -> assertThat(r.replayId()).isEqualTo(replay.value()));

        assertThat(mvc.get().uri("/problems/" + problem).with(user("analyst").roles("ANALYST"))).hasStatusOk().bodyText()
                .contains("href=\"/replays/" + replay + "\"").contains("Watch the 1:34 replay");
        assertThat(mvc.get().uri("/problems/" + problem).with(user("viewer").roles("VIEWER"))).hasStatusOk().bodyText()
                .doesNotContain("href=\"/replays/").contains("A 1:34 replay (analysts can watch it)");

        var entry = callbacks.build(week, "analyst").entries().stream().filter(e -> e.problemId() == problem).findFirst().orElseThrow();
        assertThat(replays.ofSignals(List.of(SignalId.parse(entry.signalId())))).containsValue(replay);
        assertThat(mvc.get().uri("/callbacks?week=" + Weeks.label(week)).with(user("analyst").roles("ANALYST")))
                .hasStatusOk().bodyText().contains("href=\"/replays/" + replay + "\"").contains("Watch the replay");
    }

    @Test
    void anInsightsReplayMomentMustFallWithinAStoredReplay() {
        ReplayId replay = replays.store(EVENTS, Instant.parse("2026-11-21T10:00:00Z"), null);
        assertThat(lookup.durationMillis(replay.toString())).hasValue(94_000);
        assertThat(lookup.durationMillis("0190a6f2-0000-7000-8000-00000000dead")).isEmpty();
    }

    @Test
    void thePlayersDataEndpointsGiveTheSummaryAndAuditedEventsAndNotFoundWhenGone() {
        ReplayId replay = replays.store(EVENTS, Instant.parse("2026-11-20T10:00:00Z"), null);
        assertThat(mvc.get().uri("/replays/" + replay + "/summary").with(user("analyst").roles("ANALYST"))).hasStatusOk()
                .bodyJson().extractingPath("$.timeline[*].kind").asArray().contains("page", "click", "error");
        assertThat(mvc.get().uri("/replays/" + replay + "/events").with(user("analyst").roles("ANALYST"))).hasStatusOk()
                .bodyText().startsWith("[").contains("\"zm-error\"");
        String gone = "0190a6f2-0000-7000-8000-00000000dead";
        assertThat(mvc.get().uri("/replays/" + gone + "/summary").with(user("analyst").roles("ANALYST"))).hasStatus(404);
        assertThat(mvc.get().uri("/replays/" + gone + "/events").with(user("analyst").roles("ANALYST"))).hasStatus(404);
        assertThat(mvc.get().uri("/replays/" + replay + "/events").with(user("viewer").roles("VIEWER"))).hasStatus(403);
    }
}
