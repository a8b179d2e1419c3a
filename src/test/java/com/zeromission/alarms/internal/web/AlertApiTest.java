package com.zeromission.alarms.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.zeromission.alarms.Feed;
import com.zeromission.alarms.TestClock;
import com.zeromission.alarms.TestClockConfiguration;
import com.zeromission.intake.IntakeService;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.Targets;
import com.zeromission.support.TestDatabases;

/** The alerts API as a client sees it: roles, problem details for bad parameters, evaluate, list and replay. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@DirtiesContext
class AlertApiTest {

    static final LocalDate BURST = LocalDate.of(2026, 6, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        var dir = TestDatabases.newDataDir();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(dir));
        registry.add("zeromission.alarms.scheduling", () -> "false");
        String[][] users = {{"viewer", "VIEWER"}, {"member", "TEAM_MEMBER"}, {"analyst", "ANALYST"}, {"admin", "ADMIN"},
                {"ingest", "INGEST"}};
        for (int i = 0; i < users.length; i++) {
            int n = i;
            registry.add("zeromission.security.users[" + n + "].name", () -> users[n][0]);
            registry.add("zeromission.security.users[" + n + "].password", () -> "{noop}secret");
            registry.add("zeromission.security.users[" + n + "].roles[0]", () -> users[n][1]);
        }
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    IntakeService intake;
    @Autowired
    Purchases purchases;
    @Autowired
    Targets targets;
    @Autowired
    TestClock clock;

    MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(httpBasic(user, "secret")).accept(MediaType.APPLICATION_JSON).exchange();
    }

    MvcTestResult evaluate(String user) {
        return mvc.post().uri("/api/v1/alerts/evaluate").with(httpBasic(user, "secret")).exchange();
    }

    @Test
    void everyRoleThatReadsMayListAlertsOnlyAnalystsAndAdminsEvaluateOrReplay() {
        for (String reader : new String[] {"viewer", "member", "analyst", "admin"}) {
            assertThat(get(reader, "/api/v1/alerts")).hasStatus(HttpStatus.OK);
        }
        assertThat(get("ingest", "/api/v1/alerts")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(evaluate("viewer")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(evaluate("member")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get("member", "/api/v1/alerts/replay?from=2026-06-01&to=2026-06-02")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/alerts").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        // Not a listed endpoint: denied, whoever asks.
        assertThat(mvc.delete().uri("/api/v1/alerts").with(httpBasic("admin", "secret")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBadParameterIsAProblemThatNamesItAndItsValue() {
        MvcTestResult state = get("viewer", "/api/v1/alerts?state=closed&limit=0");

        assertThat(state).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(state).bodyJson().extractingPath("$.errors[0].field").isEqualTo("state");
        assertThat(state).bodyJson().extractingPath("$.errors[0].value").isEqualTo("closed");
        assertThat(state).bodyJson().extractingPath("$.errors[1].field").isEqualTo("limit");
        assertThat(state).bodyJson().extractingPath("$.errors[1].value").isEqualTo("0");
        assertThat(state).bodyJson().extractingPath("$.detail").asString().contains("state 'closed'", "limit '0'");

        MvcTestResult replay = get("analyst", "/api/v1/alerts/replay?from=2026-13-01&to=2026-06-02");
        assertThat(replay).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(replay).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(replay).bodyJson().extractingPath("$.errors[0].value").isEqualTo("2026-13-01");
        assertThat(get("analyst", "/api/v1/alerts/replay?from=2026-06-02&to=2026-06-01")).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("to");
        assertThat(get("analyst", "/api/v1/alerts/replay?from=2024-01-01&to=2026-06-01")).bodyJson()
                .extractingPath("$.errors[0].reason").asString().contains("more than 367 days");
    }

    @Test
    void evaluateSaysWhatFiredTheListShowsItAndReplayTellsTheStory() {
        var feed = new Feed(intake, purchases, targets, clock, "api-test");
        feed.target(2026, new Scope("NL", null), "40");
        feed.day(BURST, "NL", "pay-in-3", 80_000, 60);
        feed.day(BURST.plusDays(1), "NL", "pay-in-3", 80_000, 60);

        MvcTestResult fired = evaluate("analyst");

        assertThat(fired).hasStatus(HttpStatus.OK);
        assertThat(fired).bodyJson().extractingPath("$.asOf").isEqualTo("2026-06-09");
        assertThat(fired).bodyJson().extractingPath("$.fired[*].rule").asArray().containsExactly("fast-burn", "medium-burn");
        assertThat(fired).bodyJson().extractingPath("$.fired[0].scope.description").isEqualTo("market NL");
        assertThat(fired).bodyJson().extractingPath("$.fired[0].burnRate.shortWindow.burnRate").isEqualTo(18.75);
        assertThat(fired).bodyJson().extractingPath("$.undecided[0].rule").isEqualTo("slow-burn");

        MvcTestResult open = get("viewer", "/api/v1/alerts");
        assertThat(open).bodyJson().extractingPath("$.count").isEqualTo(2);
        assertThat(open).bodyJson().extractingPath("$.alerts[*].state").asArray().containsOnly("open");

        feed.day(BURST.plusDays(2), "NL", "pay-in-3", 80_000, 3);
        MvcTestResult cleared = evaluate("admin");
        assertThat(cleared).bodyJson().extractingPath("$.cleared[*].rule").asArray().containsExactly("fast-burn", "medium-burn");
        assertThat(get("viewer", "/api/v1/alerts")).bodyJson().extractingPath("$.count").isEqualTo(0);
        assertThat(get("viewer", "/api/v1/alerts?state=all")).bodyJson().extractingPath("$.count").isEqualTo(2);

        MvcTestResult replay = get("analyst", "/api/v1/alerts/replay?from=2026-06-01&to=2026-06-10");
        assertThat(replay).hasStatus(HttpStatus.OK);
        assertThat(replay).bodyJson().extractingPath("$.episodes[*].rule").asArray().containsExactly("fast-burn", "medium-burn");
        // Replayed day by day, the burst shows on its first day already: with no earlier purchases in the scope, the
        // 2-day window holds that one day (the live evaluation above ran only after the second day).
        assertThat(replay).bodyJson().extractingPath("$.episodes[0].firedOn").isEqualTo("2026-06-08");
        assertThat(replay).bodyJson().extractingPath("$.episodes[0].clearedOn").isEqualTo("2026-06-10");
    }
}
