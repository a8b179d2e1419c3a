package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zeromission.support.TestDatabases;

@SpringBootTest(properties = "zeromission.alarms.scheduling=false")
@AutoConfigureMockMvc
class ApiDocumentationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void theOpenApiDocumentNamesTheProductAndBothWaysToSignIn() {
        var doc = mvc.get().uri("/v3/api-docs").with(user("viewer").roles("VIEWER")).exchange();
        assertThat(doc).hasStatusOk();
        assertThat(doc).bodyJson().extractingPath("$.info.title").isEqualTo("zeromission API");
        assertThat(doc).bodyJson().extractingPath("$.components.securitySchemes.token.scheme").isEqualTo("bearer");
        assertThat(doc).bodyJson().extractingPath("$.paths['/api/v1/signals']").isNotNull();
    }

    @Test
    void documentsTheMergePatchOfEveryEditableResourceAndTheImpactDefaults() {
        var doc = mvc.get().uri("/v3/api-docs").with(user("viewer").roles("VIEWER")).exchange();
        for (String path : new String[] {"/api/v1/insights/{id}", "/api/v1/teams/{name}", "/api/v1/squads/{id}", "/api/v1/leaps/{id}"}) {
            assertThat(doc).bodyJson().extractingPath("$.paths['" + path + "'].patch.requestBody.content")
                    .asMap().containsOnlyKeys("application/merge-patch+json");
        }
        assertThat(doc).bodyJson().extractingPath("$.paths['/api/v1/insights/impact-defaults'].get.parameters[0].name")
                .isEqualTo("problems");
    }
}
