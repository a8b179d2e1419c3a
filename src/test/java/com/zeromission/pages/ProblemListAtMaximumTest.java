package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * The problems page when the list reaches its maximum ({@link Problems#MAX_LIST}, as while the demo groups three
 * years of complaints): it says "of 500 or more", and is no error page (the count once reached the number formatter
 * as the text "500 or more": 500).
 */
@SpringBootTest(properties = {"zeromission.problems.scheduling=false", "zeromission.alarms.scheduling=false",
        "zeromission.insights.scheduling=false"})
@AutoConfigureMockMvc
class ProblemListAtMaximumTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"viewer", "VIEWER"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aListAtItsMaximumSaysOrMoreInsteadOfFailing() {
        var at = Timestamp.from(Instant.parse("2026-03-10T12:00:00Z"));
        // resolved problems as the grouper leaves them, written directly: grouping 500 distinct problems is not the point
        jdbc.batchUpdate("INSERT INTO problem (id, auto_label, state, pinned, signals, complaints, first_seen, last_seen, "
                + "created_at, resolved_at, since_resolved) VALUES (?, ?, 'resolved', FALSE, 1, 1, ?, ?, ?, ?, 0)",
                java.util.stream.IntStream.rangeClosed(1, Problems.MAX_LIST + 1)
                        .mapToObj(i -> new Object[] {1_000_000L + i, "invoice " + i, at, at, at, at}).toList());

        var page = mvc.get().uri("/problems?state=resolved").with(user("viewer").roles("VIEWER")).exchange();

        assertThat(page).hasStatus(HttpStatus.OK);
        assertThat(page).bodyText().contains("of " + Problems.MAX_LIST + " or more.");
    }
}
