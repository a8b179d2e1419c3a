package com.zeromission.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.zeromission.alarms.TestClock;
import com.zeromission.intake.SignalId;
import com.zeromission.problems.Problems;
import com.zeromission.problems.internal.ReplayedSignals;
import com.zeromission.replay.internal.ReplayLifecycle;

/**
 * What session replay promises over HTTP and in the database, on every supported database (see the subclasses): the
 * public ingestion (gzip, idempotent seq, size and rate limits, unknown and expired sessions, unmasked input refused
 * with nothing stored, CORS, no cookies), retention, erasure by customer and by signal, the audit entry on watching,
 * and who may read. Limits are set low here so that tests reach them quickly. Every test starts its own sessions.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false", "zeromission.text.embeddings.enabled=false",
        "zeromission.replay.allowed-origins=https://shop.example.com,https://busy.example.com:8443",
        "zeromission.replay.max-batch-bytes=4096", "zeromission.replay.max-batch-json-bytes=65536",
        "zeromission.replay.session-batches=5", "zeromission.replay.origin-batches=12",
        "zeromission.replay.scheduling=false"})
@AutoConfigureMockMvc
@Import(ReplayContract.ClockConfiguration.class)
abstract class ReplayContract {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock replayClock() {
            return CLOCK;
        }
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Replays replays;
    @Autowired
    Problems problems;
    @Autowired
    ReplayedSignals replayedSignals;
    @Autowired
    ReplayLifecycle lifecycle;

    static final String SNAPSHOT = """
            [{"type":4,"timestamp":1000,"data":{"href":"https://shop.example.com/checkout?order=991","width":1280,"height":800}},
             {"type":2,"timestamp":1010,"data":{"node":{"type":0,"id":1,"childNodes":[{"type":2,"id":2,"tagName":"input",
               "attributes":{"type":"text","value":"****"},"childNodes":[]}]}}},
             {"type":3,"timestamp":2000,"data":{"source":2,"type":2,"id":2,"x":10,"y":20}},
             {"type":3,"timestamp":2500,"data":{"source":5,"id":2,"text":"*******","isChecked":false}},
             {"type":5,"timestamp":3000,"data":{"tag":"zm-error","payload":{"text":"Payment failed for anna.svensson@example.com"}}}]""";

    /** Starts a session for a page of {@code origin} (sent as Origin when {@code asBrowser}); its id. */
    String start(String origin, boolean asBrowser, String customerId) throws Exception {
        var answer = startRequest(origin, asBrowser, customerId);
        assertThat(answer).hasStatus(HttpStatus.CREATED);
        return json.readTree(answer.getResponse().getContentAsString()).path("sessionId").asString();
    }

    MvcTestResult startRequest(String origin, boolean asBrowser, String customerId) {
        String body = "{\"page\":\"" + origin + "/checkout\",\"consent\":true"
                + (customerId == null ? "" : ",\"customerId\":\"" + customerId + "\"") + "}";
        var request = mvc.post().uri("/api/v1/replay-sessions").contentType(MediaType.APPLICATION_JSON).content(body);
        if (asBrowser) {
            request.header("Origin", origin);
        }
        return request.exchange();
    }

    MvcTestResult send(String session, int seq, String events, boolean gzip) throws IOException {
        byte[] body = ("{\"seq\":" + seq + ",\"events\":" + events + "}").getBytes(StandardCharsets.UTF_8);
        var request = mvc.post().uri("/api/v1/replay-sessions/" + session + "/events").contentType(MediaType.APPLICATION_JSON);
        if (gzip) {
            request.header("Content-Encoding", "gzip").content(gzip(body));
        } else {
            request.content(body);
        }
        return request.exchange();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    long rows(String table, String column, Object value) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Long.class, value);
    }

    /** Rows about this session in every replay table. */
    long everything(String session) {
        UUID id = UUID.fromString(session);
        return rows("replay_session", "id", id) + rows("replay_chunk", "session_id", id) + rows("replay_signal", "session_id", id);
    }

    @Test
    void storesGzippedBatchesMaskedAndEachSeqOnceWithoutLoginOrCookies() throws Exception {
        var started = startRequest("http://localhost", false, null);
        assertThat(started).hasStatus(HttpStatus.CREATED);
        assertThat(started.getResponse().getHeaders("Set-Cookie")).isEmpty();
        JsonNode answer = json.readTree(started.getResponse().getContentAsString());
        assertThat(answer.path("record").asBoolean()).isTrue();
        assertThat(answer.path("flushMillis").asInt()).isEqualTo(5000);
        assertThat(answer.path("maxBatchBytes").asLong()).isEqualTo(4096);
        // the JSON a gzipped batch may hold: the decompressed limit (65,536 here) but at most four times the body's
        assertThat(answer.path("maxBatchJsonBytes").asLong()).isEqualTo(4 * 4096);
        String session = answer.path("sessionId").asString();

        var first = send(session, 0, SNAPSHOT, true);
        var again = send(session, 0, SNAPSHOT, true);
        var next = send(session, 1, "[{\"type\":3,\"timestamp\":4000,\"data\":{\"source\":3,\"id\":1,\"x\":0,\"y\":300}}]", false);

        assertThat(first).hasStatus(HttpStatus.ACCEPTED);
        assertThat(json.readTree(first.getResponse().getContentAsString()).path("stored").asInt()).isEqualTo(5);
        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(json.readTree(again.getResponse().getContentAsString()).path("stored").asInt()).isEqualTo(5);
        assertThat(next).hasStatus(HttpStatus.ACCEPTED);
        assertThat(first.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(rows("replay_chunk", "session_id", UUID.fromString(session))).isEqualTo(2);

        var summary = replays.summary(ReplayId.parse(session));
        assertThat(summary.events()).isEqualTo(6);
        assertThat(summary.durationMillis()).isEqualTo(3000);
        assertThat(summary.pages()).containsExactly("https://shop.example.com/checkout");
        assertThat(summary.timeline()).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.PAGE,
                TimelineEntry.Kind.CLICK, TimelineEntry.Kind.ERROR);
        assertThat(summary.timeline().getLast().text()).isEqualTo("Payment failed for [EMAIL]");
        String events = replays.events(ReplayId.parse(session), "analyst");
        assertThat(events).doesNotContain("anna.svensson", "order=991");
        assertThat(json.readTree(events).size()).isEqualTo(6);
    }

    @Test
    void refusesABatchWithAnUnmaskedInputValueAndStoresNothingOfIt() throws Exception {
        String session = start("http://localhost", false, null);

        var refused = send(session, 0, SNAPSHOT.replace("\"*******\"", "\"4111 1111 1111 1111\""), true);

        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.getResponse().getContentType()).contains("application/problem+json");
        assertThat(refused.getResponse().getContentAsString()).doesNotContain("4111");
        assertThat(rows("replay_chunk", "session_id", UUID.fromString(session))).isZero();
        assertThat(replays.summary(ReplayId.parse(session)).events()).isZero();
    }

    @Test
    void refusesBatchesOverTheCompressedOrTheDecompressedLimit() throws Exception {
        String session = start("http://localhost", false, null);
        var random = new java.util.Random(7);
        var noise = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            noise.append((char) ('a' + random.nextInt(26)));
        }
        String big = "[{\"type\":5,\"timestamp\":1,\"data\":{\"tag\":\"x\",\"payload\":{\"text\":\"" + noise + "\"}}}]";
        String bomb = "[{\"type\":5,\"timestamp\":1,\"data\":{\"tag\":\"x\",\"payload\":{\"text\":\"" + "*".repeat(70_000) + "\"}}}]";

        var compressedTooLarge = send(session, 0, big, true);
        var inflatedTooLarge = send(session, 1, bomb, true);

        assertThat(compressedTooLarge).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(inflatedTooLarge).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(gzip(bomb.getBytes(StandardCharsets.UTF_8)).length).isLessThan(4096);
        assertThat(inflatedTooLarge.getResponse().getContentAsString()).contains("65536");
        assertThat(rows("replay_chunk", "session_id", UUID.fromString(session))).isZero();
    }

    @Test
    void answersTooManyWithRetryAfterOverASessionsAndAnOriginsBudget() throws Exception {
        String session = start("https://shop.example.com", true, null);
        for (int seq = 0; seq < 5; seq++) {
            assertThat(send(session, seq, "[]", false)).hasStatus(HttpStatus.ACCEPTED);
        }
        var sixth = send(session, 5, "[]", false);
        assertThat(sixth).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(sixth.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(rows("replay_chunk", "session_id", UUID.fromString(session))).isEqualTo(5);

        // twelve batches of one origin a minute, whichever sessions send them
        String busy = "https://busy.example.com:8443";
        String a = start(busy, true, null), b = start(busy, true, null), c = start(busy, true, null);
        int accepted = 0;
        MvcTestResult last = null;
        for (int seq = 0; seq < 5; seq++) {
            for (String s : List.of(a, b, c)) {
                last = send(s, seq, "[]", false);
                accepted += last.getResponse().getStatus() == 202 ? 1 : 0;
            }
        }
        assertThat(accepted).isEqualTo(12);
        assertThat(last).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void answersNotFoundForAnUnknownOrIdleSession() throws Exception {
        assertThat(send(UUID.randomUUID().toString(), 0, "[]", false)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(send("not-a-session", 0, "[]", false)).hasStatus(HttpStatus.NOT_FOUND);
        String session = start("http://localhost", false, null);
        CLOCK.advance(Duration.ofMinutes(31));
        assertThat(send(session, 0, "[]", false)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void allowsCorsOnlyForTheConfiguredOriginsAndTheProductsOwn() throws Exception {
        var preflight = mvc.options().uri("/api/v1/replay-sessions").header("Origin", "https://shop.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, content-encoding").exchange();
        assertThat(preflight).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
        assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Headers")).contains("Content-Encoding");
        assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Credentials")).isNull();

        var allowed = startRequest("https://shop.example.com", true, null);
        assertThat(allowed).hasStatus(HttpStatus.CREATED);
        assertThat(allowed.getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
        assertThat(startRequest("http://localhost", true, null)).hasStatus(HttpStatus.CREATED); // the product's own

        var refused = startRequest("https://evil.example", true, null);
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(refused.getResponse().getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(mvc.options().uri("/api/v1/replay-sessions").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()).hasStatus(HttpStatus.FORBIDDEN);
        // without Origin (not a browser) the page's own origin decides
        assertThat(startRequest("https://evil.example", false, null)).hasStatus(HttpStatus.FORBIDDEN);
        // and the rest of the API has no CORS at all
        var api = mvc.options().uri("/api/v1/signals").header("Origin", "https://shop.example.com")
                .header("Access-Control-Request-Method", "POST").exchange();
        assertThat(api.getResponse().getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void refusesASessionWithoutConsent() throws Exception {
        var answer = mvc.post().uri("/api/v1/replay-sessions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"page\":\"http://localhost/x\",\"consent\":false}").exchange();
        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer.getResponse().getContentAsString()).contains("consent");
    }

    @Test
    void deletesAnExpiredReplayWithItsChunksAndLinks() throws Exception {
        String session = start("http://localhost", false, null);
        assertThat(send(session, 0, SNAPSHOT, true)).hasStatus(HttpStatus.ACCEPTED);
        replays.link(ReplayId.parse(session), new SignalId(UUID.randomUUID()));
        String empty = start("http://localhost", false, null);
        assertThat(everything(session)).isEqualTo(3);

        CLOCK.advance(Duration.ofDays(30).plusMinutes(1));
        String fresh = start("http://localhost", false, null);
        lifecycle.enforceRetention();

        assertThat(everything(session)).isZero();
        assertThat(everything(empty)).isZero();
        assertThat(everything(fresh)).isEqualTo(1);
        assertThat(replays.exists(ReplayId.parse(session))).isFalse();
    }

    @Test
    void erasingACustomerThroughTheErasureEndpointDeletesTheirReplays() throws Exception {
        String theirs = start("http://localhost", false, "cust-replay-41");
        String another = start("http://localhost", false, "cust-replay-42");
        assertThat(send(theirs, 0, SNAPSHOT, true)).hasStatus(HttpStatus.ACCEPTED);
        assertThat(jdbc.queryForObject("SELECT customer_key FROM replay_session WHERE id = ?", String.class,
                UUID.fromString(theirs))).startsWith("ck_").doesNotContain("cust");

        var erased = mvc.post().uri("/api/v1/erasures").with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":\"cust-replay-41\"}").exchange();

        assertThat(erased).hasStatus(HttpStatus.OK);
        assertThat(everything(theirs)).isZero();
        assertThat(everything(another)).isEqualTo(1);
    }

    @Test
    void aFeedbackFormMessageCarriesItsReplayAndErasingItByIdDeletesTheReplay() throws Exception {
        String session = start("http://localhost", true, null);
        assertThat(send(session, 0, SNAPSHOT, true)).hasStatus(HttpStatus.ACCEPTED);

        var posted = mvc.post().uri("/feedback?lang=en").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("message", "The card payment failed twice at checkout").param("replayId", session)
                .with(r -> {
                    r.setRemoteAddr("10.18.0.1");
                    return r;
                }).with(csrf()).exchange();
        assertThat(posted).hasStatus(HttpStatus.FOUND);
        UUID signal = jdbc.queryForObject("SELECT id FROM signal WHERE replay_id = ?", UUID.class, UUID.fromString(session));
        assertThat(replays.ofSignals(List.of(new SignalId(signal)))).containsEntry(new SignalId(signal), ReplayId.parse(session));
        assertThat(replays.summary(ReplayId.parse(session)).signals()).containsExactly(new SignalId(signal));
        // problems' copy of the signal keeps the replay too, and its problem's page lists it
        assertThat(rows("problem_signal", "replay_id", UUID.fromString(session))).isOne();
        problems.assignPending();
        long problem = jdbc.queryForObject("SELECT problem_id FROM signal_problem WHERE signal_id = ?", Long.class, signal);
        assertThat(replayedSignals.of(List.of(problem), 10)).singleElement()
                .satisfies(r -> assertThat(r.replayId()).isEqualTo(UUID.fromString(session)));

        var erased = mvc.post().uri("/api/v1/erasures").with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"signalIds\":[\"" + signal + "\"]}").exchange();

        assertThat(erased).hasStatus(HttpStatus.OK);
        assertThat(everything(session)).isZero();
        assertThat(rows("signal", "replay_id", UUID.fromString(session))).isZero();
        assertThat(rows("problem_signal", "replay_id", UUID.fromString(session))).isZero();
    }

    @Test
    void theFeedbackFormRefusesAMalformedReplayIdAndIgnoresAnEmptyOne() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'feedback-form'", Long.class);
        var refused = mvc.post().uri("/feedback?lang=en").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("message", "The invoice never came this month").param("replayId", "anna@example.com")
                .with(r -> {
                    r.setRemoteAddr("10.18.0.2");
                    return r;
                }).with(csrf()).exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused.getResponse().getContentAsString()).doesNotContain("anna@example.com");
        var empty = mvc.post().uri("/feedback?lang=en").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("message", "The invoice never came this month").param("replayId", "")
                .with(r -> {
                    r.setRemoteAddr("10.18.0.3");
                    return r;
                }).with(csrf()).exchange();
        assertThat(empty).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'feedback-form'", Long.class))
                .isEqualTo(before + 1);
    }

    @Test
    void aSignalSentOverTheApiMayNameItsReplay() throws Exception {
        String session = start("http://localhost", false, null);
        String body = """
                {"source":"app","sourceId":"r-%s","channel":"complaint","market":"SE","product":"pay-later",
                 "receivedAt":"2026-11-30T10:00:00Z","text":"Checkout failed","replayId":"%s"}""";

        var stored = mvc.post().uri("/api/v1/signals").with(user("ingest").roles("INGEST"))
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(session, session)).exchange();
        var malformed = mvc.post().uri("/api/v1/signals").with(user("ingest").roles("INGEST"))
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted("x", "1-2-3-4-5")).exchange();

        assertThat(stored).hasStatus(HttpStatus.CREATED);
        JsonNode signal = json.readTree(stored.getResponse().getContentAsString());
        assertThat(signal.path("replayId").asString()).isEqualTo(session);
        assertThat(replays.ofSignals(List.of(SignalId.parse(signal.path("id").asString())))).hasSize(1);
        assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getResponse().getContentAsString()).contains("replayId");
    }

    @Test
    void watchingAReplayIsAuditedAndOnlyAnalystsAndAdminsMayRead() throws Exception {
        String session = start("http://localhost", false, null);
        assertThat(send(session, 0, SNAPSHOT, true)).hasStatus(HttpStatus.ACCEPTED);
        String summary = "/api/v1/replays/" + session, events = summary + "/events";

        assertThat(mvc.get().uri(summary).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri(events).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri(events).with(user("viewer").roles("VIEWER")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(events).with(user("member").roles("TEAM_MEMBER")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
        long audited = rows("audit_entry", "subject", "replay " + session);
        assertThat(audited).isZero();

        var read = mvc.get().uri(summary).with(user("analyst").roles("ANALYST")).exchange();
        var watched = mvc.get().uri(events).with(user("analyst").roles("ANALYST")).exchange();

        assertThat(read).hasStatus(HttpStatus.OK);
        JsonNode view = json.readTree(read.getResponse().getContentAsString());
        assertThat(view.path("id").asString()).isEqualTo(session);
        assertThat(view.path("timeline").get(0).path("kind").asString()).isEqualTo("page");
        assertThat(view.path("timeline").get(1).has("text")).isFalse();
        assertThat(watched).hasStatus(HttpStatus.OK);
        assertThat(json.readTree(watched.getResponse().getContentAsString()).size()).isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT actor FROM audit_entry WHERE action = 'replay-viewed' AND subject = ?",
                String.class, "replay " + session)).containsExactly("analyst");
        assertThat(mvc.get().uri("/api/v1/replays/" + UUID.randomUUID()).with(user("admin").roles("ADMIN")).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/replays/nope").with(user("admin").roles("ADMIN")).exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void storesAPremadeSessionMovedToItsStartMaskedAndLinked() throws Exception {
        var signal = new SignalId(UUID.randomUUID());
        Instant startedAt = Instant.parse("2026-11-20T10:00:00Z");

        var id = replays.store(SNAPSHOT, startedAt, signal);

        var summary = replays.summary(id);
        assertThat(summary.startedAt()).isEqualTo(startedAt);
        assertThat(summary.events()).isEqualTo(5);
        assertThat(summary.durationMillis()).isEqualTo(2000);
        assertThat(summary.signals()).containsExactly(signal);
        assertThat(replays.ofSignals(List.of(signal))).containsEntry(signal, id);
        JsonNode events = json.readTree(replays.events(id, "demo"));
        assertThat(events.get(0).path("timestamp").asLong()).isEqualTo(startedAt.toEpochMilli());
        assertThat(events.toString()).doesNotContain("anna.svensson", "order=991");

        long sessions = jdbc.queryForObject("SELECT COUNT(*) FROM replay_session", Long.class);
        assertThatThrownBy(() -> replays.store(
                SNAPSHOT.replace("\"*******\"", "\"19811218-9876\""), startedAt, null))
                .isInstanceOf(UnmaskedInputException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM replay_session", Long.class)).isEqualTo(sessions);
    }
}
