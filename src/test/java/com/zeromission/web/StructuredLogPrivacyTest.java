package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.json.JsonMapper;

import com.zeromission.support.TestDatabases;

/**
 * The logs are a second copy of whatever they mention, kept longer and read by more people than the database: with
 * structured (ECS JSON) logs on, as a log shipper would read them, nothing a customer wrote may appear in them,
 * neither on the happy path nor when a request is refused. The capture covers the whole application start too, so
 * every line of the log, not just the test's own, must be JSON.
 */
@SpringBootTest(properties = {"logging.structured.format.console=ecs", "spring.main.banner-mode=off",
        "zeromission.alarms.scheduling=false", "zeromission.web.max-json-bytes=65536"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogPrivacyTest {

    static final String EMAIL = "anna.svensson@example.com";
    static final String PHONE = "070-123 45 67";
    static final String PERSONNUMMER = "811218-9876";
    static final String IBAN = "SE45 5000 0000 0583 9825 7466";
    static final String PERSONAL = "Mejla " + EMAIL + " eller ring " + PHONE + ", personnummer " + PERSONNUMMER
            + ", återbetala till " + IBAN;
    /** Each value as written and in the shapes a log line might normalise it to. */
    static final List<String> RAW = List.of(EMAIL, "anna.svensson", PHONE, "0701234567", PERSONNUMMER, "8112189876",
            IBAN, IBAN.replace(" ", ""), "0583 9825 7466");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"ingest", "INGEST"}, {"analyst", "ANALYST"}});
    }

    /**
     * Spring Boot configures logging once per JVM: a context started after another one in the same test JVM keeps
     * the first one's (plain text) format. Marking the logging system uninitialised makes this test's context
     * configure it, with the structured format; afterwards the next new context configures it again for itself.
     */
    @BeforeAll
    @AfterAll
    static void letTheNextContextConfigureLogging() {
        LoggingSystem.get(StructuredLogPrivacyTest.class.getClassLoader()).cleanUp();
    }

    @Autowired
    MockMvcTester mvc;

    static String signal(String sourceId, String channel, String market, String text) {
        return """
                {"source":"zendesk","sourceId":"%s","channel":"%s","market":"%s","product":"pay-later",
                 "journeyStage":"invoice","receivedAt":"2026-01-07T09:30:00Z","language":"sv","text":"%s",
                 "customerId":"%s"}""".formatted(sourceId, channel, market, text, EMAIL);
    }

    MvcTestResult post(String path, String json) {
        return mvc.post().uri(path).with(httpBasic("ingest", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    @Test
    void logsNoPersonalDataWhileIngestingAndRefusingSignals(CapturedOutput output) {
        assertThat(post("/api/v1/signals", signal("log-1", "complaint", "SE", PERSONAL))).hasStatus(HttpStatus.CREATED);
        assertThat(post("/api/v1/signals/batch", "[" + signal("log-2", "feedback-form", "SE", PERSONAL) + "]"))
                .hasStatus(HttpStatus.CREATED);
        // refused: the broken values themselves are personal data
        assertThat(post("/api/v1/signals", signal("log-3", EMAIL, PHONE, PERSONAL))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/v1/signals", signal(PERSONNUMMER, "complaint", "SE", PERSONAL.repeat(200))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/v1/signals/batch", "[" + signal("log-4", "complaint", "SE", PERSONAL) + ","
                + signal("log-5", "complaynt", IBAN, PERSONAL) + "]")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/v1/signals", signal("log-6", "complaint", "SE", PERSONAL.repeat(1_000))))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(post("/api/v1/signals", "{\"source\":\"zendesk\", \"text\": " + PERSONAL + " }"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/v1/signals", "{\"source\":\"zendesk\", \"" + EMAIL + "\": \"" + IBAN + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        String csv = "source_id,channel,market,product,received_at,text,customer_id\n"
                + "c-1,complaint,SE,pay-later,2026-01-07,\"" + PERSONAL + "\"," + EMAIL + "\n"
                + "c-2,complaint,UK,pay-later," + PERSONNUMMER + ",\"" + PERSONAL + "\"," + PHONE + "\n"
                + "c-3,\"" + IBAN + "\",SE,pay-later,2026-01-07,\"" + PERSONAL + "\",\n";
        MvcTestResult imported = mvc.post().uri("/api/v1/imports?source=helpdesk&fileName=" + EMAIL + ".csv")
                .with(httpBasic("analyst", "secret")).contentType("text/csv").content(csv).exchange();
        assertThat(imported).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.rejected").isEqualTo(2);

        String all = output.getAll();
        assertThat(all).as("the capture saw the application log").contains("\"@timestamp\"", "SignalImporter");
        for (String raw : RAW) {
            assertThat(all).as("captured output must not contain '" + raw + "'").doesNotContain(raw);
        }
        var json = JsonMapper.builder().build();
        // the log goes to standard out; standard error has the JVM's and Mockito's own warnings about agents
        for (String line : output.getOut().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                assertThat(json.readTree(line).isObject()).as(line).isTrue();
            } catch (tools.jackson.core.JacksonException e) {
                fail("not a JSON log line: " + line);
            }
        }
    }
}
