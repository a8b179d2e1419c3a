package com.zeromission.leaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.support.TestDatabases;

/**
 * Leaps over HTTP and their pages: who may set up, log and recommend, 400 naming a bad value, 404 for an unknown
 * leap, 409 for closing one without recommendations.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.cadence.scheduling=false"})
@AutoConfigureMockMvc
class LeapApiTest {

    static final String[][] USERS = {{"admin", "ADMIN"}, {"analyst", "ANALYST"}, {"member", "TEAM_MEMBER"},
            {"lars", "TEAM_MEMBER"}, {"viewer", "VIEWER"}};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Insights insights;
    @Autowired
    Leaps leaps;

    String body(LocalDate start, LocalDate end) {
        return "{\"name\":\"Complaints per million\",\"mandate\":\"Why do 40 in every million purchases end in a complaint?\","
                + "\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"members\":[{\"user\":\"anna\",\"team\":\"api-invoicing\"},"
                + "{\"user\":\"maria\",\"team\":\"api-checkout\"},{\"user\":\"member\",\"team\":\"api-invoicing\"}]}";
    }

    long created() throws Exception {
        insights.saveTeam(new Team("api-invoicing", "payments", List.of("anna")));
        insights.saveTeam(new Team("api-checkout", "payments", List.of("maria")));
        LocalDate today = leaps.today();
        var response = mvc.post().uri("/api/v1/leaps").with(httpBasic("analyst", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(body(today.minusWeeks(1), today.plusWeeks(5))).exchange();
        assertThat(response).hasStatus(201).bodyJson().extractingPath("$.state").isEqualTo("RUNNING");
        return ((Number) com.jayway.jsonpath.JsonPath.read(response.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.id"))
                .longValue();
    }

    @Test
    void analystsSetUpLeapsMembersLogAndReadersRead() throws Exception {
        long id = created();
        LocalDate today = leaps.today();
        assertThat(mvc.post().uri("/api/v1/leaps").with(httpBasic("member", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(body(today, today.plusWeeks(2))).exchange()).hasStatus(403);

        assertThat(mvc.post().uri("/api/v1/leaps/" + id + "/log").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"standup\",\"text\":\"Read 30 complaints about reminders\"}")
                .exchange()).hasStatus(201).bodyJson().extractingPath("$.kind").isEqualTo("STANDUP");
        assertThat(mvc.post().uri("/api/v1/leaps/" + id + "/log").with(httpBasic("viewer", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"standup\",\"text\":\"x\"}").exchange()).hasStatus(403);
        assertThat(mvc.post().uri("/api/v1/leaps/" + id + "/log").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"lunch\",\"text\":\"x\"}").exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("'lunch'");

        assertThat(mvc.put().uri("/api/v1/leaps/" + id).with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"CLOSED\"}").exchange())
                .hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("at least one recommendation");

        assertThat(mvc.post().uri("/api/v1/leaps/" + id + "/recommendations").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"text\":\"y\",\"ownerTeam\":\"api-invoicing\"}")
                .exchange()).hasStatus(403);
        assertThat(mvc.post().uri("/api/v1/leaps/" + id + "/recommendations").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Digital invoices\",\"text\":\"Send digital invoices by default\",\"ownerTeam\":\"api-invoicing\"}")
                .exchange()).hasStatus(201).bodyJson().extractingPath("$.insightId").isNotNull();

        var plan = mvc.get().uri("/api/v1/leaps/" + id + "/action-plan").with(httpBasic("viewer", "secret")).exchange();
        assertThat(plan).hasStatusOk().bodyJson().extractingPath("$.items[0].insightState").isEqualTo("DRAFT");
        assertThat(plan).bodyJson().extractingPath("$.items[0].ownerTeam").isEqualTo("api-invoicing");
        assertThat(plan).bodyJson().extractingPath("$.items[0].delegated").isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/leaps").with(httpBasic("viewer", "secret")).exchange()).hasStatusOk();

        var page = mvc.get().uri("/leaps/" + id).with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("Why do 40 in every million purchases end in a complaint?")
                .contains("Members by home team").contains("api-checkout").contains("Read 30 complaints about reminders")
                .contains("Action plan: 1 recommendation, 0 delegated").contains("Digital invoices");
        assertThat(mvc.get().uri("/leaps").with(user("member").roles("TEAM_MEMBER")).exchange()).hasStatusOk()
                .bodyText().contains("Complaints per million");

        assertThat(mvc.put().uri("/api/v1/leaps/" + id).with(httpBasic("admin", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"closed\"}").exchange())
                .hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("CLOSED");
    }

    @Test
    void aTeamMemberWritesOnlyTheLogOfALeapTheyAreOnAndAnAnalystAnyLeapsLog() throws Exception {
        long id = created();

        var refused = mvc.post().uri("/api/v1/leaps/" + id + "/log").with(httpBasic("lars", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"standup\",\"text\":\"Not my leap, writing anyway\"}")
                .exchange();

        assertThat(refused).hasStatus(403).hasContentType("application/problem+json");
        assertThat(refused).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zeromission.dev/problems/leap-membership-required");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString()
                .contains("leap " + id, "[anna, maria, member]", "'lars' is not a member");
        assertThat(leaps.get(id).log()).as("a refused entry is not stored").isEmpty();

        // analysts write to any leap's log (they run the program), members to their own
        assertThat(mvc.post().uri("/api/v1/leaps/" + id + "/log").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"weekly-plan\",\"text\":\"Read the reminders\"}")
                .exchange()).hasStatus(201);
        assertThat(mvc.post().uri("/api/v1/leaps/" + id + "/log").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"standup\",\"text\":\"Read 12 reminders\"}")
                .exchange()).hasStatus(201);
    }

    @Test
    void badDatesAndValuesAre400NamingThem() throws Exception {
        insights.saveTeam(new Team("api-invoicing", "payments", List.of("anna")));
        insights.saveTeam(new Team("api-checkout", "payments", List.of("maria")));
        LocalDate today = leaps.today();
        assertThat(mvc.post().uri("/api/v1/leaps").with(httpBasic("analyst", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(body(today, today.minusDays(3))).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("end must be after start", today.minusDays(3).toString());
        assertThat(mvc.post().uri("/api/v1/leaps").with(httpBasic("analyst", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(body(today, today.plusWeeks(27))).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("at most 26 weeks");
        assertThat(mvc.post().uri("/api/v1/leaps").with(httpBasic("analyst", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(body(today, today.plusWeeks(2)).replace("api-checkout", "nowhere")).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("'nowhere'");
        long id = created();
        assertThat(mvc.put().uri("/api/v1/leaps/" + id).with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"RUNNING\"}").exchange())
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("'RUNNING'");
        assertThat(mvc.post().uri("/api/v1/leaps/" + id + "/recommendations").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"text\":\"y\",\"ownerTeam\":\"ghosts\"}")
                .exchange()).hasStatus(400).bodyJson().extractingPath("$.detail").asString().contains("'ghosts'");
    }

    static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Test
    void aMergePatchChangesOnlyTheMembersItNamesAndRefusesToRemoveARequiredOne() throws Exception {
        long id = created();
        LocalDate end = leaps.today().plusWeeks(6);

        var patched = mvc.patch().uri("/api/v1/leaps/" + id).with(httpBasic("analyst", "secret")).contentType(MERGE_PATCH)
                .content("{\"end\":\"" + end + "\"}").exchange();

        assertThat(patched).hasStatusOk().bodyJson().extractingPath("$.end").isEqualTo(end.toString());
        assertThat(patched).bodyJson().extractingPath("$.name").isEqualTo("Complaints per million");
        assertThat(patched).bodyJson().extractingPath("$.members").asArray().hasSize(3);
        assertThat(mvc.patch().uri("/api/v1/leaps/" + id).with(httpBasic("analyst", "secret")).contentType(MERGE_PATCH)
                .content("{\"mandate\":null}").exchange()).hasStatus(400).bodyJson().extractingPath("$.detail").asString()
                .startsWith("mandate: cannot be removed");
        assertThat(mvc.patch().uri("/api/v1/leaps/" + id).with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}").exchange()).hasStatus(415);
        assertThat(mvc.patch().uri("/api/v1/leaps/" + id).with(httpBasic("member", "secret")).contentType(MERGE_PATCH)
                .content("{\"name\":\"x\"}").exchange()).hasStatus(403);
        assertThat(leaps.get(id).mandate()).isEqualTo("Why do 40 in every million purchases end in a complaint?");
    }

    @Test
    void anUnknownLeapIs404() {
        insights.saveTeam(new Team("api-invoicing", "payments", List.of("anna")));
        assertThat(mvc.get().uri("/api/v1/leaps/987654").with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("no leap with id 987654");
        assertThat(mvc.get().uri("/api/v1/leaps/987654/action-plan").with(httpBasic("viewer", "secret")).exchange()).hasStatus(404);
        assertThat(mvc.put().uri("/api/v1/leaps/987654").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}").exchange()).hasStatus(404);
        assertThat(mvc.post().uri("/api/v1/leaps/987654/log").with(httpBasic("member", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"retro\",\"text\":\"x\"}").exchange()).hasStatus(404);
        assertThat(mvc.post().uri("/api/v1/leaps/987654/recommendations").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"text\":\"y\",\"ownerTeam\":\"api-invoicing\"}")
                .exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/leaps/987654").with(user("viewer").roles("VIEWER")).exchange()).hasStatus(404)
                .bodyText().contains("no leap with id 987654");
    }
}
