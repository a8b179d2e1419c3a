package com.zeromission.replay;

import static org.assertj.core.api.Assertions.assertThat;

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

import com.zeromission.support.TestDatabases;

/**
 * Sampling: with {@code zeromission.replay.sample-rate=0} no consenting visit is recorded: the start answers
 * {@code record: false} (200, no session id) and stores no session.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.text.embeddings.enabled=false",
        "zeromission.replay.allowed-origins=https://shop.example.com", "zeromission.replay.sample-rate=0",
        "zeromission.replay.scheduling=false"})
@AutoConfigureMockMvc
class ReplaySamplingTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSessionThatIsNotSampledIsToldNotToRecordAndNothingIsStored() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM replay_session", Long.class);
        var answer = mvc.post().uri("/api/v1/replay-sessions").contentType(MediaType.APPLICATION_JSON)
                .header("Origin", "https://shop.example.com")
                .content("{\"page\":\"https://shop.example.com/checkout\",\"consent\":true}").exchange();
        assertThat(answer).hasStatus(HttpStatus.OK);
        assertThat(answer).bodyJson().extractingPath("$.record").isEqualTo(false);
        assertThat(answer).bodyJson().doesNotHavePath("$.sessionId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM replay_session", Long.class)).isEqualTo(before);
    }
}
