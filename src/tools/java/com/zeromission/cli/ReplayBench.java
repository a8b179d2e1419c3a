package com.zeromission.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Session replay ingestion throughput of a running product: {@code --sessions} concurrent recorders each start a
 * session and send {@code --batches} gzipped batches as fast as the server answers, the first a full snapshot of a
 * checkout-like page, the rest what 5 s of a customer on it make (the recorder's flush interval): mouse moves, a
 * scroll, clicks, typing into masked inputs, DOM mutations. Prints batches/s and the latency percentiles of the batch
 * POSTs, then the stored bytes of one session (as an analyst reads them) per recorded minute.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay ingestion throughput of a running product (bin/zm serve --demo --port P).",
                "N concurrent sessions send gzipped event batches; prints batches/s, p50/p95/p99 and stored bytes per minute."})
final class ReplayBench implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the product (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--sessions", defaultValue = "16", description = "concurrent sessions (default ${DEFAULT-VALUE})")
    int sessions;

    @Option(names = "--batches", defaultValue = "40", description = "batches per session (default ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--user", defaultValue = "analyst:demo", description = "who reads the stored sizes (default ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--seed", defaultValue = "18", description = "random seed of the events (default ${DEFAULT-VALUE})")
    long seed;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        String base = url.replaceAll("/+$", "");
        // warm-up: one session, not timed
        runSession(base, 0, 5, new ArrayList<>(), new AtomicInteger(), new AtomicInteger());
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var refused = new AtomicInteger();
        var rateLimited = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        long started = System.nanoTime();
        var futures = new ArrayList<Future<String>>();
        for (int s = 1; s <= sessions; s++) {
            int n = s;
            futures.add(pool.submit(() -> runSession(base, n, batches, latencies, refused, rateLimited)));
        }
        var ids = new ArrayList<String>();
        for (var f : futures) {
            ids.add(f.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%d sessions x %d batches: %d batches in %.1f s = %.0f batches/s (%d refused, %d rate-limited)%n",
                sessions, batches, sorted.size(), seconds, sorted.size() / seconds, refused.get(), rateLimited.get());
        System.out.printf(Locale.ROOT, "batch POST latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
        var summary = json.readTree(get(base + "/api/v1/replays/" + ids.getFirst()));
        double minutes = summary.path("durationMillis").asLong() / 60_000.0;
        System.out.printf(Locale.ROOT, "one session: %d events, %d bytes stored over %.1f recorded minutes = %.0f bytes/min "
                + "(%.1f KB/min)%n", summary.path("events").asLong(), summary.path("storedBytes").asLong(), minutes,
                summary.path("storedBytes").asLong() / minutes, summary.path("storedBytes").asLong() / minutes / 1024);
        return 0;
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    private String runSession(String base, int n, int count, List<Long> latencies, AtomicInteger refused,
            AtomicInteger rateLimited) throws IOException, InterruptedException {
        var start = post(base + "/api/v1/replay-sessions", ("{\"page\":\"" + base + "/demo/checkout\",\"consent\":true}")
                .getBytes(StandardCharsets.UTF_8), false);
        if (start.statusCode() != 201) {
            throw new IllegalStateException("starting a session answered " + start.statusCode() + ": " + start.body());
        }
        String id = json.readTree(start.body()).path("sessionId").asString();
        var random = new Random(seed + n);
        long t = 1_765_000_000_000L;
        for (int seq = 0; seq < count; seq++) {
            var events = seq == 0 ? snapshot(t, random) : fiveSeconds(t, random);
            t += 5_000;
            var body = new ObjectNode(F);
            body.put("seq", seq);
            body.set("events", events);
            byte[] gz = gzip(json.writeValueAsBytes(body));
            long t0 = System.nanoTime();
            var answer = post(base + "/api/v1/replay-sessions/" + id + "/events", gz, true);
            long took = System.nanoTime() - t0;
            if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                latencies.add(took);
            } else if (answer.statusCode() == 429) {
                rateLimited.incrementAndGet();
            } else {
                refused.incrementAndGet();
            }
        }
        return id;
    }

    private HttpResponse<String> post(String to, byte[] body, boolean gzipped) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(to)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzipped) {
            request.header("Content-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String to) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(to)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8))).GET().build();
        var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + to + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** Meta + a full snapshot of a checkout page: about 600 nodes, every text masked as the recorder masks it. */
    static ArrayNode snapshot(long t, Random random) {
        var events = new ArrayNode(F);
        var meta = event(4, t);
        ((ObjectNode) meta.get("data")).put("href", "https://shop.example.com/checkout").put("width", 1280).put("height", 800);
        events.add(meta);
        int[] id = {1};
        var html = element(id, "html");
        var body = element(id, "body");
        ((ArrayNode) html.get("childNodes")).add(body);
        for (int section = 0; section < 30; section++) {
            var div = element(id, "div");
            ((ObjectNode) div.get("attributes")).put("class", "checkout-section section-" + section);
            for (int row = 0; row < 6; row++) {
                var p = element(id, row % 3 == 0 ? "label" : "p");
                ((ArrayNode) p.get("childNodes")).add(text(id, stars(8 + random.nextInt(40))));
                ((ArrayNode) div.get("childNodes")).add(p);
                if (row % 3 == 0) {
                    var input = element(id, "input");
                    ((ObjectNode) input.get("attributes")).put("type", "text").put("name", "field-" + section + "-" + row)
                            .put("value", "");
                    ((ArrayNode) div.get("childNodes")).add(input);
                }
            }
            ((ArrayNode) body.get("childNodes")).add(div);
        }
        var doc = new ObjectNode(F);
        doc.put("type", 0).put("id", id[0]++);
        doc.set("childNodes", new ArrayNode(F).add(html));
        var full = event(2, t + 5);
        ((ObjectNode) full.get("data")).set("node", doc);
        ((ObjectNode) full.get("data")).set("initialOffset", new ObjectNode(F).put("left", 0).put("top", 0));
        events.add(full);
        return events;
    }

    /** What 5 s of a customer make: mouse moves, a scroll, a click, typing (masked), a few DOM changes. */
    static ArrayNode fiveSeconds(long t, Random random) {
        var events = new ArrayNode(F);
        for (int i = 0; i < 10; i++) { // rrweb sends sampled mouse positions about every 500 ms
            var move = event(3, t + i * 500);
            var positions = new ArrayNode(F);
            for (int p = 0; p < 5; p++) {
                positions.add(new ObjectNode(F).put("x", random.nextInt(1280)).put("y", random.nextInt(800))
                        .put("id", 10 + random.nextInt(500)).put("timeOffset", -p * 50));
            }
            ((ObjectNode) move.get("data")).put("source", 1).set("positions", positions);
            events.add(move);
        }
        var scroll = event(3, t + 1200);
        ((ObjectNode) scroll.get("data")).put("source", 3).put("id", 1).put("x", 0).put("y", random.nextInt(2000));
        events.add(scroll);
        for (int type : new int[] {1, 0, 2}) { // mouse down, up, click
            var click = event(3, t + 1500 + type);
            ((ObjectNode) click.get("data")).put("source", 2).put("type", type).put("id", 10 + random.nextInt(500))
                    .put("x", random.nextInt(1280)).put("y", random.nextInt(800));
            events.add(click);
        }
        int typed = random.nextInt(15);
        for (int k = 1; k <= typed; k++) { // masked by the recorder: one '*' per character
            var input = event(3, t + 2000 + k * 150);
            ((ObjectNode) input.get("data")).put("source", 5).put("text", stars(k)).put("isChecked", false)
                    .put("id", 40);
            events.add(input);
        }
        var mutation = event(3, t + 4000);
        var data = (ObjectNode) mutation.get("data");
        data.put("source", 0);
        data.set("texts", new ArrayNode(F).add(new ObjectNode(F).put("id", 77).put("value", stars(12))));
        data.set("attributes", new ArrayNode(F).add(new ObjectNode(F).put("id", 78)
                .set("attributes", new ObjectNode(F).put("class", "field field-invalid"))));
        data.set("removes", new ArrayNode(F));
        int[] id = {100_000 + random.nextInt(100_000)};
        var added = element(id, "div");
        ((ArrayNode) added.get("childNodes")).add(text(id, stars(30)));
        data.set("adds", new ArrayNode(F).add(new ObjectNode(F).put("parentId", 5).put("nextId", (String) null)
                .set("node", added)));
        events.add(mutation);
        return events;
    }

    private static ObjectNode event(int type, long t) {
        var e = new ObjectNode(F);
        e.put("type", type);
        e.set("data", new ObjectNode(F));
        e.put("timestamp", t);
        return e;
    }

    private static ObjectNode element(int[] id, String tag) {
        var e = new ObjectNode(F);
        e.put("type", 2).put("tagName", tag).put("id", id[0]++);
        e.set("attributes", new ObjectNode(F));
        e.set("childNodes", new ArrayNode(F));
        return e;
    }

    private static ObjectNode text(int[] id, String content) {
        return new ObjectNode(F).put("type", 3).put("textContent", content).put("id", id[0]++);
    }

    private static String stars(int n) {
        return "*".repeat(n);
    }

    /** For tests: a batch as the benchmark sends it. */
    static JsonNode sample(int seq) {
        return seq == 0 ? snapshot(0, new Random(1)) : fiveSeconds(0, new Random(seq));
    }
}
