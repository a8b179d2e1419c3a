package com.zeromission.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.zeromission.support.TestDatabases;

/**
 * The crash test (bin/crashtest): starts the real product jar on an embedded database, feeds it single signals over
 * HTTP from several clients, signals through Kafka (a real broker in this JVM, which outlives the product's kills) and
 * CSV uploads from another client, and kills it with SIGKILL at a random moment, many times. A signal counts as
 * acknowledged when its 201 arrived, when Kafka acknowledged its message, or (for a CSV) when the import's 201
 * arrived; a client that got no answer retries its upload after the restart, as a real one would. At the end, with every run's data in one
 * database: every acknowledged signal must be there exactly once, every stored signal must belong to exactly one
 * problem once grouping caught up, and the daily, weekly and monthly roll-ups must equal a recount from the raw
 * signals. Not a unit test: it takes minutes and starts processes.
 */
public final class CrashTest {

    static final String USER = "crash", PASSWORD = "crash-test";
    static final String HEADER = "source,source_id,channel,market,product,received_at,language,text\n";
    static final String[] MARKETS = {"SE", "NO", "DK", "FI", "DE", "GB", "NL"};
    static final String[] TEXTS = {"The invoice never arrived and now I got a reminder fee",
            "Fakturan kom aldrig fram, mejla mig på anna.berg@example.com",
            "My refund has not arrived after three weeks", "Die App stürzt beim Login ab",
            "Kortet nekades i kassan fast jag har pengar", "Customer service never answers the chat"};

    private CrashTest() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/zeromission.jar").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        Path dir = Files.createTempDirectory("zm-crash-");
        // bin/crashtest --port P: a port given, or one drawn from the seed
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 18_000 + new Random(seed).nextInt(1000);
        var random = new Random(seed);
        System.out.printf("crash test: %d runs, seed %d, data in %s, port %d%n", runs, seed, dir, port);

