package com.zeromission.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import com.zeromission.cli.ZeromissionCli;
import com.zeromission.support.TestDatabases;

/**
 * One vocabulary at every entry point: the same bad market gets the same refusal, in {@link Market}'s own words, from
 * the API (JSON bodies and query parameters), the CSV imports (API and CLI), the public feedback form and the
 * dashboard; a good one is taken by all of them. (Kafka: {@code kafka.internal.MessagesTest}.)
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false"})
@AutoConfigureMockMvc
class OneVocabularyAtEveryEntryPointTest {

    /** What every entry point answers for UK: the United Kingdom's ISO 3166-1 code is GB. */
    static final String REFUSAL = catchThrowable(() -> Market.of("UK")).getMessage();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var dir = TestDatabases.newDataDir();
        registry.add("zeromission.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(dir));
        TestDatabases.useUsers(registry, new String[][] {{"ingest", "INGEST"}, {"viewer", "VIEWER"},
                {"analyst", "ANALYST"}, {"admin", "ADMIN"}});
    }

    @Autowired
    MockMvcTester mvc;

    @TempDir
    Path dir;

    MvcTestResult send(String method, String user, String uri, MediaType type, String body) {
        var request = switch (method) {
            case "POST" -> mvc.post();
            case "PUT" -> mvc.put();
            default -> mvc.get();
        };
        var r = request.uri(uri).with(httpBasic(user, "secret"));
        return body == null ? r.exchange() : r.contentType(type).content(body).exchange();
    }

    MvcTestResult json(String method, String user, String uri, String body) {
        return send(method, user, uri, MediaType.APPLICATION_JSON, body);
    }

    MvcTestResult csv(String user, String uri, String body) {
        return send("POST", user, uri, MediaType.parseMediaType("text/csv"), body);
    }

    String signal(String market) {
        return """
                {"source":"vocab","sourceId":"%s","channel":"complaint","market":"%s","product":"pay-later",
                 "receivedAt":"2025-02-03T12:00:00Z","text":"The invoice never arrived"}""".formatted(UUID.randomUUID(), market);
    }

    @Test
    void refusalNamesTheValueAndTheIsoCodeOfTheUnitedKingdom() {
        assertThat(REFUSAL).isEqualTo("unknown market 'UK'; the ISO 3166-1 code for the United Kingdom is GB");
    }

    @Test
    void theApiRefusesUkWithTheSameReasonInBodiesAndQueryParameters() {
        // a JSON body
        assertRefused(json("POST", "ingest", "/api/v1/signals", signal("UK")), "market");
        assertRefused(json("PUT", "ingest", "/api/v1/purchases", """
                {"purchases":[{"day":"2025-02-03","market":"UK","product":"card","purchases":5}]}"""), "purchases[0].market");
        assertRefused(json("PUT", "admin", "/api/v1/targets/2025", "{\"market\":\"UK\",\"cpm\":20}"), "market");
        // query parameters
        assertRefused(json("GET", "viewer", "/api/v1/signals?market=UK", null), "market");
        assertRefused(json("GET", "viewer", "/api/v1/signals/search?market=UK", null), "market");
        assertRefused(json("GET", "viewer", "/api/v1/cpm?market=UK", null), "market");
        assertRefused(json("GET", "viewer", "/api/v1/targets/2025/progress?market=UK", null), "market");
        // a body whose controller answers a refused value as a whole (no per-field list)
        var scenario = json("POST", "analyst", "/api/v1/mystery/scenarios", "{\"name\":\"UK online\",\"market\":\"UK\","
                + "\"mode\":\"online\",\"checkout\":\"web\",\"payment\":\"pay-later\",\"card\":\"none\"}");
        assertThat(scenario).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
                .contains(REFUSAL);
        assertThat(json("GET", "analyst", "/api/v1/complaint-cases?market=UK", null)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains(REFUSAL);
    }

    @Test
    void theApiTakesGbEverywhereItRefusesUk() {
        assertThat(json("POST", "ingest", "/api/v1/signals", signal("GB"))).hasStatus(HttpStatus.CREATED);
        assertThat(json("PUT", "ingest", "/api/v1/purchases", """
                {"purchases":[{"day":"2025-02-03","market":"GB","product":"card","purchases":5}]}""")).hasStatus(HttpStatus.OK);
        assertThat(json("PUT", "admin", "/api/v1/targets/2025", "{\"market\":\"GB\",\"cpm\":20}")).hasStatus(HttpStatus.OK);
        assertThat(json("GET", "viewer", "/api/v1/signals?market=GB", null)).hasStatus(HttpStatus.OK);
        assertThat(json("GET", "viewer", "/api/v1/signals/search?market=GB", null)).hasStatus(HttpStatus.OK);
        assertThat(json("GET", "viewer", "/api/v1/cpm?market=GB", null)).hasStatus(HttpStatus.OK);
        assertThat(json("GET", "viewer", "/api/v1/targets/2025/progress?market=GB", null)).hasStatus(HttpStatus.OK);
        assertThat(json("POST", "analyst", "/api/v1/mystery/scenarios", "{\"name\":\"GB online\",\"market\":\"GB\","
                + "\"mode\":\"online\",\"checkout\":\"web\",\"payment\":\"pay-later\",\"card\":\"none\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(json("GET", "analyst", "/api/v1/complaint-cases?market=GB", null)).hasStatus(HttpStatus.OK);
    }

    @Test
    void csvImportsRejectAUkRowWithTheSameReasonAndTakeAGbRow() {
        var signals = csv("analyst", "/api/v1/imports?fileName=vocab.csv", "source,source_id,channel,market,product,received_at,language,text\n"
                + "vocab-csv,uk-1,complaint,UK,card,2025-02-03T12:00:00Z,en,The card was declined\n"
                + "vocab-csv,gb-1,complaint,GB,card,2025-02-03T12:00:00Z,en,The card was declined\n");
        assertThat(signals).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.created").isEqualTo(1);
        assertThat(signals).bodyJson().extractingPath("$.errors[0].reason").asString().contains(REFUSAL);

        var purchases = csv("ingest", "/api/v1/purchases/imports", "day,market,product,purchases\n"
                + "2025-02-03,UK,card,5\n2025-02-03,GB,card,5\n");
        assertThat(purchases).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.rejected").isEqualTo(1);
        assertThat(purchases).bodyJson().extractingPath("$.errors[0].reason").isEqualTo(REFUSAL);
    }

    @Test
    void theCliImportRejectsAUkRowWithTheSameReasonAndTakesAGbRow() throws IOException {
        Path file = dir.resolve("purchases.csv");
        Files.writeString(file, "day,market,product,purchases\n2025-02-03,UK,card,5\n2025-02-03,GB,card,5\n");
        int exit = ZeromissionCli.run("purchases", "import", file.toString(), "--new-database",
                "--zeromission.data-dir=" + dir.resolve("data"));
        assertThat(exit).as("1: some rows were rejected").isEqualTo(1);
        assertThat(Files.readString(dir.resolve("purchases.csv.errors.csv"))).contains(REFUSAL).doesNotContain(",GB,");
    }

    @Test
    void theFeedbackFormRefusesUkWithTheSameReasonAndTakesGb() throws Exception {
        var refused = form("UK");
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(HtmlUtils.htmlUnescape(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)))
                .contains("Please choose a country from the list. (" + REFUSAL + ")");
        assertThat(form("GB")).hasStatus(HttpStatus.FOUND);
        // a market the form does not list is still a market: the form takes what every other entry point takes
        assertThat(form("FR")).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void theDashboardRefusesUkWithTheSameReason() throws Exception {
        var page = mvc.get().uri("/?market=UK").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(HtmlUtils.htmlUnescape(page.getResponse().getContentAsString())).contains(REFUSAL);
    }

    MvcTestResult form(String market) {
        return mvc.post().uri("/feedback?lang=en").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("message", "The invoice never arrived at all").param("market", market).param("product", "pay-later")
                .with(r -> {
                    r.setRemoteAddr("10.1.0." + market.charAt(0));
                    return r;
                }).with(csrf()).exchange();
    }

    /** A 400 whose errors name the field and give the vocabulary's reason word for word. */
    static void assertRefused(MvcTestResult result, String field) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == '" + field + "')].reason").asArray()
                .containsExactly(REFUSAL);
    }
}
