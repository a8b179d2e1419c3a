package com.zeromission.demo.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.zeromission.deadlines.ComplaintCases;
import com.zeromission.demo.DemoDataGenerator;
import com.zeromission.demo.DemoMetrics;
import com.zeromission.demo.DemoSettings;
import com.zeromission.demo.DemoSignal;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalSubmission;

/**
 * Loads the demo data set through the normal intake path (masking, pseudonyms, idempotency) when the application
 * starts in demo mode. Runs before the application reports ready, so that "up" means "demo data visible".
 * Idempotency alone would make a restart harmless, but pushing 100,000 rows through intake to learn they are all
 * there costs seconds on every start; a marker file remembers what was loaded, and later starts only add the days
 * since.
 */
@Component
@ConditionalOnProperty(name = "zeromission.demo.enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    /** What one load did. */
    public record Result(LocalDate from, LocalDate to, long signals, long created, long replayed, long conflicted,
            long millis) {

        static Result nothing() {
            return new Result(null, null, 0, 0, 0, 0, 0);
        }
    }

    private final IntakeService intake;
    private final DemoMetrics metrics;
    private final Clock clock;
    private final DemoProperties properties;
    private final Path dataDir;
    private final String database;
    private final DemoReplies replies;
    private final DemoReplayLoader recordings;

    public DemoLoader(IntakeService intake, DemoMetrics metrics, Clock clock, DemoProperties properties,
            @Value("${zeromission.data-dir}") Path dataDir, @Value("${spring.datasource.url:}") String datasourceUrl,
            ComplaintCases cases, DemoReplayLoader recordings) {
        this.replies = new DemoReplies(cases, clock);
        this.recordings = recordings;
        this.metrics = metrics;
        this.intake = intake;
        this.clock = clock;
        this.properties = properties;
        this.dataDir = dataDir;
        this.database = fingerprint(datasourceUrl);
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
        // The recorded sessions after the signals, never before: the first grouping that finds nothing waiting is
        // when the demo's insights, squads and mystery shopping are made from the problems found (see DemoInsights),
        // so signals stored before the loader's would have them made from an almost empty database.
        recordings.load();
        // The complaint cases' reply history: replies whose time has come since the last start (see DemoReplies).
        long t0 = System.nanoTime();
        int n = replies.record();
        if (n > 0) {
            log.info("Demo data: {} complaint-case replies recorded in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Loads what is missing and returns what it did; safe to call again at any time. */
    public Result load() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        if (yesterday.isBefore(properties.from())) {
            log.info("Demo data: nothing to load, the demo period starts {}", properties.from());
            return Result.nothing();
        }
        var settings = new DemoSettings(properties.seed(), properties.from(), yesterday, properties.scale());
        // The denominator and the targets: independent of the signal marker, so that a demo database from before
        // the metrics module gets them too. Purchases are upserted (idempotent), targets only set when absent.
        metrics.ensure(settings);
        LoadMarker marker = LoadMarker.read(dataDir);
        LocalDate start = settings.from();
        if (marker != null && marker.sameSet(DemoDataGenerator.VERSION, settings, database)) {
            if (!marker.loadedThrough().isBefore(yesterday)) {
                log.info("Demo data: up to date through {} (seed {}, scale {})", marker.loadedThrough(), settings.seed(),
                        settings.scale());
                return Result.nothing();
            }
            start = marker.loadedThrough().plusDays(1);
        }
        Result result = ingest(settings.withPeriod(start, yesterday));
        new LoadMarker(DemoDataGenerator.VERSION, settings.seed(), settings.scale(), settings.from(), database, yesterday)
                .write(dataDir);
        // Counts and timings only: never a text, which may hold (synthetic) personal data.
        log.info("Demo data: {} signals for {} to {} in {} ms: {} new, {} already there, {} conflicting (seed {}, scale {})",
                result.signals(), result.from(), result.to(), result.millis(), result.created(), result.replayed(),
                result.conflicted(), settings.seed(), settings.scale());
        if (result.conflicted() > 0) {
            log.warn("Demo data: {} demo signals are stored with other content (loaded by another generator version, "
                    + "seed or scale) and were left as they are; start with an empty data directory for a clean demo set",
                    result.conflicted());
        }
        return result;
    }

    private Result ingest(DemoSettings settings) {
        long started = System.nanoTime();
        long signals = 0, created = 0, replayed = 0, conflicted = 0;
        var chunk = new ArrayList<SignalSubmission>(properties.chunkSize());
        Iterator<DemoSignal> it = new DemoDataGenerator(settings).signals().iterator();
        while (it.hasNext()) {
            chunk.add(SignalSubmission.parse(it.next().raw(), clock));
            signals++;
            if (chunk.size() == properties.chunkSize() || !it.hasNext()) {
                for (IntakeOutcome outcome : intake.ingestChunk(chunk, null)) {
                    switch (outcome) {
                        case IntakeOutcome.Created c -> created++;
                        case IntakeOutcome.Replayed r -> replayed++;
                        case IntakeOutcome.Conflicted c -> conflicted++;
                    }
                }
                chunk = new ArrayList<>(properties.chunkSize());
            }
        }
        return new Result(settings.from(), settings.to(), signals, created, replayed, conflicted,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The datasource URL may carry a password: the marker keeps a hash of it, never the URL itself. */
    static String fingerprint(String datasourceUrl) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(datasourceUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
