package com.zeromission.problems.internal.web;

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

import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/** Problems over HTTP: roles, problem details that name what was wrong, and the operations end to end. */
@SpringBootTest(properties = {"zeromission.problems.scheduling=false", "zeromission.alarms.scheduling=false"})
@AutoConfigureMockMvc
class ProblemApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        String[][] users = {{"ingest", "INGEST"}, {"viewer", "VIEWER"}, {"member", "TEAM_MEMBER"}, {"analyst", "ANALYST"}};
        TestDatabases.useUsers(registry, users);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Problems problems;

    MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(httpBasic(user, "secret")).exchange();
    }

    MvcTestResult send(String method, String user, String uri, String json) {
        var request = method.equals("PUT") ? mvc.put() : mvc.post();
        return request.uri(uri).with(httpBasic(user, "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "" : json).exchange();
    }

    private long ingestAndGroup(String sourceId, String text) {
        assertThat(send("POST", "ingest", "/api/v1/signals", """
                {"source":"zendesk","sourceId":"%s","channel":"complaint","market":"SE","product":"pay-later",
                 "receivedAt":"2026-03-10T12:00:00Z","language":"en","text":"%s"}""".formatted(sourceId, text)))
                .hasStatus(HttpStatus.CREATED);
        problems.assignPending();
        var list = get("viewer", "/api/v1/problems?limit=500");
        assertThat(list).hasStatus(HttpStatus.OK);
        return problems.list(java.util.List.of(), 500).stream()
                .filter(p -> problems.details(ProblemId.of(p.id())).examples().stream().anyMatch(e -> e.text().equals(text)))
                .findFirst().orElseThrow().id();
    }

    @Test
    void showsAProblemToEveryReaderAndLetsOnlyAnalystsChangeIt() {
        long id = ingestAndGroup("api-1", "The invoice never arrived and now I got a reminder fee");

        for (String reader : new String[] {"viewer", "member", "analyst"}) {
            assertThat(get(reader, "/api/v1/problems/" + id)).hasStatus(HttpStatus.OK).bodyJson()
                    .extractingPath("$.problem.id").isEqualTo((int) id);
        }
        assertThat(get("ingest", "/api/v1/problems/" + id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/problems/" + id).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        for (String user : new String[] {"viewer", "member", "ingest"}) {
            assertThat(send("PUT", user, "/api/v1/problems/" + id + "/label", "{\"label\":\"Lost invoices\"}"))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(send("POST", user, "/api/v1/problems/consolidate", null)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(send("POST", user, "/api/v1/problems/" + id + "/resolve", null)).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(problems.get(ProblemId.of(id)).customLabel()).isNull();

        assertThat(send("PUT", "analyst", "/api/v1/problems/" + id + "/label", "{\"label\":\"Lost invoices\"}"))
                .hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.label").isEqualTo("Lost invoices");
        assertThat(send("PUT", "analyst", "/api/v1/problems/" + id + "/pin", "{\"pinned\":true}"))
                .hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.pinned").isEqualTo(true);
        assertThat(send("POST", "analyst", "/api/v1/problems/" + id + "/resolve", null))
                .hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.state").isEqualTo("RESOLVED");
        assertThat(get("viewer", "/api/v1/problems/" + id)).bodyJson().extractingPath("$.events[*].kind").asArray()
                .contains("RESOLVE", "PIN", "RENAME");
    }

    @Test
    void readsTheTopListsSortOrderInAnyCaseAndNamesItInTheAnswer() {
        assertThat(get("viewer", "/api/v1/problems/top?week=2026-W11&sort=Signals")).hasStatus(HttpStatus.OK)
                .bodyJson().extractingPath("$.sortedBy").isEqualTo("signals");
        assertThat(get("viewer", "/api/v1/problems/top?week=2026-W11")).hasStatus(HttpStatus.OK)
                .bodyJson().extractingPath("$.sortedBy").isEqualTo("complaints");
    }

    @Test
    void answersBadInputWithAProblemDetailThatNamesIt() throws Exception {
        long id = ingestAndGroup("api-2", "I returned the jacket three weeks ago and still no refund");

        MvcTestResult top = get("viewer", "/api/v1/problems/top?week=last-tuesday&sort=loudness&limit=0");
        assertThat(top).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(top).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("week", "limit", "sort");
        assertThat(top).bodyJson().extractingPath("$.errors[0].value").isEqualTo("last-tuesday");

        assertThat(get("viewer", "/api/v1/problems/987654")).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                .extractingPath("$.detail").isEqualTo("no problem with id 987654");
        MvcTestResult notANumber = get("viewer", "/api/v1/problems/anna.svensson@example.com");
        assertThat(notANumber).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(notANumber).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        assertThat(notANumber.getResponse().getContentAsString()).doesNotContain("anna.svensson").contains("[EMAIL]");
        assertThat(send("POST", "analyst", "/api/v1/problems/merges/999999/undo", null)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("viewer", "/api/v1/problems/top?week=2026-W11")).hasStatus(HttpStatus.OK).bodyJson()
                .extractingPath("$.weekStart").isEqualTo("2026-03-09");
        MvcTestResult self = send("POST", "analyst", "/api/v1/problems/" + id + "/merge", "{\"from\":[" + id + "]}");
        assertThat(self).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString().contains("into itself");
        assertThat(send("POST", "analyst", "/api/v1/problems/" + id + "/merge", "{\"from\":[]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(send("POST", "analyst", "/api/v1/problems/" + id + "/split", "{\"signalIds\":[\"not-an-id\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString().contains("not-an-id");
        assertThat(send("PUT", "analyst", "/api/v1/problems/" + id + "/pin", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(problems.get(ProblemId.of(id)).signals()).isEqualTo(1);
    }

    @Test
    void listsTheWeeksTopProblems() {
        ingestAndGroup("api-3", "The app crashes every time I try to log in");

        MvcTestResult top = get("viewer", "/api/v1/problems/top?week=2026-03-11&limit=5");
        assertThat(top).hasStatus(HttpStatus.OK);
        assertThat(top).bodyJson().extractingPath("$.week").isEqualTo("2026-W11");
        assertThat(top).bodyJson().extractingPath("$.problems[0].complaints").isEqualTo(1);
        assertThat(get("viewer", "/api/v1/problems/emerging?week=2026-03-11")).hasStatus(HttpStatus.OK);
        assertThat(get("viewer", "/api/v1/problems/regressions")).hasStatus(HttpStatus.OK);
    }
}
