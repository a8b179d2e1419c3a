package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

/**
 * A page of another site cannot drive the API through a browser's cached credentials (issue 15, finding 7): what a
 * page can send without a CORS preflight (form-shaped bodies, bodies without a type, requests marked cross-site by
 * the browser) changes nothing, the 401 never asks a browser for a Basic password, and curl-style clients and
 * API tokens work as before.
 */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class CrossSiteApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}, {"ingest", "INGEST"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokens tokens;

    /** The review's request: a text/plain body a form can post (name "day,market,product,purchases\n…", value "1"). */
    static final String FORM_SHAPED_CSV = "day,market,product,purchases\n2025-05-01,SE,pay-later,1=1";

    static String signal(String sourceId) {
        return """
                {"source":"cross-site","sourceId":"%s","channel":"complaint","market":"SE","product":"pay-later",
                 "journeyStage":"invoice","receivedAt":"2025-12-07T09:30:00Z","language":"sv","text":"Fakturan kom aldrig"}"""
                .formatted(sourceId);
    }

    long purchases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM purchase_day", Long.class);
    }

    long signals(String sourceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'cross-site' AND source_id = ?", Long.class,
                sourceId);
    }

    @Test
    void refusesAFormShapedTextPlainPurchasesImportSentWithBasicCredentials() {
        long before = purchases();

        MvcTestResult result = mvc.post().uri("/api/v1/purchases/imports").with(httpBasic("ingest", "secret"))
                .contentType("text/plain;charset=UTF-8").content(FORM_SHAPED_CSV).exchange();

        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("text/plain", "cross-site");
        assertThat(purchases()).isEqualTo(before);
    }

    @Test
    void refusesEveryContentTypeAPageCanSendWithoutAPreflight() {
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
                "TEXT/PLAIN; charset=utf-8")) {
            assertThat(mvc.post().uri("/api/v1/alerts/evaluate").with(httpBasic("analyst", "secret")).contentType(type)
                    .content("a=b").exchange()).as(type).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Test
    void refusesABodyWithoutAContentType() {
        // without a type Spring would read it as application/octet-stream, which the CSV import takes
        MvcTestResult result = mvc.post().uri("/api/v1/imports?fileName=x.csv").with(httpBasic("analyst", "secret"))
                .content("source,sourceId,channel,market,product,journeyStage,receivedAt,language,text\n".getBytes(
                        StandardCharsets.UTF_8)).exchange();

        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("no Content-Type");
    }

    @Test
    void refusesARequestTheBrowserMarksAsCrossSiteEvenWithJson() {
        for (String site : List.of("cross-site", "same-site")) {
            MvcTestResult result = mvc.post().uri("/api/v1/signals").with(httpBasic("ingest", "secret"))
                    .header("Sec-Fetch-Site", site).contentType(MediaType.APPLICATION_JSON).content(signal("fetch-" + site))
                    .exchange();

            assertThat(result).as(site).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("Sec-Fetch-Site: " + site);
            assertThat(signals("fetch-" + site)).isZero();
        }
        assertThat(mvc.post().uri("/api/v1/signals").with(httpBasic("ingest", "secret")).header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_JSON).content(signal("fetch-same-origin")).exchange())
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void refusesAForeignOriginFromABrowserWithoutFetchMetadata() {
        for (String origin : List.of("https://evil.example", "null", "http://localhost:8081")) {
            MvcTestResult bodyless = mvc.post().uri("/api/v1/alerts/evaluate").with(httpBasic("analyst", "secret"))
                    .header("Host", "localhost:8080").header("Origin", origin).exchange();
            assertThat(bodyless).as(origin).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post().uri("/api/v1/signals").with(httpBasic("ingest", "secret")).header("Host", "localhost:8080")
                .header("Origin", "http://localhost:8080").contentType(MediaType.APPLICATION_JSON).content(signal("same-origin"))
                .exchange()).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void keepsCurlStyleRequestsWorking() {
        // curl -u analyst:… -X POST …/alerts/evaluate: no body, no type, no Origin
        assertThat(mvc.post().uri("/api/v1/alerts/evaluate").with(httpBasic("analyst", "secret")).exchange())
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.post().uri("/api/v1/signals").with(httpBasic("ingest", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(signal("curl")).exchange()).hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post().uri("/api/v1/purchases/imports").with(httpBasic("ingest", "secret")).contentType("text/csv")
                .content("day,market,product,purchases\n2025-06-01,SE,pay-later,10\n").exchange()).hasStatus(HttpStatus.OK);
    }

    @Test
    void exemptsRequestsAuthenticatedByAnApiToken() {
        // a browser never attaches a token by itself, and a page cannot add the header without a preflight
        String token = tokens.create(new ApiTokens.Spec("erp", List.of("INGEST"), 30), "admin").token();

        assertThat(mvc.post().uri("/api/v1/purchases/imports").header("Authorization", "Bearer " + token)
                .contentType("text/plain").content("day,market,product,purchases\n2025-07-01,SE,pay-later,10\n").exchange())
                .hasStatus(HttpStatus.OK);
    }

    @Test
    void neverAsksABrowserForABasicPassword() {
        MvcTestResult anonymous = mvc.get().uri("/api/v1/signals").header("Accept", "text/html").exchange();

        assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getResponse().getHeaders("WWW-Authenticate")).isNotEmpty()
                .noneMatch(h -> h.regionMatches(true, 0, "Basic", 0, 5));
    }
}
