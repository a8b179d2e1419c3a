package com.zeromission.metrics.internal.web;

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

/** CPM, purchases and targets over HTTP: roles, validation, and the figures end to end. */
@SpringBootTest
@AutoConfigureMockMvc
class MetricsApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var dir = TestDatabases.newDataDir();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(dir));
        String[][] users = {{"ingest", "INGEST"}, {"viewer", "VIEWER"}, {"analyst", "ANALYST"}, {"admin", "ADMIN"}};
        for (int i = 0; i < users.length; i++) {
            int n = i;
            registry.add("zeromission.security.users[" + i + "].name", () -> users[n][0]);
            registry.add("zeromission.security.users[" + i + "].password", () -> "{noop}secret");
            registry.add("zeromission.security.users[" + i + "].roles[0]", () -> users[n][1]);
        }
    }

    @Autowired
    MockMvcTester mvc;

    MvcTestResult put(String user, String uri, String json) {
        return mvc.put().uri(uri).with(httpBasic(user, "secret")).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(httpBasic(user, "secret")).exchange();
    }

    @Test
    void servesCpmFromPurchasesAndComplaints() {
        assertThat(put("ingest", "/api/v1/purchases", """
                {"source":"erp","purchases":[{"day":"2025-02-03","market":"se","product":"Pay-Later","purchases":1000000}]}"""))
                .hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.created").isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(mvc.post().uri("/api/v1/signals").with(httpBasic("ingest", "secret")).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"source":"zendesk","sourceId":"api-%d","channel":"complaint","market":"SE","product":"pay-later",
                             "receivedAt":"2025-02-03T12:00:00Z","text":"Fakturan kom aldrig"}""".formatted(i)).exchange())
                    .hasStatus(HttpStatus.CREATED);
        }
        MvcTestResult result = get("viewer", "/api/v1/cpm?period=month&from=2025-02-01&to=2025-02-28&by=market");
        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result).bodyJson().extractingPath("$.rows[0].label").isEqualTo("2025-02");
        assertThat(result).bodyJson().extractingPath("$.rows[0].market").isEqualTo("SE");
        assertThat(result).bodyJson().extractingPath("$.rows[0].complaints").isEqualTo(4);
        assertThat(result).bodyJson().extractingPath("$.rows[0].cpm").isEqualTo(4.0);
    }

    @Test
    void namesEveryBadParameter() {
        MvcTestResult result = get("viewer", "/api/v1/cpm?period=fortnight&from=yesterday&by=colour");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("period", "from", "by");
        MvcTestResult purchases = put("ingest", "/api/v1/purchases", """
                {"purchases":[{"day":"2025-13-01","market":"SE","product":"card","purchases":5},
                              {"day":"2025-01-01","market":"Sweden","product":"card","purchases":-1}]}""");
        assertThat(purchases).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(purchases).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("purchases[0].day", "purchases[1]");
    }

    @Test
    void letsOnlyAdminsSetTargetsAndReportsProgress() {
        assertThat(put("analyst", "/api/v1/targets/2025", "{\"cpm\": 36}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("admin", "/api/v1/targets/2025", "{\"cpm\": -1}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(put("admin", "/api/v1/targets/2025", "{\"market\": \"SE\", \"cpm\": 36}")).hasStatus(HttpStatus.OK);
        assertThat(get("viewer", "/api/v1/targets/2025")).bodyJson().extractingPath("$[0].scope.market").isEqualTo("SE");
        assertThat(get("viewer", "/api/v1/targets/2025/progress?market=SE&asOf=2025-02-28")).hasStatus(HttpStatus.OK)
                .bodyJson().extractingPath("$.summary").asString().contains("2025 (market SE)", "target of 36.0");
        assertThat(get("viewer", "/api/v1/targets/2024/progress")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/cpm").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(put("viewer", "/api/v1/purchases", "{\"purchases\":[]}")).hasStatus(HttpStatus.FORBIDDEN);
    }
}
