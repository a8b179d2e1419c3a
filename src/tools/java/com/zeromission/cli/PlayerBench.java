package com.zeromission.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import com.zeromission.demo.DemoReplaySessions;

/**
 * The session player's time to first frame for a five-minute session on a running product: stores the demo's
 * five-minute session ({@link DemoReplaySessions#fiveMinutes}) through the public ingestion API, as a recorder would
 * send it (gzipped batches of {@value #BATCH_SECONDS} s of events), then runs {@code src/tools/replay/player-bench.mjs}
 * (Node and Chromium), which signs in as an analyst and opens {@code /replays/{id}} N times (docs/replay.md).
 */
@Command(name = "player", mixinStandardHelpOptions = true,
        description = {"The replay player's time to first frame for a 5-minute session (bin/zm serve --demo --port P).",
                "Stores the demo's 5-minute session through the ingestion API, then opens /replays/{id} in headless "
                        + "Chromium N times (cold and warm cache): median and p95 of the time to first frame, the events' bytes."})
final class PlayerBench implements Callable<Integer> {

    /** Longer than the recorder's 5 s, so that the session's batches stay within the per-session rate budget (60/min). */
    static final int BATCH_SECONDS = 15;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the product (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--runs", defaultValue = "15", description = "page loads per cache mode (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--user", defaultValue = "analyst:demo", description = "who watches (default ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--replay", description = "measure this stored replay instead of storing the five-minute session")
    String replay;

    @Option(names = "--script", description = "player-bench.mjs (default: src/tools/replay/ beside target/)")
    Path script;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        String base = url.replaceAll("/+$", "");
        String id = replay != null ? replay : storeFiveMinutes(base);
        Path node = script != null ? script : defaultScript();
        var command = List.of("node", node.toString(), "--url", base, "--replay", id, "--runs", String.valueOf(runs),
                "--user", user);
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }

    /** Stores the five-minute session as a recorder sends it: a session start, then gzipped batches in order. */
    private String storeFiveMinutes(String base) throws IOException, InterruptedException {
        var session = DemoReplaySessions.fiveMinutes(1, Instant.now().minusSeconds(330));
        var start = post(base + "/api/v1/replay-sessions", json.writeValueAsBytes(Map.of("page", base + "/demo/checkout",
                "consent", true)), false);
        if (start.statusCode() != 201) {
            throw new IllegalStateException("starting a session answered " + start.statusCode() + ": " + start.body());
        }
        String id = json.readTree(start.body()).path("sessionId").asString();
        var events = session.events();
        long first = (long) events.getFirst().get("timestamp");
        int seq = 0, from = 0;
        long sent = 0;
        while (from < events.size()) {
            long until = first + (long) (seq + 1) * BATCH_SECONDS * 1000;
            var batch = new ArrayList<Map<String, Object>>();
            while (from < events.size() && (batch.isEmpty() || (long) events.get(from).get("timestamp") < until)) {
                batch.add(events.get(from++));
            }
            byte[] gz = gzip(json.writeValueAsBytes(Map.of("seq", seq, "events", batch)));
            var answer = post(base + "/api/v1/replay-sessions/" + id + "/events", gz, true);
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("batch " + seq + " answered " + answer.statusCode() + ": " + answer.body());
            }
            sent += gz.length;
            seq++;
        }
        System.out.printf("stored the five-minute demo session %s: %d events (%.1f min), %d gzipped batches, %d bytes sent%n",
                id, events.size(), session.durationMillis() / 60_000.0, seq, sent);
        return id;
    }

    /** The script beside the tools jar's target/ folder (bin/zm runs target/zeromission-tools.jar), else from here. */
    private static Path defaultScript() throws URISyntaxException {
        var location = PlayerBench.class.getProtectionDomain().getCodeSource().getLocation();
        Path jar = Path.of(location.toURI());
        for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("src/tools/replay/player-bench.mjs");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Path.of("src/tools/replay/player-bench.mjs");
    }

    private HttpResponse<String> post(String to, byte[] body, boolean gzipped) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(to)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzipped) {
            request.header("Content-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
