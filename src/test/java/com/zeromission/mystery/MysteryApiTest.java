package com.zeromission.mystery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.support.TestDatabases;

/**
 * Mystery shopping over HTTP, and its pages: 201 for a scenario or run created, the signal ids a completion answers
 * (the same ones again on a repeat), 400 naming the wrong value, 404 for unknown ids, 409 for a step on a completed
 * run, and who may do what.
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class MysteryApiTest {

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
    Clock clock;

    private static int names;

    private String post(String uri, String as, String json) {
        var result = mvc.post().uri(uri).with(httpBasic(as, "secret")).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
        return result.getResponse().getStatus() + " " + new String(result.getResponse().getContentAsByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private long scenario() throws Exception {
        var created = mvc.post().uri("/api/v1/mystery/scenarios").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"SE online pay later " + (++names)
                        + "\",\"market\":\"SE\",\"mode\":\"online\",\"checkout\":\"merchant web shop\","
                        + "\"payment\":\"pay-later\",\"card\":\"none\"}").exchange();
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.steps").asArray().hasSize(6);
        assertThat(created).bodyJson().extractingPath("$.payment").isEqualTo("pay-later");
        return ((Number) com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void aShopperRunsAScenarioAndItsFindingBecomesASignal() throws Exception {
        long scenario = scenario();
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        var started = mvc.post().uri("/api/v1/mystery/runs").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"scenarioId\":" + scenario + "}").exchange();
        assertThat(started).hasStatus(201).bodyJson().extractingPath("$.shopper").isEqualTo("member");
        assertThat(started).bodyJson().extractingPath("$.status").isEqualTo("IN_PROGRESS");
        long run = ((Number) com.jayway.jsonpath.JsonPath.read(started.getResponse().getContentAsString(), "$.id")).longValue();

        var step = mvc.post().uri("/api/v1/mystery/runs/" + run + "/steps").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"reminder\",\"date\":\"" + today
                        + "\",\"outcome\":\"problem\",\"note\":\"Reminder before the invoice; mail me at eva@example.com\"}")
                .exchange();
        assertThat(step).hasStatusOk().bodyJson().extractingPath("$.steps[0].step").isEqualTo("reminder");
        assertThat(step).bodyJson().extractingPath("$.steps[0].note").asString().doesNotContain("eva@example.com");

        var completed = mvc.post().uri("/api/v1/mystery/runs/" + run + "/complete").with(httpBasic("member", "secret"))
                .exchange();
        assertThat(completed).hasStatusOk().bodyJson().extractingPath("$.signalIds").asArray().hasSize(1);
        assertThat(completed).bodyJson().extractingPath("$.alreadyCompleted").isEqualTo(false);
        String signal = com.jayway.jsonpath.JsonPath.read(completed.getResponse().getContentAsString(), "$.signalIds[0]");
        var again = mvc.post().uri("/api/v1/mystery/runs/" + run + "/complete").with(httpBasic("analyst", "secret"))
                .exchange();
        assertThat(again).hasStatusOk().bodyJson().extractingPath("$.signalIds[0]").isEqualTo(signal);
        assertThat(again).bodyJson().extractingPath("$.alreadyCompleted").isEqualTo(true);

        assertThat(mvc.get().uri("/api/v1/signals/" + signal).with(httpBasic("viewer", "secret")).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.channel").isEqualTo("mystery-shopping");
        assertThat(post("/api/v1/mystery/runs/" + run + "/steps", "member",
                "{\"step\":\"invoice\",\"outcome\":\"OK\"}")).startsWith("409").contains("was completed");
        assertThat(mvc.get().uri("/api/v1/mystery/runs/" + run).with(httpBasic("viewer", "secret")).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.steps[0].signalId").isEqualTo(signal);
        assertThat(mvc.get().uri("/api/v1/mystery/runs?scenario=" + scenario).with(httpBasic("viewer", "secret")).exchange())
                .hasStatusOk().bodyJson().extractingPath("$[0].id").asNumber().isEqualTo((int) run);

        assertThat(mvc.get().uri("/mystery").with(user("viewer").roles("VIEWER")).exchange()).hasStatusOk().bodyText()
                .contains("Mystery shopping").contains("SE online pay later").contains("Run " + run);
        assertThat(mvc.get().uri("/mystery/runs/" + run).with(user("viewer").roles("VIEWER")).exchange()).hasStatusOk()
                .bodyText().contains(signal).contains("Reminder before the invoice").doesNotContain("eva@example.com");
    }

    @Test
    void badInputIsA400NamingTheValue() throws Exception {
        assertThat(post("/api/v1/mystery/scenarios", "analyst", "{\"name\":\"x\",\"market\":\"XX\",\"mode\":\"online\","
                + "\"checkout\":\"web\",\"payment\":\"pay-later\",\"card\":\"none\"}")).startsWith("400").contains("'XX'");
        assertThat(post("/api/v1/mystery/scenarios", "analyst", "{\"name\":\"x\",\"market\":\"SE\",\"mode\":\"online\","
                + "\"checkout\":\"web\",\"payment\":\"pay-someday\",\"card\":\"none\"}")).startsWith("400")
                .contains("'pay-someday'");
        assertThat(post("/api/v1/mystery/runs", "member", "{}")).startsWith("400").contains("scenarioId is required");
        long scenario = scenario();
        assertThat(post("/api/v1/mystery/runs", "member", "{\"scenarioId\":" + scenario + ",\"date\":\"yesterday\"}"))
                .startsWith("400").contains("'yesterday'");
        String run = post("/api/v1/mystery/runs", "member", "{\"scenarioId\":" + scenario + "}").replaceAll("(?s)^201 .*?\"id\":(\\d+).*", "$1");
        assertThat(post("/api/v1/mystery/runs/" + run + "/steps", "member", "{\"step\":\"unboxing\",\"outcome\":\"OK\"}"))
                .startsWith("400").contains("'unboxing'");
        assertThat(post("/api/v1/mystery/runs/" + run + "/steps", "member", "{\"step\":\"invoice\",\"outcome\":\"meh\"}"))
                .startsWith("400").contains("'meh'");
        assertThat(post("/api/v1/mystery/runs/" + run + "/steps", "member", "{\"step\":\"invoice\",\"outcome\":\"PROBLEM\"}"))
                .startsWith("400").contains("needs a note");
    }

    @Test
    void unknownIdsAre404() {
        assertThat(mvc.get().uri("/api/v1/mystery/runs/987654").with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("no mystery-shopping run with id 987654");
        assertThat(post("/api/v1/mystery/runs", "member", "{\"scenarioId\":987654}")).startsWith("404")
                .contains("no mystery-shopping scenario with id 987654");
        assertThat(post("/api/v1/mystery/runs/987654/steps", "member", "{\"step\":\"invoice\",\"outcome\":\"OK\"}"))
                .startsWith("404");
        assertThat(post("/api/v1/mystery/runs/987654/complete", "member", "")).startsWith("404");
        assertThat(mvc.get().uri("/mystery/runs/987654").with(user("viewer").roles("VIEWER")).exchange()).hasStatus(404);
    }

    @Test
    void analystsWriteScenariosAndShoppersRunThem() throws Exception {
        String body = "{\"name\":\"GB online pay now " + (++names) + "\",\"market\":\"GB\",\"mode\":\"online\","
                + "\"checkout\":\"in-app\",\"payment\":\"pay-now\",\"card\":\"debit Visa\"}";
        assertThat(post("/api/v1/mystery/scenarios", "member", body)).startsWith("403");
        assertThat(post("/api/v1/mystery/scenarios", "viewer", body)).startsWith("403");
        assertThat(post("/api/v1/mystery/scenarios", "admin", body)).startsWith("201");
        assertThat(post("/api/v1/mystery/scenarios", "admin", body)).startsWith("409").contains("exists already");
        long scenario = scenario();
        assertThat(post("/api/v1/mystery/runs", "viewer", "{\"scenarioId\":" + scenario + "}")).startsWith("403");
        assertThat(post("/api/v1/mystery/runs", "analyst", "{\"scenarioId\":" + scenario + ",\"shopper\":\"anna\"}"))
                .startsWith("201").contains("\"shopper\":\"anna\"");
        assertThat(mvc.get().uri("/api/v1/mystery/scenarios").with(httpBasic("viewer", "secret")).exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/mystery/scenarios").exchange()).hasStatus(401);
    }
}
