package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/**
 * The body limits hold for bodies whose size is not declared: chunked transfer encoding, on a real server (MockMvc
 * always knows the length). The review stored a 20 MB whitespace-padded JSON sent chunked; here the limits are
 * small so the bodies are too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false",
        "zeromission.insights.scheduling=false", "zeromission.web.max-json-bytes=65536",
        "zeromission.import.max-upload-bytes=262144"})
class RequestBodyLimitTest {

    @DynamicPropertySource
    static void application(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}, {"ingest", "INGEST"}});
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Sends the body chunked: a publisher of unknown length makes the client use Transfer-Encoding: chunked. */
    HttpResponse<String> postChunked(String user, String path, String contentType, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static byte[] signal(String sourceId, int padding) {
        return ("{" + " ".repeat(padding) + """
                "source":"zendesk","sourceId":"%s","channel":"complaint","market":"SE","product":"pay-later",
                 "journeyStage":"invoice","receivedAt":"2026-01-07T09:30:00Z","language":"sv","text":"Fakturan kom aldrig"}"""
                .formatted(sourceId)).getBytes(StandardCharsets.UTF_8);
    }

    long signals(String sourceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source_id = ?", Long.class, sourceId);
    }

    @Test
    void refusesAChunkedJsonBodyOverTheLimitAndStoresNothing() throws Exception {
        var response = postChunked("ingest", "/api/v1/signals", "application/json", signal("chunked-big", 200_000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413", "at most 65536 bytes");
        assertThat(signals("chunked-big")).isZero();
    }

    @Test
    void acceptsAChunkedJsonBodyUnderTheLimit() throws Exception {
        var response = postChunked("ingest", "/api/v1/signals", "application/json", signal("chunked-small", 1_000));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(signals("chunked-small")).isOne();
    }

    @Test
    void refusesAChunkedPurchasesCsvOverTheLimitAndStoresNothing() throws Exception {
        var csv = new StringBuilder("day,market,product,purchases\n");
        for (int day = 0; csv.length() <= 70_000; day++) {
            csv.append(java.time.LocalDate.of(2020, 1, 1).plusDays(day)).append(",SE,pay-later,1000\n");
        }
        var response = postChunked("ingest", "/api/v1/purchases/imports?source=chunked", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 65536 bytes");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_day", Long.class)).isZero();
    }

    @Test
    void refusesAChunkedCsvImportOverTheUploadLimitAndStoresNothing() throws Exception {
        var csv = new StringBuilder("source,sourceId,channel,market,product,journeyStage,receivedAt,language,text\n");
        for (int i = 0; csv.length() <= 300_000; i++) {
            csv.append("helpdesk,big-").append(i).append(",complaint,SE,pay-later,invoice,2026-01-07T09:30:00Z,sv,")
                    .append("Fakturan kom aldrig och nu fick jag en påminnelseavgift\n");
        }
        var response = postChunked("analyst", "/api/v1/imports?fileName=big.csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 262144 bytes");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source_id LIKE 'big-%'", Long.class)).isZero();
    }

    @Test
    void refusesAChunkedScreenshotOverFiveMegabytes() throws Exception {
        byte[] png = new byte[(int) RequestSizeLimitFilter.MAX_ATTACHMENT_BYTES + 1024];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);

        var response = postChunked("analyst", "/api/v1/insights/1/attachments?fileName=big.png", "image/png", png);

        // refused for its size while read, before the insight is even looked up
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most " + RequestSizeLimitFilter.MAX_ATTACHMENT_BYTES + " bytes");
    }
}