        // a real Kafka broker in this (the driver's) JVM: it survives the product's kills, as a cluster would
        var kafka = new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 1, KAFKA_TOPIC, "zeromission.purchases.v1",
                "zeromission.dead-letter.v1");
        kafka.afterPropertiesSet();
        String brokers = kafka.getBrokersAsString();
        var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", brokers, "acks", "all", "enable.idempotence", "true",
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> unansweredCsv = new ArrayList<>();
        long kills = 0, csvAcknowledged = 0, httpAcknowledged = 0, kafkaAcknowledged = 0;
        for (int run = 1; run <= runs + 1; run++) {
            boolean last = run == runs + 1;
            Process server = start(jar, dir, port, run, brokers);
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            awaitHealthy(client, port, server);
            // a client that got no answer for an upload sends the same file again
            for (String csv : List.copyOf(unansweredCsv)) {
                if (upload(client, port, csv) == 201) {
                    unansweredCsv.remove(csv);
                    csvAcknowledged += ids(csv).size();
                    acknowledged.addAll(ids(csv));
                }
            }
            if (last) {
                awaitConsumerCaughtUp(brokers, server);
                awaitGroupingCaughtUp(dir, server);
                server.destroy(); // a graceful stop, to read the database file alone
                server.waitFor();
                break;
            }
            var stop = new AtomicBoolean();
            var http = new AtomicLong();
            var refused = new java.util.concurrent.ConcurrentSkipListMap<Integer, AtomicLong>();
            var threads = new ArrayList<Thread>();
            for (int t = 0; t < 3; t++) {
                int thread = t, r = run;
                threads.add(Thread.ofPlatform().start(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        String id = "r" + r + "-t" + thread + "-" + (n++);
                        try {
                            var response = client.send(signalRequest(port, id, n), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 201) {
                                acknowledged.add(id);
                                http.incrementAndGet();
                            } else {
                                refused.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            }
                        } catch (IOException e) {
                            // the server is gone: no answer, not acknowledged
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            var kafkaAcks = new AtomicLong();
            {
                int r = run;
                threads.add(Thread.ofPlatform().start(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        String id = "k-r" + r + "-" + (n++);
                        try {
                            // acknowledged by Kafka: from here on the product must store it exactly once
                            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(KAFKA_TOPIC, id,
                                    kafkaSignal(id, n))).get();
                            acknowledged.add(id);
                            kafkaAcks.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        } catch (java.util.concurrent.ExecutionException e) {
                            // not acknowledged by Kafka
                        }
                    }
                }));
            }
            String csv = csv(run, 3_000 + random.nextInt(3_000), random);
            unansweredCsv.add(csv);
            var uploader = Thread.ofPlatform().start(() -> {
                try {
                    if (upload(client, port, csv) == 201) {
                        synchronized (unansweredCsv) {
                            unansweredCsv.remove(csv);
                        }
                        acknowledged.addAll(ids(csv));
                    }
                } catch (IOException | InterruptedException e) {
                    // killed during the upload: retried after the restart
                }
            });
            Thread.sleep(300 + random.nextInt(4_000)); // a random moment to crash at: this is the experiment, not a wait
            server.destroyForcibly(); // SIGKILL
            server.waitFor();
            kills++;
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            uploader.join();
            if (!unansweredCsv.contains(csv)) {
                csvAcknowledged += ids(csv).size();
            }
            httpAcknowledged += http.get();
            kafkaAcknowledged += kafkaAcks.get();
            System.out.printf("run %d: killed after %d HTTP acks, %d Kafka acks%s; upload %s%n", run, http.get(), kafkaAcks.get(),
                    refused.isEmpty() ? "" : " (other answers: " + refused + ")",
                    unansweredCsv.contains(csv) ? "unanswered (retried after restart)" : "acknowledged");
        }

        var result = verify(dir, acknowledged);
        producer.close();
        kafka.destroy();
        System.out.printf("%nRESULT runs=%d kills=%d acknowledged=%d (http %d, kafka %d, csv rows %d) missing=%d duplicates=%d "
                        + "ungrouped=%d rollup-mismatches=%d%n", runs, kills, acknowledged.size(), httpAcknowledged,
                kafkaAcknowledged, csvAcknowledged, result.missing, result.duplicates, result.ungrouped, result.rollupMismatches);
        System.exit(result.missing + result.duplicates + result.ungrouped + result.rollupMismatches == 0 ? 0 : 1);
    }

    static final String KAFKA_TOPIC = "zeromission.signals.v1";

    static Process start(Path jar, Path dir, int port, int run, String brokers) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--port=" + port,
                "--zeromission.kafka.enabled=true", "--spring.kafka.bootstrap-servers=" + brokers,
                "--zeromission.data-dir=" + dir.resolve("data"),
                "--zeromission.security.users[0].name=" + USER,
                "--zeromission.security.users[0].password={noop}" + PASSWORD,
                "--zeromission.security.users[0].roles[0]=INGEST", "--zeromission.security.users[0].roles[1]=ANALYST")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
                .start();
    }

    static void awaitHealthy(HttpClient client, int port, Process server) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see its log");
            }
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not become healthy within two minutes");
    }

    static String kafkaSignal(String id, long n) {
        return "{\"schema\":\"signal/v1\",\"source\":\"crash\",\"sourceId\":\"" + id + "\",\"channel\":\"complaint\","
                + "\"market\":\"" + MARKETS[(int) (n % MARKETS.length)] + "\",\"product\":\"pay-in-3\",\"receivedAt\":\""
                + LocalDate.of(2026, 2, 1).plusDays(n % 300) + "T08:00:00Z\",\"text\":\"" + TEXTS[(int) (n % TEXTS.length)] + "\"}";
    }

    /** Until the product's consumer group has committed every message of the signals topic (stored them). */
    static void awaitConsumerCaughtUp(String brokers, Process server) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", brokers));
                var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                        "bootstrap.servers", brokers, "group.id", "crash-test-reader",
                        "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class,
                        "value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class))) {
            var tp = new org.apache.kafka.common.TopicPartition(KAFKA_TOPIC, 0);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            for (int i = 0; i < 3000; i++) {
                var committed = admin.listConsumerGroupOffsets("zeromission-intake").partitionsToOffsetAndMetadata().get().get(tp);
                if (committed != null && committed.offset() >= end) {
                    return;
                }
                if (!server.isAlive()) {
                    throw new IllegalStateException("the server stopped while consuming");
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the Kafka consumer did not catch up within five minutes");
    }

    static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest signalRequest(int port, String id, long n) {
        String body = "{\"source\":\"crash\",\"sourceId\":\"" + id + "\",\"channel\":\"complaint\",\"market\":\""
                + MARKETS[(int) (n % MARKETS.length)] + "\",\"product\":\"pay-later\",\"receivedAt\":\""
                + LocalDate.of(2026, 1, 1).plusDays(n % 330) + "T10:00:00Z\",\"text\":\"" + TEXTS[(int) (n % TEXTS.length)] + "\"}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signals"))
                .header("Authorization", auth()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String csv(int run, int rows, Random random) {
        var b = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            b.append("crash,csv-r").append(run).append('-').append(i).append(",complaint,")
                    .append(MARKETS[random.nextInt(MARKETS.length)]).append(",card,")
                    .append(LocalDate.of(2025, 6, 1).plusDays(random.nextInt(500))).append("T12:00:00Z,,\"")
                    .append(TEXTS[random.nextInt(TEXTS.length)]).append("\"\n");
        }
        return b.toString();
    }

    static List<String> ids(String csv) {
        return csv.lines().skip(1).map(l -> l.split(",")[1]).toList();
    }

    static int upload(HttpClient client, int port, String csv) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports?fileName=crash.csv"))
                .header("Authorization", auth()).header("Content-Type", "text/csv").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("data").resolve("zeromission").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    static void awaitGroupingCaughtUp(Path dir, Process server) throws Exception {
        try (Connection c = TestDatabases.h2Owner(url(dir))) {
            for (int i = 0; i < 3000; i++) {
                // nothing waits for grouping, and no module event waits for its listener (a publication left by a
                // kill is handed over again at start-up)
                try (ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM problem_inbox) + "
                        + "(SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL)")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (!server.isAlive()) {
                    throw new IllegalStateException("the server stopped while grouping");
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("grouping did not catch up within five minutes");
    }

    record Result(int missing, int duplicates, int ungrouped, int rollupMismatches) {
    }

    static Result verify(Path dir, Set<String> acknowledged) throws Exception {
        try (Connection c = TestDatabases.h2Owner(url(dir))) {
            var stored = new HashMap<String, Integer>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT source_id FROM signal WHERE source = 'crash'")) {
                while (rs.next()) {
                    stored.merge(rs.getString(1), 1, Integer::sum);
                }
            }
            int missing = 0, duplicates = 0;
            for (String id : acknowledged) {
                int n = stored.getOrDefault(id, 0);
                if (n == 0) {
                    missing++;
                    if (missing <= 10) {
                        System.out.println("MISSING " + id);
                    }
                }
            }
            for (var e : stored.entrySet()) {
                if (e.getValue() > 1) {
                    duplicates++;
                }
            }
            int ungrouped;
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM signal s WHERE NOT EXISTS (SELECT 1 FROM signal_problem p WHERE p.signal_id = s.id)")) {
                rs.next();
                ungrouped = rs.getInt(1);
            }
            // recount from the raw signals, per UTC day, ISO week and month
            Map<String, Long> day = new HashMap<>(), week = new HashMap<>(), month = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT received_at, market, product, channel FROM signal")) {
                while (rs.next()) {
                    LocalDate d = rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                    String rest = "|" + rs.getString(2).strip() + "|" + rs.getString(3) + "|" + channel(rs.getString(4));
                    day.merge(d + rest, 1L, Long::sum);
                    week.merge(d.with(java.time.DayOfWeek.MONDAY) + rest, 1L, Long::sum);
                    month.merge(d.withDayOfMonth(1) + rest, 1L, Long::sum);
                }
            }
            int mismatches = compare(c, "SELECT on_day, market, product, channel, signals FROM signal_day", day, "day")
                    + compare(c, "SELECT period_start, market, product, channel, signals FROM signal_period WHERE grain = 'W'", week, "week")
                    + compare(c, "SELECT period_start, market, product, channel, signals FROM signal_period WHERE grain = 'M'", month, "month");
            return new Result(missing, duplicates, ungrouped, mismatches);
        }
    }

    /** The signal table keeps the channel's enum name (COMPLAINT), the roll-ups its code (complaint). */
    static String channel(String stored) {
        return stored.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static int compare(Connection c, String sql, Map<String, Long> recount, String grain) throws Exception {
        var rolled = new HashMap<String, Long>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rolled.put(rs.getObject(1, LocalDate.class) + "|" + rs.getString(2).strip() + "|" + rs.getString(3) + "|"
                        + channel(rs.getString(4)), rs.getLong(5));
            }
        }
        int mismatches = 0;
        var keys = new java.util.HashSet<>(recount.keySet());
        keys.addAll(rolled.keySet());
        for (String k : keys) {
            long a = recount.getOrDefault(k, 0L), b = rolled.getOrDefault(k, 0L);
            if (a != b) {
                mismatches++;
                if (mismatches <= 5) {
                    System.out.println("ROLL-UP MISMATCH (" + grain + ") " + k + ": recount " + a + ", roll-up " + b);
                }
            }
        }
        return mismatches;
    }
}
