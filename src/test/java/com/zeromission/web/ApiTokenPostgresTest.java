package com.zeromission.web;

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

import com.jayway.jsonpath.JsonPath;
import com.zeromission.support.TestDatabases;

/** The API token table on PostgreSQL, through the same migration as the embedded default: create, use, revoke. */
@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class ApiTokenPostgresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
        TestDatabases.useUsers(registry, new String[][] {{"admin", "ADMIN"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsUsesAndRevokesATokenOnPostgres() throws Exception {
        String answer = mvc.post().uri("/api/v1/tokens").with(httpBasic("admin", "secret"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"pg-client\",\"roles\":[\"VIEWER\"],\"expiresInDays\":7}").exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String token = JsonPath.read(answer, "$.token");
        Number id = JsonPath.read(answer, "$.id");

        assertThat(mvc.get().uri("/api/v1/signals/summary").header("Authorization", "Bearer " + token).exchange())
                .hasStatus(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT last_used_at IS NOT NULL AND expires_at > created_at FROM api_token "
                + "WHERE id = ?", Boolean.class, id.longValue())).isTrue();
        assertThat(mvc.delete().uri("/api/v1/tokens/" + id).with(httpBasic("admin", "secret")).exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/signals/summary").header("Authorization", "Bearer " + token).exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // the hash is unique: the same token cannot be stored twice
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'api_token' "
                + "AND indexdef LIKE '%UNIQUE%token_hash%'", Long.class)).isEqualTo(1);
    }
}
