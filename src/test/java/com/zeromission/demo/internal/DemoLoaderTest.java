package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zeromission.deadlines.ComplaintCases;
import com.zeromission.demo.DemoMetrics;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalSubmission;

/**
 * The loader's bookkeeping against an in-memory stand-in for intake that keeps intake's idempotency rule (same key
 * and content: replayed; same key, other content: conflict). The real intake path is covered by DemoLoaderSpringTest.
 */
class DemoLoaderTest {

    @TempDir
    Path dataDir;

    final Map<String, String> stored = new HashMap<>();
    final List<SignalSubmission> ingested = new ArrayList<>();
    IntakeService intake;

    @BeforeEach
    void fakeIntake() {
        intake = mock(IntakeService.class);
        when(intake.ingestChunk(any(), isNull())).thenAnswer(call -> {
            List<SignalSubmission> chunk = call.getArgument(0);
            var outcomes = new ArrayList<IntakeOutcome>();
            for (SignalSubmission s : chunk) {
                ingested.add(s);
                String previous = stored.putIfAbsent(s.sourceId(), s.text());
                outcomes.add(previous == null ? new IntakeOutcome.Created(null)
                        : previous.equals(s.text()) ? new IntakeOutcome.Replayed(null)
                        : new IntakeOutcome.Conflicted(new SignalId(java.util.UUID.randomUUID()), s.source(), s.sourceId()));
            }
            return outcomes;
        });
    }

    DemoLoader loader(String now, long seed) {
        var clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        var properties = new DemoProperties(true, seed, 0.2, LocalDate.of(2026, 10, 1), 250);
        return new DemoLoader(intake, mock(DemoMetrics.class), clock, properties, dataDir, "jdbc:h2:mem:test",
                mock(ComplaintCases.class), mock(DemoReplayLoader.class));
    }

    @Test
    void firstStartLoadsThePeriodThroughYesterday() {
        DemoLoader.Result result = loader("2026-11-23T08:00:00Z", 1).load();

        assertThat(result.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(result.to()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(result.signals()).isPositive().isEqualTo(result.created()).isEqualTo(ingested.size());
        assertThat(ingested).allMatch(s -> s.source().equals("demo"))
                .allMatch(s -> s.receivedAt().isBefore(Instant.parse("2026-11-23T00:00:00Z")));
        assertThat(dataDir.resolve(LoadMarker.FILE_NAME)).exists();
    }

    @Test
    void secondStartTheSameDayLoadsNothing() {
        loader("2026-11-23T08:00:00Z", 1).load();
        ingested.clear();

        DemoLoader.Result again = loader("2026-11-23T20:00:00Z", 1).load();

        assertThat(again.signals()).isZero();
        assertThat(ingested).isEmpty();
    }

    @Test
    void aStartDaysLaterTopsUpOnlyTheNewDays() {
        loader("2026-11-23T08:00:00Z", 1).load();
        int first = stored.size();
        ingested.clear();

        DemoLoader.Result later = loader("2026-11-26T08:00:00Z", 1).load();

        assertThat(later.from()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(later.to()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(later.created()).isEqualTo(later.signals()).isEqualTo(ingested.size()).isPositive();
        assertThat(later.replayed()).isZero();
        assertThat(stored).hasSize(first + ingested.size());
    }

    @Test
    void aLostMarkerReloadsEverythingButAddsNothingTwice() throws Exception {
        loader("2026-11-23T08:00:00Z", 1).load();
        int first = stored.size();
        Files.delete(dataDir.resolve(LoadMarker.FILE_NAME));

        DemoLoader.Result again = loader("2026-11-23T09:00:00Z", 1).load();

        assertThat(again.created()).isZero();
        assertThat(again.replayed()).isEqualTo(first);
        assertThat(stored).hasSize(first);
    }

    @Test
    void anotherSeedReloadsAndReportsTheClashesAsConflicts() {
        loader("2026-11-23T08:00:00Z", 1).load();

        DemoLoader.Result other = loader("2026-11-23T09:00:00Z", 2).load();

        assertThat(other.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(other.conflicted()).isPositive();
    }

    @Test
    void aMarkerForAnotherDatabaseIsNotTrusted() {
        loader("2026-11-23T08:00:00Z", 1).load();
        ingested.clear();
        var clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        var elsewhere = new DemoLoader(intake, mock(DemoMetrics.class), clock, new DemoProperties(true, 1, 0.2, LocalDate.of(2026, 10, 1), 250),
                dataDir, "jdbc:postgresql://db/zeromission",
                mock(ComplaintCases.class), mock(DemoReplayLoader.class));

        assertThat(elsewhere.load().signals()).isPositive();
    }

    @Test
    void theMarkerNeverHoldsTheDatasourceUrl() throws Exception {
        var clock = Clock.fixed(Instant.parse("2026-10-03T08:00:00Z"), ZoneOffset.UTC);
        new DemoLoader(intake, mock(DemoMetrics.class), clock, new DemoProperties(true, 1, 0.2, LocalDate.of(2026, 10, 1), 250), dataDir,
                "jdbc:postgresql://db/zm?password=secret",
                mock(ComplaintCases.class), mock(DemoReplayLoader.class)).load();

        assertThat(Files.readString(dataDir.resolve(LoadMarker.FILE_NAME))).doesNotContain("secret").contains("seed=1");
    }
}
