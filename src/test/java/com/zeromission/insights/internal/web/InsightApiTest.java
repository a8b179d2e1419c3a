package com.zeromission.insights.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.zeromission.support.TestDatabases;

/** Insights over HTTP: roles, a refused delegation that names what is missing, and a complete one. */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class InsightApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        String[][] users = {{"ingest", "INGEST"}, {"viewer", "VIEWER"}, {"member", "TEAM_MEMBER"}, {"analyst", "ANALYST"},
                {"admin", "ADMIN"}};
        TestDatabases.useUsers(registry, users);
    }

    @Autowired
    MockMvcTester mvc;

    MvcTestResult send(String method, String user, String uri, String json) {
        var request = method.equals("PUT") ? mvc.put() : mvc.post();
        return request.uri(uri).with(httpBasic(user, "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "" : json).exchange();
    }

    static final String DRAFT = """
            {"title":"Reminder fees for invoices that never came","problemDefinition":"TBD"}""";
    static final String COMPLETE = """
            {"title":"Reminder fees for invoices that never came",
             "evidence":[{"type":"replay","uri":"https://replay.example.com/s/1"}],
             "problemDefinition":"Paper invoices sent in early January arrive after their due date, so customers pay a reminder fee.",
             "proposedSolution":"Send digital invoices by default and give January invoices a fourteen-day grace period.",
             "impact":{"occurrencesPerYear":12000,"contactsPerOccurrence":1.5,"contactCost":6.00,"feesRefunded":5.00,
                       "lostPurchaseShare":0.02,"lostPurchaseValue":40.00,"shareRemoved":0.75},
             "effortPersonDays":8, "ownerTeam":"invoicing", "responsiblePerson":"anna",
             "teamsNeeded":["invoicing","print"], "approvalsNeeded":["legal"]}""";

    @Test
    void refusesADelegationNamingWhatIsMissingThenDelegatesTheCompletedInsight() {
        assertThat(send("PUT", "analyst", "/api/v1/teams/invoicing", "{\"area\":\"payments\",\"members\":[\"anna\",\"member\"]}"))
                .hasStatus(HttpStatus.CREATED);
        var created = send("POST", "analyst", "/api/v1/insights", DRAFT);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.gate.readinessPercent").isEqualTo(0);
        String id = created.getResponse().getHeader("Location").replaceAll(".*/", "");

        var refused = send("POST", "analyst", "/api/v1/insights/" + id + "/delegate", null);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused).bodyJson().extractingPath("$.missing[*].element").asArray().containsExactly("evidence",
                "problem-definition", "proposed-solution", "financial-impact", "effort", "owner-team", "responsible-person");
        assertThat(refused).bodyJson().extractingPath("$.missing[1].reason").isEqualTo("'TBD' is a placeholder, not a definition");

        assertThat(send("PUT", "analyst", "/api/v1/insights/" + id, COMPLETE)).hasStatus(HttpStatus.OK)
                .bodyJson().extractingPath("$.gate.readinessPercent").isEqualTo(100);
        var delegated = send("POST", "analyst", "/api/v1/insights/" + id + "/delegate", null);
        assertThat(delegated).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.state").isEqualTo("DELEGATED");
        // a team member moves only their own team's insights: outside the owner team, refused
        assertThat(send("PUT", "analyst", "/api/v1/teams/invoicing", "{\"area\":\"payments\",\"members\":[\"anna\"]}"))
                .hasStatus(HttpStatus.OK);
        assertThat(send("POST", "member", "/api/v1/insights/" + id + "/transitions", "{\"to\":\"in-progress\"}"))
                .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.detail").asString()
                .contains("only members of its owner team 'invoicing'");
        assertThat(send("PUT", "analyst", "/api/v1/teams/invoicing", "{\"area\":\"payments\",\"members\":[\"anna\",\"member\"]}"))
                .hasStatus(HttpStatus.OK);
        // the step's note is typed text: masked like every other (issue 15)
        var moved = send("POST", "member", "/api/v1/insights/" + id + "/transitions",
                "{\"to\":\"in-progress\",\"note\":\"agreed with anna.svensson@example.com\"}");
        assertThat(moved).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.state").isEqualTo("IN_PROGRESS");
        assertThat(moved).bodyJson().extractingPath("$.history[-1].note").isEqualTo("agreed with [EMAIL]");
        var ranked = mvc.get().uri("/api/v1/insights/ranked").with(httpBasic("viewer", "secret")).exchange();
        assertThat(ranked).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$[0].missing[0]")
                .isEqualTo("probability (link the insight to a problem)");
    }

    static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    MvcTestResult patch(String user, String uri, String json) {
        return mvc.patch().uri(uri).with(httpBasic(user, "secret")).contentType(MERGE_PATCH).content(json).exchange();
    }

    /** A complete insight with a session replay and an uploaded screenshot; its id. */
    String withScreenshot() {
        var created = send("POST", "analyst", "/api/v1/insights", COMPLETE);
        String id = created.getResponse().getHeader("Location").replaceAll(".*/", "");
        assertThat(mvc.post().uri("/api/v1/insights/" + id + "/attachments").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.IMAGE_PNG).content(PNG).exchange()).hasStatus(HttpStatus.CREATED);
        return id;
    }

    @Test
    void aPartialPatchOfTheTitleReturns200AndKeepsTheSolutionAndTheEvidence() throws Exception {
        String id = withScreenshot();

        var patched = patch("analyst", "/api/v1/insights/" + id, "{\"title\":\"Reminder fees after late paper invoices\"}");

        assertThat(patched).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.content.title")
                .isEqualTo("Reminder fees after late paper invoices");
        assertThat(patched).bodyJson().extractingPath("$.content.proposedSolution").asString().startsWith("Send digital invoices");
        assertThat(patched).bodyJson().extractingPath("$.content.evidence[*].type").asArray().containsExactly("replay", "screenshot");
        assertThat(patched).bodyJson().extractingPath("$.content.impact.occurrencesPerYear").isEqualTo(12000);
        // null removes an optional member; the history and the audit trail name the fields, not their values
        var removed = patch("analyst", "/api/v1/insights/" + id, "{\"approvalsNeeded\":null,\"effortPersonDays\":5}");
        assertThat(removed).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.content.approvalsNeeded").asArray().isEmpty();
        var read = mvc.get().uri("/api/v1/insights/" + id).with(httpBasic("viewer", "secret")).exchange();
        assertThat(read).bodyJson().extractingPath("$.history[-2].note").isEqualTo("edited (PATCH): title");
        assertThat(read).bodyJson().extractingPath("$.history[-1].note").isEqualTo("edited (PATCH): effortPersonDays, approvalsNeeded");
        assertThat(read).bodyJson().extractingPath("$.history[-1].actor").isEqualTo("analyst");
        var audit = mvc.get().uri("/api/v1/audit?limit=5").with(httpBasic("admin", "secret")).exchange();
        assertThat(audit).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$[0].action").isEqualTo("insight.edited");
        assertThat(audit).bodyJson().extractingPath("$[0].subject").isEqualTo("insight " + id);
        assertThat(audit).bodyJson().extractingPath("$[0].detail").isEqualTo("edited (PATCH): effortPersonDays, approvalsNeeded");
    }

    @Test
    void aBadPatchIsRefusedNamingTheFieldAndChangesNothingAndOtherContentTypesAre415() throws Exception {
        String id = withScreenshot();
        String before = mvc.get().uri("/api/v1/insights/" + id).with(httpBasic("viewer", "secret")).exchange()
                .getResponse().getContentAsString();

        assertThat(patch("analyst", "/api/v1/insights/" + id, "{\"title\":null}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("title");
        assertThat(patch("analyst", "/api/v1/insights/" + id, "{\"effortPersonDays\":\"lots\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("at field effortPersonDays");
        assertThat(patch("analyst", "/api/v1/insights/" + id, "{\"impact\":{\"shareRemoved\":2}}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").isEqualTo("shareRemoved must be between 0 and 1, was 2.0");
        assertThat(patch("analyst", "/api/v1/insights/" + id, "{\"title\":\"" + "x".repeat(201) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString().contains("title");
        assertThat(patch("analyst", "/api/v1/insights/" + id, "[{\"op\":\"replace\"}]")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("must be a JSON object");
        assertThat(mvc.patch().uri("/api/v1/insights/" + id).with(httpBasic("analyst", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}").exchange())
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(patch("viewer", "/api/v1/insights/" + id, "{\"title\":\"x\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(patch("analyst", "/api/v1/insights/987654", "{\"title\":\"x\"}")).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.get().uri("/api/v1/insights/" + id).with(httpBasic("viewer", "secret")).exchange()
                .getResponse().getContentAsString()).isEqualTo(before);
    }

    @Test
    void aPutThatLeavesOutTheScreenshotIsRefusedWith409NamingItAndAFullPutStillWorks() throws Exception {
        String id = withScreenshot();

        var refused = send("PUT", "analyst", "/api/v1/insights/" + id, COMPLETE.replace("never came", "never arrived"));

        assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zeromission.dev/problems/evidence-would-be-lost");
        assertThat(refused).bodyJson().extractingPath("$.lost[0]").asString().startsWith("screenshot screenshot-");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("would be lost", "PATCH");
        var current = mvc.get().uri("/api/v1/insights/" + id).with(httpBasic("viewer", "secret")).exchange();
        assertThat(current).bodyJson().extractingPath("$.content.title").isEqualTo("Reminder fees for invoices that never came");
        // the content as read, sent back whole with a new title: the screenshot is in it, so nothing is lost
        String content = new tools.jackson.databind.json.JsonMapper().readTree(current.getResponse().getContentAsString())
                .get("content").toString();
        var full = send("PUT", "analyst", "/api/v1/insights/" + id, content.replace("never came", "never arrived"));
        assertThat(full).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.content.evidence").asArray().hasSize(2);
    }

    @Test
    void patchesATeamKeepingWhatThePatchLeavesOutAndGivesTheImpactDefaultsOfProblems() {
        assertThat(send("PUT", "analyst", "/api/v1/teams/patch-team", "{\"area\":\"payments\",\"members\":[\"anna\"]}"))
                .hasStatus(HttpStatus.CREATED);
        var patched = patch("analyst", "/api/v1/teams/patch-team", "{\"area\":\"risk\"}");
        assertThat(patched).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.members").asArray().containsExactly("anna");
        assertThat(patched).bodyJson().extractingPath("$.area").isEqualTo("risk");
        assertThat(patch("analyst", "/api/v1/teams/patch-team", "{\"area\":null,\"members\":[\"Anna S\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString().contains("member of patch-team");
        assertThat(patch("analyst", "/api/v1/teams/no-such-team", "{\"area\":\"x\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/teams").with(httpBasic("viewer", "secret")).exchange()).bodyJson()
                .extractingPath("$[?(@.name=='patch-team')].area").asArray().containsExactly("risk");

        assertThat(mvc.get().uri("/api/v1/insights/impact-defaults?problems=987654").with(httpBasic("viewer", "secret"))
                .exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/insights/impact-defaults?problems=").with(httpBasic("viewer", "secret"))
                .exchange()).hasStatus(HttpStatus.BAD_REQUEST);
    }

    /** {@link #COMPLETE}, owned by {@code team} with {@code person} responsible. */
    static String ownedBy(String team, String person) {
        return COMPLETE.replace("\"ownerTeam\":\"invoicing\", \"responsiblePerson\":\"anna\"",
                "\"ownerTeam\":\"" + team + "\", \"responsiblePerson\":\"" + person + "\"");
    }

    String delegated(String team, String person) {
        var created = send("POST", "analyst", "/api/v1/insights", ownedBy(team, person));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String id = created.getResponse().getHeader("Location").replaceAll(".*/", "");
        assertThat(send("POST", "analyst", "/api/v1/insights/" + id + "/delegate", null)).hasStatus(HttpStatus.OK);
        return id;
    }

    MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(httpBasic(user, "secret")).exchange();
    }

    @Test
    void teamMemberSeesTheirTeamsAndTheirTeamsInsights() {
        assertThat(send("PUT", "analyst", "/api/v1/teams/owners-ledger", "{\"area\":\"payments\",\"members\":[\"member\",\"lars\"]}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(send("PUT", "analyst", "/api/v1/teams/owners-mail", "{\"members\":[\"olle\"]}")).hasStatus(HttpStatus.CREATED);
        String ours = delegated("owners-ledger", "lars"), theirs = delegated("owners-mail", "olle");

        var me = get("member", "/api/v1/me");
        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.user").isEqualTo("member");
        assertThat(me).bodyJson().extractingPath("$.roles").asArray().containsExactly("TEAM_MEMBER");
        assertThat(me).bodyJson().extractingPath("$.teams[*].name").asArray().contains("owners-ledger")
                .doesNotContain("owners-mail");
        assertThat(get("viewer", "/api/v1/me")).hasStatusOk().bodyJson().extractingPath("$.teams").asArray().isEmpty();

        var mine = get("member", "/api/v1/insights?team=mine&state=delegated");
        assertThat(mine).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .contains(Integer.valueOf(ours)).doesNotContain(Integer.valueOf(theirs));
        assertThat(get("viewer", "/api/v1/insights?team=owners-mail")).hasStatusOk().bodyJson()
                .extractingPath("$[*].id").asArray().containsExactly(Integer.valueOf(theirs));
        assertThat(get("viewer", "/api/v1/insights?team=mine")).hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();
        assertThat(get("viewer", "/api/v1/insights?team=no-such-team")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.detail").asString().contains("no team named 'no-such-team'");
    }

    @Test
    void teamMemberMovesOwnTeamsInsightAndIsRefusedAnotherTeamsWith403() {
        assertThat(send("PUT", "analyst", "/api/v1/teams/movers-ledger", "{\"members\":[\"member\",\"lars\"]}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(send("PUT", "analyst", "/api/v1/teams/movers-mail", "{\"members\":[\"olle\"]}")).hasStatus(HttpStatus.CREATED);
        String ours = delegated("movers-ledger", "lars"), theirs = delegated("movers-mail", "olle");

        var refused = send("POST", "member", "/api/v1/insights/" + theirs + "/transitions", "{\"to\":\"in-progress\"}");
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN).hasContentType("application/problem+json");
        assertThat(refused).bodyJson().extractingPath("$.type")
                .isEqualTo("https://zeromission.dev/problems/owner-team-membership-required");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString()
                .contains("insight " + theirs, "only members of its owner team 'movers-mail'", "'member' is in ", "movers-ledger");
        var unchanged = get("viewer", "/api/v1/insights/" + theirs);
        assertThat(unchanged).bodyJson().extractingPath("$.state").isEqualTo("DELEGATED");
        assertThat(unchanged).bodyJson().extractingPath("$.history").asArray().hasSize(3); // created, actionable, delegated

        assertThat(send("POST", "member", "/api/v1/insights/" + ours + "/transitions", "{\"to\":\"in-progress\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("IN_PROGRESS");
        // an analyst moves any team's insight
        assertThat(send("POST", "analyst", "/api/v1/insights/" + theirs + "/transitions", "{\"to\":\"in-progress\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("IN_PROGRESS");
    }

    @Test
    void refusesATeamNamedMineAndAMemberThatIsNotAUserName() {
        assertThat(send("PUT", "analyst", "/api/v1/teams/mine", "{\"members\":[]}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("'mine' is reserved");
        assertThat(send("PUT", "analyst", "/api/v1/teams/owners-x", "{\"members\":[\"Anna Svensson\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
                .contains("member of owners-x must be a user name");
        assertThat(get("viewer", "/api/v1/teams")).bodyJson().extractingPath("$[*].name").asArray().doesNotContain("mine", "owners-x");
    }

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void storesAScreenshotCheckedByItsContentAndServesItBackSafely() throws Exception {
        var created = send("POST", "analyst", "/api/v1/insights", DRAFT);
        String id = created.getResponse().getHeader("Location").replaceAll(".*/", "");

        var refused = mvc.post().uri("/api/v1/insights/" + id + "/attachments?fileName=x.png").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.IMAGE_PNG).content("<svg onload=alert(1)>".getBytes()).exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
                .contains("only PNG, JPEG, WebP or GIF");
        var viewer = mvc.post().uri("/api/v1/insights/" + id + "/attachments").with(httpBasic("viewer", "secret"))
                .contentType(MediaType.IMAGE_PNG).content(PNG).exchange();
        assertThat(viewer).hasStatus(HttpStatus.FORBIDDEN);

        var stored = mvc.post().uri("/api/v1/insights/" + id + "/attachments?fileName=anna.svensson@example.com checkout.png")
                .with(httpBasic("analyst", "secret")).contentType(MediaType.IMAGE_PNG).content(PNG).exchange();
        assertThat(stored).hasStatus(HttpStatus.CREATED);
        assertThat(stored).bodyJson().extractingPath("$.gate.checks[0].passed").isEqualTo(true);
        String json = stored.getResponse().getContentAsString();
        assertThat(json).doesNotContain("anna.svensson");
        String attachment = json.replaceAll("(?s).*\\\"attachmentId\\\":\\\"([0-9a-f-]{36})\\\".*", "$1");

        var served = mvc.get().uri("/api/v1/insights/" + id + "/attachments/" + attachment).with(httpBasic("viewer", "secret"))
                .exchange();
        assertThat(served).hasStatus(HttpStatus.OK);
        assertThat(served.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(served.getResponse().getHeader("Content-Disposition")).startsWith("attachment").doesNotContain("anna");
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(PNG);
    }

    @Test
    void storesAScreenshotUnderANameMadeFromItsContentNotTheClientsAndSaysWhichAttachmentIsMissing() throws Exception {
        var created = send("POST", "analyst", "/api/v1/insights", DRAFT);
        String id = created.getResponse().getHeader("Location").replaceAll(".*/", "");

        var stored = mvc.post().uri("/api/v1/insights/" + id + "/attachments?fileName=Anna Svensson refund.html")
                .with(httpBasic("analyst", "secret")).contentType(MediaType.IMAGE_PNG).content(PNG).exchange();
        assertThat(stored).hasStatus(HttpStatus.CREATED);
        String json = stored.getResponse().getContentAsString();
        assertThat(json).doesNotContain("Svensson").doesNotContain(".html")
                .containsPattern("\"fileName\":\"screenshot-[0-9a-f]{8}\\.png\"");
        String attachment = json.replaceAll("(?s).*\"attachmentId\":\"([0-9a-f-]{36})\".*", "$1");
        var served = mvc.get().uri("/api/v1/insights/" + id + "/attachments/" + attachment).with(httpBasic("viewer", "secret"))
                .exchange();
        assertThat(served.getResponse().getHeader("Content-Disposition")).matches("attachment; filename=\"screenshot-[0-9a-f]{8}\\.png\"");

        byte[] gif = java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
        assertThat(mvc.post().uri("/api/v1/insights/" + id + "/attachments").with(httpBasic("analyst", "secret"))
                .contentType(MediaType.IMAGE_GIF).content(gif).exchange()).hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.content.evidence[1].fileName").asString().endsWith(".gif");

        String unknown = "0190a6f2-0000-7000-8000-000000000000";
        assertThat(mvc.get().uri("/api/v1/insights/" + id + "/attachments/" + unknown).with(httpBasic("viewer", "secret"))
                .exchange()).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.detail")
                .isEqualTo("no attachment " + unknown + " on insight " + id);
        assertThat(mvc.get().uri("/api/v1/insights/" + id + "/attachments/anna@example.com").with(httpBasic("viewer", "secret"))
                .exchange()).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.detail").asString()
                .startsWith("no attachment on insight " + id + " has that id").doesNotContain("anna");
        assertThat(mvc.get().uri("/api/v1/insights/424242/attachments/" + unknown).with(httpBasic("viewer", "secret"))
                .exchange()).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.detail")
                .isEqualTo("no insight with id 424242");
    }

    @Test
    void letsOnlyAnalystsWriteAndNamesBadValues() {
        for (String user : new String[] {"viewer", "member", "ingest"}) {
            assertThat(send("POST", user, "/api/v1/insights", DRAFT)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(send("PUT", user, "/api/v1/teams/x", "{}")).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/api/v1/insights").with(httpBasic("ingest", "secret")).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        var bad = send("POST", "analyst", "/api/v1/insights", """
                {"title":"x","impact":{"occurrencesPerYear":10,"contactsPerOccurrence":1,"contactCost":1,"feesRefunded":0,
                 "lostPurchaseShare":0,"lostPurchaseValue":0,"shareRemoved":1.5}}""");
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail")
                .isEqualTo("shareRemoved must be between 0 and 1, was 1.5");
        assertThat(send("POST", "analyst", "/api/v1/insights", "{\"title\":\"x\",\"problemIds\":[424242]}"))
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.detail").isEqualTo("no problem with id 424242");
        assertThat(mvc.get().uri("/api/v1/insights/ranked?scoring=vibes").with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/insights?state=verified").with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(HttpStatus.OK).bodyJson().extractingPath("$").asArray().isEmpty();
        assertThat(mvc.get().uri("/api/v1/insights?state=done").with(httpBasic("viewer", "secret")).exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
