package com.zeromission.problems.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * The signal search over HTTP: found signals with their problem, pages, and bad parameters answered with a 400
 * problem detail that names each parameter and its (masked) value, changing nothing.
 */
@SpringBootTest(properties = {"zeromission.problems.scheduling=false", "zeromission.alarms.scheduling=false"})
@AutoConfigureMockMvc
class SignalSearchApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        String[][] users = {{"ingest", "INGEST"}, {"viewer", "VIEWER"}, {"analyst", "ANALYST"}};
        TestDatabases.useUsers(registry, users);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Problems problems;
    @Autowired
    JdbcTemplate jdbc;

    MvcTestResult get(String user, String uri) {
        return mvc.get().uri(uri).with(httpBasic(user, "secret")).exchange();
    }

    private void ingest(String sourceId, String day, String text) {
        assertThat(mvc.post().uri("/api/v1/signals").with(httpBasic("ingest", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"source":"zendesk","sourceId":"%s","channel":"complaint","market":"SE","product":"search-api",
                         "journeyStage":"invoice","receivedAt":"%sT12:00:00Z","language":"sv","text":"%s"}"""
                        .formatted(sourceId, day, text)).exchange()).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void findsMaskedTextsNewestFirstWithTheirProblemAndPagesThroughAProblemsSignals() throws Exception {
        ingest("s-1", "2026-03-02", "Fakturan kom aldrig, ring mig på 070-123 45 67");
        ingest("s-2", "2026-03-03", "Fakturan kom aldrig, ring mig på 070-123 45 67");
        ingest("s-3", "2026-03-04", "Fakturan kom aldrig, ring mig på 070-123 45 67");
        problems.assignPending();

        var page = get("viewer", "/api/v1/signals/search?q=faktura&market=se&product=search-api&channel=complaint"
                + "&journeyStage=invoice&from=2026-03-01&to=2026-03-31&size=2");
        assertThat(page).hasStatus(HttpStatus.OK);
        assertThat(page).bodyJson().extractingPath("$.total").isEqualTo(3);
        assertThat(page).bodyJson().extractingPath("$.pages").isEqualTo(2);
        assertThat(page).bodyJson().extractingPath("$.signals.length()").isEqualTo(2);
        assertThat(page).bodyJson().extractingPath("$.signals[0].receivedAt").isEqualTo("2026-03-04T12:00:00Z");
        assertThat(page).bodyJson().extractingPath("$.signals[0].problemLabel").isNotNull();
        String body = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("070-123").contains("Fakturan kom aldrig");

        Number problem = jdbc.queryForObject("SELECT problem_id FROM signal_problem sp JOIN signal s ON s.id = sp.signal_id "
                + "WHERE s.source_id = 's-1'", Long.class);
        var ofProblem = get("viewer", "/api/v1/problems/" + problem + "/signals?page=2&size=2");
        assertThat(ofProblem).hasStatus(HttpStatus.OK);
        assertThat(ofProblem).bodyJson().extractingPath("$.total").isEqualTo(3);
        assertThat(ofProblem).bodyJson().extractingPath("$.signals.length()").isEqualTo(1);
        assertThat(ofProblem).bodyJson().extractingPath("$.signals[0].receivedAt").isEqualTo("2026-03-02T12:00:00Z");
        assertThat(get("viewer", "/api/v1/problems/987654321/signals")).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(get("ingest", "/api/v1/signals/search?q=faktura")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/signals/search?q=faktura").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreA400ThatNamesEachParameterAndItsMaskedValueAndChangesNothing() throws Exception {
        long signals = jdbc.queryForObject("SELECT COUNT(*) FROM signal", Long.class);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM problem_event", Long.class);

        var bad = get("analyst", "/api/v1/signals/search?q=invoice&market=anna.berg@example.com&channel=fax"
                + "&journeyStage=nowhere&from=2026-13-01&to=yesterday&problem=abc&page=0&size=500");
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(bad).bodyJson().extractingPath("$.title").isEqualTo("Invalid signal search");
        assertThat(bad).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("market", "channel",
                "journeyStage", "from", "to", "problem", "page", "size");
        assertThat(bad).bodyJson().extractingPath("$.errors[1].value").isEqualTo("fax");
        assertThat(bad).bodyJson().extractingPath("$.errors[3].value").isEqualTo("2026-13-01");
        String body = bad.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("anna.berg").contains("[EMAIL]");

        var reversed = get("viewer", "/api/v1/signals/search?from=2026-03-10&to=2026-03-01");
        assertThat(reversed).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(reversed).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
        assertThat(get("viewer", "/api/v1/signals/search?q=a+b+c+d+e+f+g+h+i+j+k")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
        assertThat(get("viewer", "/api/v1/problems/x/signals")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get("viewer", "/api/v1/problems/1/signals?size=0")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal", Long.class)).isEqualTo(signals);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem_event", Long.class)).isEqualTo(events);
    }
}
