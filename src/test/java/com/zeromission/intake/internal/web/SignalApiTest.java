package com.zeromission.intake.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;

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

import com.zeromission.support.TestDatabases;

/** The REST intake as a client sees it: status codes, problem details, idempotency, roles. */
@SpringBootTest
@AutoConfigureMockMvc
class SignalApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var dir = TestDatabases.newDataDir();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(dir));
        registry.add("zeromission.security.users[0].name", () -> "ingest");
        registry.add("zeromission.security.users[0].password", () -> "{noop}secret");
        registry.add("zeromission.security.users[0].roles[0]", () -> "INGEST");
        registry.add("zeromission.security.users[1].name", () -> "viewer");
        registry.add("zeromission.security.users[1].password", () -> "{noop}secret");
        registry.add("zeromission.security.users[1].roles[0]", () -> "VIEWER");
        registry.add("zeromission.security.users[2].name", () -> "analyst");
        registry.add("zeromission.security.users[2].password", () -> "{noop}secret");
        registry.add("zeromission.security.users[2].roles[0]", () -> "ANALYST");
        registry.add("zeromission.web.max-json-bytes", () -> "65536");
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;

    static String body(String sourceId, String text) {
        return """
                {"source":"zendesk","sourceId":"%s","channel":"complaint","market":"SE","product":"pay-later",
                 "journeyStage":"invoice","receivedAt":"2026-01-07T09:30:00Z","language":"sv","text":"%s",
                 "customerId":"cust-1"}""".formatted(sourceId, text);
    }

    MvcTestResult post(String user, String json) {
        return mvc.post().uri("/api/v1/signals").with(httpBasic(user, "secret"))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    long stored(String sourceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'zendesk' AND source_id = ?", Long.class, sourceId);
    }

    @Test
    void createsASignalAndAnswersARetryWithTheFirstAnswer() throws Exception {
        MvcTestResult first = post("ingest", body("t-1", "Fakturan kom aldrig, ring mig på 070-123 45 67"));
        MvcTestResult retry = post("ingest", body("t-1", "Fakturan kom aldrig, ring mig på 070-123 45 67"));

        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(first).bodyJson().extractingPath("$.text").isEqualTo("Fakturan kom aldrig, ring mig på [PHONE]");
        assertThat(retry).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true");
        assertThat(retry.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(first.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(first.getResponse().getHeader("Location")).startsWith("/api/v1/signals/");
        assertThat(stored("t-1")).isEqualTo(1);
    }

    @Test
    void rejectsTheSameKeyWithAnotherBodyWith409AndKeepsTheFirst() {
        post("ingest", body("t-2", "first text"));

        MvcTestResult conflict = post("ingest", body("t-2", "another text"));

        assertThat(conflict).hasStatus(HttpStatus.CONFLICT);
        assertThat(conflict).bodyJson().extractingPath("$.detail").asString().contains("t-2", "different body");
        assertThat(jdbc.queryForObject("SELECT body FROM signal WHERE source_id = 't-2'", String.class)).isEqualTo("first text");
    }

    @Test
    void namesEveryBrokenFieldAndItsValue() throws Exception {
        String json = """
                {"source":"zendesk","sourceId":"t-3","channel":"complaynt","market":"XX","product":"pay-later",
                 "receivedAt":"yesterday","text":"   "}""";

        MvcTestResult result = post("ingest", json);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("channel", "market", "receivedAt", "text");
        assertThat(result).bodyJson().extractingPath("$.errors[0].value").isEqualTo("complaynt");
        assertThat(result).bodyJson().extractingPath("$.errors[1].reason").asString().contains("unknown market 'XX'");
        assertThat(stored("t-3")).isZero();
    }

    @Test
    void reportsMissingRequiredFields() throws Exception {
        MvcTestResult result = post("ingest", "{\"source\":\"zendesk\",\"text\":\"hej\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("sourceId", "channel", "market", "product", "receivedAt");
    }

    @Test
    void describesMalformedJsonByPositionWithoutEchoingTheBody() throws Exception {
        MvcTestResult result = post("ingest", "{\"source\":\"zendesk\", \"text\": anna@example.com }");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        String detail = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("not valid JSON", "line 1").doesNotContain("anna");
    }

    @Test
    void rejectsUnknownFieldsSoThatTyposAreNotSilentlyDropped() throws Exception {
        MvcTestResult result = post("ingest", body("t-4", "x").replace("\"receivedAt\"", "\"recievedAt\""));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("unknown field 'recievedAt'");
    }

    @Test
    void rejectsABodyThatIsNotUtf8() {
        byte[] latin1 = body("t-5", "P\u00e5minnelse").getBytes(StandardCharsets.ISO_8859_1);

        MvcTestResult result = mvc.post().uri("/api/v1/signals").with(httpBasic("ingest", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content(latin1).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("UTF-8");
        assertThat(stored("t-5")).isZero();
    }

    @Test
    void rejectsOversizeTextAndOversizeBodies() throws Exception {
        MvcTestResult longText = post("ingest", body("t-6", "a".repeat(10_001)));
        assertThat(longText).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(longText).bodyJson().extractingPath("$.errors[0].reason").asString().contains("10001 characters");

        MvcTestResult huge = post("ingest", body("t-7", "a".repeat(70_000)));
        assertThat(huge).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(stored("t-6") + stored("t-7")).isZero();
    }

    @Test
    void storesABatchAtomically() throws Exception {
        String ok = "[" + body("b-1", "one") + "," + body("b-2", "two") + "]";
        assertThat(mvc.post().uri("/api/v1/signals/batch").with(httpBasic("ingest", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content(ok).exchange()).hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.created").isEqualTo(2);

        String oneBad = "[" + body("b-3", "three") + "," + body("b-4", "four").replace("\"SE\"", "\"ZZ\"") + "]";
        MvcTestResult bad = mvc.post().uri("/api/v1/signals/batch").with(httpBasic("ingest", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content(oneBad).exchange();
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(bad).bodyJson().extractingPath("$.errors[0].field").isEqualTo("[1].market");

        String oneConflict = "[" + body("b-5", "five") + "," + body("b-1", "changed") + "]";
        assertThat(mvc.post().uri("/api/v1/signals/batch").with(httpBasic("ingest", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content(oneConflict).exchange()).hasStatus(HttpStatus.CONFLICT);
        assertThat(stored("b-3") + stored("b-4") + stored("b-5")).isZero();
    }

    @Test
    void refusesANullItemInABatchAsABadRequest() throws Exception {
        MvcTestResult nullItem = mvc.post().uri("/api/v1/signals/batch").with(httpBasic("ingest", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("[" + body("n-1", "one") + ",null]").exchange();
        assertThat(nullItem).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nullItem).bodyJson().extractingPath("$.errors[0].field").isEqualTo("[1].$");
        assertThat(stored("n-1")).isZero();
    }

    @Test
    void requiresCredentialsAndTheRightRole() throws Exception {
        assertThat(mvc.post().uri("/api/v1/signals").contentType(MediaType.APPLICATION_JSON).content(body("r-1", "x")).exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(post("viewer", body("r-1", "x"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/signals").with(httpBasic("viewer", "secret")).exchange()).hasStatus(HttpStatus.OK);
        assertThat(mvc.post().uri("/api/v1/imports").with(httpBasic("ingest", "secret")).contentType("text/csv")
                .content("x").exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("viewer", "secret")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(stored("r-1")).isZero();
    }

    @Test
    void answersMissingCredentialsAndWrongRolesAsProblemDetails() {
        MvcTestResult anonymous = mvc.get().uri("/api/v1/signals").exchange();
        assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("WWW-Authenticate", "Bearer realm=\"zeromission\"");
        assertThat(anonymous).bodyJson().extractingPath("$.detail").asString().contains("GET /api/v1/signals");
        MvcTestResult wrongRole = post("viewer", body("r-2", "x"));
        assertThat(wrongRole).hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(wrongRole).bodyJson().extractingPath("$.detail").asString().contains("POST /api/v1/signals");
    }

    @Test
    void namesAQueryParameterOfTheWrongType() {
        MvcTestResult result = mvc.get().uri("/api/v1/signals?limit=abc").with(httpBasic("viewer", "secret")).exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        assertThat(result).bodyJson().extractingPath("$.errors[0].value").isEqualTo("abc");
    }

    @Test
    void neverEchoesOrStoresPersonalDataSentInTheWrongField() throws Exception {
        String json = """
                {"source":"zendesk","sourceId":"anna.svensson@example.com","channel":"ring 070-123 45 67",
                 "market":"SE","product":"pay-later","receivedAt":"2026-01-07","text":"x"}""";
        MvcTestResult result = post("ingest", json);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("anna.svensson", "070-123").contains("[PHONE]", "looks like personal data (EMAIL)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source_id LIKE 'anna%'", Long.class)).isZero();
    }

    @Test
    void masksPercentEncodedPersonalDataInEvidenceLinks() {
        String json = """
                {"source":"zendesk","sourceId":"ev-1","channel":"complaint","market":"SE","product":"pay-later",
                 "receivedAt":"2026-01-07","text":"x","evidence":["https://replay.example/s?tel=%2B46701234567&m=anna%40example.se"]}""";
        MvcTestResult result = post("ingest", json);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("SELECT evidence FROM signal WHERE source_id = 'ev-1'", String.class))
                .doesNotContain("46701234567", "anna").contains("[PHONE]", "[EMAIL]");
    }

    @Test
    void importsAnUploadedCsvAndReportsRowErrors() throws Exception {
        String csv = """
                source_id,channel,market,product,received_at,text
                u-1,complaint,SE,pay-later,2026-01-07,Fakturan kom aldrig
                u-2,complaint,UK,pay-later,2026-01-07,Where is my refund
                """;
        MvcTestResult result = mvc.post().uri("/api/v1/imports?source=helpdesk&fileName=jan.csv")
                .with(httpBasic("analyst", "secret")).contentType("text/csv").content(csv).exchange();

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.created").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.errors[0].line").isEqualTo(3);
        assertThat(result).bodyJson().extractingPath("$.errors[0].column").isEqualTo("market");
        assertThat(result).bodyJson().extractingPath("$.errors[0].reason").asString().contains("GB");
    }

    @Test
    void refusesAnUploadWithAnUnknownHeaderAndWritesNothing() throws Exception {
        long importsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM signal_import", Long.class);
        long signalsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM signal", Long.class);

        MvcTestResult result = mvc.post().uri("/api/v1/imports").with(httpBasic("analyst", "secret"))
                .contentType("text/csv").content("foo,bar\n1,2\n").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("header not recognised");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal_import", Long.class)).isEqualTo(importsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal", Long.class)).isEqualTo(signalsBefore);
    }

    @Test
    void listsStoredSignalsNewestFirstWithACursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("ingest", body("l-" + i, "text " + i).replace("2026-01-07T09:30:00Z", "2026-02-0" + (i + 1) + "T09:30:00Z")
                    .replace("zendesk", "lister"));
        }
        MvcTestResult page1 = mvc.get().uri("/api/v1/signals?source=lister&limit=2").with(httpBasic("viewer", "secret")).exchange();
        assertThat(page1).bodyJson().extractingPath("$.signals[*].sourceId").asArray().containsExactly("l-2", "l-1");
        String next = com.jayway.jsonpath.JsonPath.read(page1.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.next");

        MvcTestResult page2 = mvc.get().uri("/api/v1/signals?source=lister&limit=2&cursor=" + next)
                .with(httpBasic("viewer", "secret")).exchange();
        assertThat(page2).bodyJson().extractingPath("$.signals[*].sourceId").asArray().containsExactly("l-0");
    }
}
