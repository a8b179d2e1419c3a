package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.intake.BackgroundImports;
import com.zeromission.support.TestDatabases;

/** The import page's upload endpoint without a browser: refusals and what they change (nothing). */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false"})
@AutoConfigureMockMvc
class ImportPageTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    BackgroundImports imports;

    static final String HEADER = "source,source_id,channel,market,product,received_at,text\n";

    @Test
    void startsAnImportAndAnswersWhereToFollowIt() {
        var result = mvc.post().uri("/imports?fileName=a.csv").with(user("analyst").roles("ANALYST")).with(csrf())
                .contentType("text/csv").content(HEADER + "t,ipt-1,complaint,SE,card,2026-11-20T10:00:00Z,The card was declined twice\n")
                .exchange();
        assertThat(result).hasStatus(201);
        assertThat(result).bodyJson().extractingPath("$.location").asString().matches("/imports/[0-9a-f-]{36}");
    }

    @Test
    void refusesAnEmptyFileSayingWhyAndRecordsNoImport() {
        int before = imports.recent(200).size();
        var result = mvc.post().uri("/imports?fileName=empty.csv").with(user("analyst").roles("ANALYST")).with(csrf())
                .contentType("text/csv").content("").exchange();
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("file is empty");
        assertThat(imports.recent(200)).hasSize(before);
    }

    @Test
    void refusesAnUploadWithoutTheCsrfToken() {
        var result = mvc.post().uri("/imports?fileName=a.csv").with(user("analyst").roles("ANALYST"))
                .contentType("text/csv").content(HEADER).exchange();
        assertThat(result).hasStatus(403);
    }

    @Test
    void refusesAViewersUpload() {
        var result = mvc.post().uri("/imports?fileName=a.csv").with(user("viewer").roles("VIEWER")).with(csrf())
                .contentType("text/csv").content(HEADER).exchange();
        assertThat(result).hasStatus(403);
    }
}
