package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;
import com.zeromission.alarms.TestClock;
import com.zeromission.alarms.TestClockConfiguration;
import com.zeromission.support.TestDatabases;

/** API tokens as an admin and a machine client see them: created once, used as Bearer, refused when revoked or expired. */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class ApiTokenTest {

    static final String[][] USERS = {{"admin", "ADMIN"}, {"analyst", "ANALYST"}, {"ingest", "INGEST"}};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, USERS);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    static String signal(String sourceId) {
        return """
                {"source":"token-test","sourceId":"%s","channel":"complaint","market":"SE","product":"pay-later",
                 "journeyStage":"invoice","receivedAt":"2025-12-07T09:30:00Z","language":"sv","text":"Fakturan kom aldrig"}"""
                .formatted(sourceId);
    }

    MvcTestResult create(String user, String json) {
        return mvc.post().uri("/api/v1/tokens").with(httpBasic(user, "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    /** Creates a token as the admin and returns it. */
    String token(String json) throws Exception {
        MvcTestResult created = create("admin", json);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token");
    }

    long id(String token) {
        return jdbc.queryForObject("SELECT id FROM api_token WHERE token_hash = ?", Long.class, ApiTokens.hash(token));
    }

    MvcTestResult submit(String token, String sourceId) {
        return mvc.post().uri("/api/v1/signals").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(signal(sourceId)).exchange();
    }

    @Test
    void anIngestTokenCanSubmitASignalButNotReadProblems() throws Exception {
        String token = token("{\"name\":\"zendesk-sync\",\"roles\":[\"INGEST\"]}");

        assertThat(submit(token, "ingest-1")).hasStatus(HttpStatus.CREATED);
        assertThat(mvc.get().uri("/api/v1/problems").header("Authorization", "Bearer " + token).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + token).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        // the use is recorded, so an admin can see which tokens are still in use before revoking one
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE name = 'zendesk-sync' AND last_used_at IS NOT NULL",
                Long.class)).isEqualTo(1);
    }

    @Test
    void aPrometheusScraperReadsTheMetricsWithAnAdminTokenAndAViewerTokenIsRefused() throws Exception {
        String scraper = token("{\"name\":\"prometheus\",\"roles\":[\"ADMIN\"]}");
        String viewer = token("{\"name\":\"wallboard\",\"roles\":[\"VIEWER\"]}");

        assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + scraper).exchange())
                .hasStatus(HttpStatus.OK).bodyText().contains("jvm_memory_used_bytes");
        assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + viewer).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTokenWithAdminRoleManagesTokensItself() throws Exception {
        String token = token("{\"name\":\"provisioning\",\"roles\":[\"ADMIN\"]}");

        MvcTestResult list = mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + token).exchange();

        assertThat(list).hasStatus(HttpStatus.OK);
        MvcTestResult another = mvc.post().uri("/api/v1/tokens").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"child\",\"roles\":[\"VIEWER\"]}").exchange();
        assertThat(another).hasStatus(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("SELECT created_by FROM api_token WHERE name = 'child'", String.class))
                .isEqualTo("token:provisioning");
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        String token = token("{\"name\":\"to-revoke\",\"roles\":[\"INGEST\"]}");
        assertThat(submit(token, "revoke-1")).hasStatus(HttpStatus.CREATED);

        assertThat(mvc.delete().uri("/api/v1/tokens/" + id(token)).with(httpBasic("admin", "secret")).exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        MvcTestResult refused = submit(token, "revoke-2");

        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("revoked");
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(token.substring(3));
        assertThat(refused.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token")
                .doesNotContain(token.substring(3));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source_id = 'revoke-2'", Long.class)).isZero();
        // revoking twice is not an error and not a second entry in the trail
        assertThat(mvc.delete().uri("/api/v1/tokens/" + id(token)).with(httpBasic("admin", "secret")).exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'token.revoked' "
                + "AND subject LIKE '%(to-revoke)'", Long.class)).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = token("{\"name\":\"short-lived\",\"roles\":[\"INGEST\"],\"expiresInDays\":1}");
        assertThat(submit(token, "expire-1")).hasStatus(HttpStatus.CREATED);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        MvcTestResult refused = submit(token, "expire-2");

        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("expired");
    }

    @Test
    void aTokenCreatedWithoutALifetimeExpiresAfterTheDefaultNinetyDays() throws Exception {
        MvcTestResult created = create("admin", "{\"name\":\"no-lifetime\",\"roles\":[\"INGEST\"]}");
        String token = JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token");
        String expected = clock.instant().plus(Duration.ofDays(90)).toString();

        assertThat(created).bodyJson().extractingPath("$.expiresAt").isEqualTo(expected);
        assertThat(mvc.get().uri("/api/v1/tokens").with(httpBasic("admin", "secret")).exchange()).bodyJson()
                .extractingPath("$[?(@.name == 'no-lifetime')].expiresAt").asArray().containsExactly(expected);
        clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(submit(token, "default-1")).hasStatus(HttpStatus.CREATED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(submit(token, "default-2")).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson()
                .extractingPath("$.detail").asString().contains("expired at " + expected);
    }

    @Test
    void acceptsAnExplicitExpiryWithinTheMaximumAndRefusesOneBeyondIt() throws Exception {
        String inTenDays = clock.instant().plus(Duration.ofDays(10)).toString();
        assertThat(create("admin", "{\"name\":\"until\",\"roles\":[\"INGEST\"],\"expiresAt\":\"" + inTenDays + "\"}"))
                .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.expiresAt").isEqualTo(inTenDays);
        assertThat(create("admin", "{\"name\":\"year\",\"roles\":[\"INGEST\"],\"expiresInDays\":365}"))
                .hasStatus(HttpStatus.CREATED);

        String beyond = clock.instant().plus(Duration.ofDays(366)).toString();
        assertThat(create("admin", "{\"name\":\"too-long\",\"roles\":[\"INGEST\"],\"expiresAt\":\"" + beyond + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
                .contains("at most 365 days", beyond);
        assertThat(create("admin", "{\"name\":\"too-long\",\"roles\":[\"INGEST\"],\"expiresInDays\":3650}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString().contains("at most 365 days");
        String past = clock.instant().minusSeconds(1).toString();
        assertThat(create("admin", "{\"name\":\"too-long\",\"roles\":[\"INGEST\"],\"expiresAt\":\"" + past + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString().contains("in the future");
        assertThat(create("admin", "{\"name\":\"too-long\",\"roles\":[\"INGEST\"],\"expiresInDays\":5,\"expiresAt\":\""
                + inTenDays + "\"}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString()
                .contains("not both");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE name = 'too-long'", Long.class)).isZero();
    }

    @Test
    void refusesAnUnknownTokenWithoutEchoingIt() throws Exception {
        MvcTestResult refused = submit("zm_nobody-has-this-token-00000000000000000000", "unknown-1");

        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("not known")
                .doesNotContain("nobody-has-this-token");
    }

    @Test
    void theTokenIsShownOnceAndNeverListed() throws Exception {
        MvcTestResult created = create("admin", "{\"name\":\"nightly-export\",\"roles\":[\"VIEWER\",\"INGEST\",\"VIEWER\"],"
                + "\"expiresInDays\":30}");
        String answer = created.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String token = JsonPath.read(answer, "$.token");

        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(token).startsWith("zm_").hasSize(3 + 43);
        assertThat(created).bodyJson().extractingPath("$.prefix").isEqualTo(token.substring(3, 11));
        assertThat(created).bodyJson().extractingPath("$.roles").asArray().containsExactly("VIEWER", "INGEST");
        assertThat(created).bodyJson().extractingPath("$.expiresAt").isEqualTo(clock.instant().plus(Duration.ofDays(30)).toString());

        String list = mvc.get().uri("/api/v1/tokens").with(httpBasic("admin", "secret")).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("nightly-export", token.substring(3, 11)).doesNotContain(token.substring(3))
                .doesNotContain("\"token\"").doesNotContain(ApiTokens.hash(token));
        // only the hash is stored, and the audit trail has neither
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", Long.class, ApiTokens.hash(token)))
                .isEqualTo(1);
        String audit = mvc.get().uri("/api/v1/audit").with(httpBasic("admin", "secret")).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(audit).contains("token.created", "nightly-export").doesNotContain(token.substring(3))
                .doesNotContain(ApiTokens.hash(token));
    }

    @Test
    void onlyAnAdminManagesTokens() throws Exception {
        String body = "{\"name\":\"x\",\"roles\":[\"INGEST\"]}";
        for (String user : new String[] {"analyst", "ingest"}) {
            assertThat(create(user, body)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/api/v1/tokens").with(httpBasic(user, "secret")).exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.delete().uri("/api/v1/tokens/1").with(httpBasic(user, "secret")).exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        MvcTestResult anonymous = mvc.get().uri("/api/v1/tokens").exchange();
        assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED);
        // Bearer only: a Basic challenge would make browsers ask for, and then cache, a password (issue 15, finding 7)
        assertThat(anonymous.getResponse().getHeaders("WWW-Authenticate")).noneMatch(h -> h.startsWith("Basic"))
                .anyMatch(h -> h.startsWith("Bearer"));
        assertThat(mvc.delete().uri("/api/v1/tokens/999999").with(httpBasic("admin", "secret")).exchange())
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.detail").asString().contains("999999");
    }

    @Test
    void refusesATokenWithAnUnknownRole() throws Exception {
        MvcTestResult result = create("admin", "{\"name\":\"typo\",\"roles\":[\"INGEST\",\"SUPERUSER\"]}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("unknown role 'SUPERUSER'", "INGEST");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE name = 'typo'", Long.class)).isZero();
    }

    @Test
    void refusesAnEmptyOrOverlongNameAndAnImpossibleLifetime() throws Exception {
        assertThat(create("admin", "{\"name\":\"  \",\"roles\":[\"INGEST\"]}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("name must not be empty");
        assertThat(create("admin", "{\"name\":\"" + "n".repeat(101) + "\",\"roles\":[\"INGEST\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString().contains("at most 100", "101");
        assertThat(create("admin", "{\"name\":\"ok\",\"roles\":[],\"expiresInDays\":0}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors").asArray().hasSize(2);
    }

    @Test
    void recordsTheLastUseAtMostOnceAMinute() throws Exception {
        String token = token("{\"name\":\"busy\",\"roles\":[\"INGEST\"]}");
        assertThat(submit(token, "busy-1")).hasStatus(HttpStatus.CREATED);
        var first = jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE name = 'busy'", java.time.OffsetDateTime.class);

        clock.advance(Duration.ofSeconds(30));
        submit(token, "busy-2");
        var unchanged = jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE name = 'busy'", java.time.OffsetDateTime.class);
        clock.advance(Duration.ofSeconds(31));
        submit(token, "busy-3");
        var later = jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE name = 'busy'", java.time.OffsetDateTime.class);

        assertThat(first.toInstant()).isEqualTo(clock.instant().minusSeconds(61));
        assertThat(unchanged).isEqualTo(first);
        assertThat(later.toInstant()).isEqualTo(clock.instant());
    }
}
