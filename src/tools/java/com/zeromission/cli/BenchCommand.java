package com.zeromission.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.zeromission.demo.DemoDataGenerator;
import com.zeromission.demo.DemoExport;
import com.zeromission.demo.DemoMetrics;
import com.zeromission.demo.DemoSettings;
import com.zeromission.intake.ImportFormat;
import com.zeromission.intake.ImportListener;
import com.zeromission.intake.ImportOptions;
import com.zeromission.intake.ImportReport;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalImporter;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmQuery;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.Dimension;
import com.zeromission.metrics.Period;
import com.zeromission.text.SentenceEmbedder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Reproducible benchmarks.",
        subcommands = {BenchCommand.ImportBench.class, BenchCommand.CpmBench.class, BenchCommand.EmbeddingsBench.class,
                PagesBench.class, ReplayBench.class, PlayerBench.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Bulk CSV import end to end (read, validate, mask, pseudonymise, store) into a fresh database.",
                    "Generates the demo data set as a CSV file first (not timed), then imports it (timed).",
                    "Default target: a new embedded H2 file database in a temporary directory, deleted afterwards."})
    static final class ImportBench implements Callable<Integer> {

        @Option(names = "--scale", defaultValue = "2.0",
                description = "Demo data volume; 1.0 is about 140,000 rows (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--chunk-size", defaultValue = "" + ImportOptions.DEFAULT_CHUNK,
                description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
        int chunkSize;

        @Option(names = "--keep", description = "Keep the temporary directory (CSV and database) for inspection.")
        boolean keep;

        @Option(names = "--reimport", description = "Import the same file a second time: the path after a crash, where "
                + "every row is already stored and must be recognised as such.")
        boolean reimport;

        @Parameters(arity = "0..*", paramLabel = "SPRING_ARG",
                description = "Spring Boot arguments, e.g. --spring.datasource.url=jdbc:postgresql://127.0.0.1/bench "
                        + "to measure PostgreSQL instead (use an empty database).")
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            CliContext.requireSpringProperties(springArgs);
            Path dir = Files.createTempDirectory("zm-bench-");
            try {
                Path csv = dir.resolve("demo-signals.csv");
                var settings = DemoSettings.defaults(Clock.systemUTC()).withScale(scale);
                long started = System.nanoTime();
                long rows;
                try (var out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    rows = DemoExport.write(new DemoDataGenerator(settings), DemoExport.Format.OWN, out);
                }
                double genSeconds = (System.nanoTime() - started) / 1e9;
                long bytes = Files.size(csv);
                System.out.printf(Locale.ROOT, "Generated %,d demo rows (%.1f MB, seed %d, scale %.2f) in %.1f s%n", rows,
                        bytes / 1e6, settings.seed(), scale, genSeconds);

                var args = new ArrayList<String>();
                args.add("--zeromission.data-dir=" + dir.resolve("data"));
                args.addAll(springArgs);
                try (var context = CliContext.start(args)) {
                    SignalImporter importer = context.getBean(SignalImporter.class);
                    var options = new ImportOptions(csv.getFileName().toString(), null, "cli", StandardCharsets.UTF_8, chunkSize);
                    ImportReport report = timedImport(importer, csv, options, bytes, "first import");
                    if (reimport) {
                        ImportReport again = timedImport(importer, csv, options, bytes, "same file again");
                        if (again.replayed() != report.rows() - report.rejected()) {
                            System.out.println("UNEXPECTED: the second import did not find every row already stored");
                            return 1;
                        }
                    }
                    boolean embeddedGoal = springArgs.isEmpty();
                    double rate = report.rows() / (report.duration().toNanos() / 1e9);
                    if (embeddedGoal && rate < 20_000) {
                        System.out.printf(Locale.ROOT, "BELOW GOAL: %,.0f rows/s < 20,000 rows/s into the embedded database "
                                + "(is another process using the CPU? the import needs both cores)%n", rate);
                        return 1;
                    }
                    System.out.println(embeddedGoal ? "Goal met: at least 20,000 rows/s into the embedded database."
                            : "Goal (20,000 rows/s) applies to the embedded database only.");
                    return report.rejected() == 0 ? 0 : 1;
                }
            } finally {
                if (keep) {
                    System.out.println("Kept " + dir);
                } else {
                    deleteRecursively(dir);
                }
            }
        }

        private ImportReport timedImport(SignalImporter importer, Path csv, ImportOptions options, long bytes, String label) {
            long t0 = System.nanoTime();
            long[] checked = new long[1];
            ImportReport report = importer.importCsv(() -> ImportCommand.open(csv), options, new ImportListener() {
                @Override
                public void started(java.util.UUID importId, ImportFormat format, long rows) {
                    checked[0] = System.nanoTime();
                }
            });
            long t1 = System.nanoTime();
            double seconds = (t1 - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %,d rows (%,d created, %,d already there, %,d rejected) in %.2f s%n", label,
                    report.rows(), report.created(), report.replayed(), report.rejected(), seconds);
            System.out.printf(Locale.ROOT, "  of which: %.2f s structure and encoding check (first pass), %.2f s "
                    + "validate, mask and store (second pass)%n", (checked[0] - t0) / 1e9, (t1 - checked[0]) / 1e9);
            System.out.printf(Locale.ROOT, "  throughput: %,.0f rows/s, %.1f MB/s (Java %s, %d cores, chunk %d, %s)%n",
                    report.rows() / seconds, bytes / 1e6 / seconds, Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), options.chunkSize(),
                    springArgs.isEmpty() ? "embedded H2" : "configured database");
            return report;
        }

        static void deleteRecursively(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Command(name = "cpm", mixinStandardHelpOptions = true,
            description = {"CPM query latency: market x product x week over three years, with millions of signals stored.",
                    "Fills a database with demo signals through the real intake path (not timed) unless --data-dir points "
                            + "at one filled before, then runs the query repeatedly and prints p50/p95/p99/max."})
    static final class CpmBench implements Callable<Integer> {

        @Option(names = "--signals", defaultValue = "10000000", description = "Signals to store (default: ${DEFAULT-VALUE}).")
        long signals;

        @Option(names = "--queries", defaultValue = "200", description = "Timed queries (default: ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--data-dir", description = "Keep the database here and reuse it on the next run (default: a "
                + "temporary directory, deleted afterwards).")
        Path dataDir;

        @Parameters(arity = "0..*", paramLabel = "SPRING_ARG", description = "Spring Boot arguments.")
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            CliContext.requireSpringProperties(springArgs);
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("zm-bench-") : dataDir;
            try {
                var args = new ArrayList<String>();
                args.add("--zeromission.data-dir=" + dir);
                args.addAll(springArgs);
                try (var context = CliContext.start(args)) {
                    var cpm = context.getBean(CpmService.class);
                    var clock = context.getBean(Clock.class);
                    LocalDateRange range = LocalDateRange.lastThreeYears(clock);
                    var all = Scope.GLOBAL;
                    long stored = cpm.totals(all, range.from(), range.to()).complaints();
                    if (stored == 0) {
                        fill(context, clock, signals);
                    } else {
                        System.out.printf(Locale.ROOT, "Reusing %s (%,d complaints stored already)%n", dir, stored);
                    }
                    var query = new CpmQuery(Period.WEEK, range.from(),
                            range.to(), java.util.EnumSet.of(Dimension.MARKET,
                                    Dimension.PRODUCT), null, null, null);
                    int rows = 0;
                    for (int i = 0; i < 20; i++) {
                        rows = cpm.query(query).size(); // warm-up: JIT and database caches
                    }
                    double[] millis = new double[queries];
                    for (int i = 0; i < queries; i++) {
                        long t0 = System.nanoTime();
                        cpm.query(query);
                        millis[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    java.util.Arrays.sort(millis);
                    double p99 = millis[(int) Math.ceil(queries * 0.99) - 1];
                    System.out.printf(Locale.ROOT, "CPM by market x product x week, %s to %s: %,d rows per answer%n",
                            range.from(), range.to(), rows);
                    System.out.printf(Locale.ROOT, "%d queries: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (Java %s, %d cores)%n",
                            queries, millis[queries / 2], millis[(int) Math.ceil(queries * 0.95) - 1], p99, millis[queries - 1],
                            Runtime.version(), Runtime.getRuntime().availableProcessors());
                    System.out.println(p99 < 50 ? "Goal met: p99 under 50 ms." : "BELOW GOAL: p99 is 50 ms or more.");
                    return p99 < 50 ? 0 : 1;
                }
            } finally {
                if (temporary) {
                    ImportBench.deleteRecursively(dir);
                }
            }
        }

        record LocalDateRange(java.time.LocalDate from, java.time.LocalDate to) {
            static LocalDateRange lastThreeYears(Clock clock) {
                var yesterday = java.time.LocalDate.now(clock).minusDays(1);
                return new LocalDateRange(DemoSettings.DEFAULT_FROM, yesterday);
            }
        }

        /** Demo signals at the scale that gives about {@code target} signals, through intake, plus their purchases. */
        private static void fill(org.springframework.context.ConfigurableApplicationContext context, Clock clock, long target)
                throws InterruptedException {
            var intake = context.getBean(IntakeService.class);
            double scale = target / 139_700.0; // the default demo (scale 1) is about 139,700 signals
            var settings = DemoSettings.defaults(clock).withScale(scale);
            context.getBean(DemoMetrics.class).ensure(settings);
            long t0 = System.nanoTime();
            // One thread generates and validates, this one stores: the two halves overlap on two cores.
            var queue = new java.util.concurrent.ArrayBlockingQueue<List<SignalSubmission>>(4);
            var done = new ArrayList<SignalSubmission>();
            Thread producer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    var chunk = new ArrayList<SignalSubmission>(1000);
                    var it = new DemoDataGenerator(settings).signals().iterator();
                    while (it.hasNext()) {
                        chunk.add(SignalSubmission.parse(it.next().raw(), clock));
                        if (chunk.size() == 1000) {
                            queue.put(chunk);
                            chunk = new ArrayList<>(1000);
                        }
                    }
                    queue.put(chunk);
                    queue.put(done);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long stored = 0, next = 1_000_000;
            while (true) {
                var chunk = queue.take();
                if (chunk == done) {
                    break;
                }
                intake.ingestChunk(chunk, null);
                stored += chunk.size();
                if (stored >= next) {
                    System.out.printf(Locale.ROOT, "  %,d signals stored (%.0f s)%n", stored, (System.nanoTime() - t0) / 1e9);
                    next += 1_000_000;
                }
            }
            producer.join();
            System.out.printf(Locale.ROOT, "Stored %,d demo signals (scale %.1f) in %.0f s%n", stored, scale, (System.nanoTime() - t0) / 1e9);
        }
    }

    @Command(name = "embeddings", mixinStandardHelpOptions = true,
            description = "Sentence embeddings alone (the bundled model on this machine's CPU): texts per second and "
                    + "per CPU-second, for 1 to N threads, on the texts of a CSV column (default: BANKING77's text).")
    static final class EmbeddingsBench implements Callable<Integer> {

        @Parameters(arity = "1", paramLabel = "FILE.csv", description = "A CSV with a header row.")
        Path file;

        @Option(names = "--text-column", defaultValue = "text", description = "Column with the text (default: ${DEFAULT-VALUE}).")
        String textColumn;

        @Option(names = "--batch", defaultValue = "2000", description = "Texts per embed call; the grouping drain "
                + "analyses 2,000 at a time (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--max-threads", description = "Measure 1 to this many threads (default: the cores).")
        Integer maxThreads;

        @Override
        public Integer call() throws IOException {
            ToolLogging.warningsOnly();
            if (batch < 1 || (maxThreads != null && maxThreads < 1)) {
                System.err.println("--batch and --max-threads must be at least 1, were " + batch + " and " + maxThreads);
                return 2;
            }
            List<String> texts = new ArrayList<>();
            try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(file)) {
                csv.forEach(r -> texts.add(r.getField(textColumn)));
            }
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "%,d texts from %s; %d cores; Java %s%n", texts.size(), file, cores,
                    Runtime.version());
            for (int threads = 1; threads <= (maxThreads != null ? maxThreads : cores); threads++) {
                try (var embedder = SentenceEmbedder.bundled(threads)) {
                    embedAll(embedder, texts.subList(0, Math.min(texts.size(), 2_000))); // warm-up
                    var cpu0 = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
                    long t0 = System.nanoTime();
                    embedAll(embedder, texts);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpu0).toNanos() / 1e9;
                    System.out.printf(Locale.ROOT, "%s: %,.0f texts/s (%.2f s), %,.0f texts per CPU-second%n",
                            embedder.model(), texts.size() / seconds, seconds, texts.size() / cpu);
                }
            }
            return 0;
        }

        private void embedAll(SentenceEmbedder embedder, List<String> texts) {
            for (int i = 0; i < texts.size(); i += batch) {
                embedder.embed(texts.subList(i, Math.min(texts.size(), i + batch)));
            }
        }
    }
}
