package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.insights.Evidence;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.intake.Channel;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.Signal;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ReplayedSignal;
import com.zeromission.problems.Problems;
import com.zeromission.problems.ProblemsGrouped;
import com.zeromission.replay.ReplayId;
import com.zeromission.replay.Replays;
import com.zeromission.replay.TimelineEntry;
import com.zeromission.support.TestDatabases;

/**
 * The demo's recorded sessions on the embedded database: the demo start stores one every other day of the last three
 * weeks, each linked to a feedback-form signal carrying the customer's message, grouped into a problem whose page lists
 * the replays, and a demo insight pointing at the moment one shows the error; a second load stores nothing, and a start
 * days later adds only the new days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "zeromission.demo.enabled=true", "zeromission.demo.scale=0.02", "zeromission.alarms.scheduling=false"})
class DemoReplayLoaderTest {

    static final Path DATA_DIR = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zeromission.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> TestDatabases.h2Url(DATA_DIR));
        // the demo period: a few recent weeks are enough here
        registry.add("zeromission.demo.from", () -> LocalDate.now(ZoneOffset.UTC).minusDays(40).toString());
    }

    @Autowired
    DemoReplayLoader loader;
    @Autowired
    Replays replays;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;
    @Autowired
    DemoProperties properties;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    DemoInsights demoInsights;
    @Autowired
    Insights insights;

    @Test
    void theDemoStartStoresSessionsOfTheLastThreeWeeksEachLinkedToItsFeedbackFormMessage() {
        LocalDate today = LocalDate.now(clock);
        var days = DemoReplayLoader.days(today);
        assertThat(days).hasSizeBetween(10, 11).allMatch(d -> d.isBefore(today) && !d.isBefore(today.minusDays(21)));

        var messages = new HashSet<String>();
        for (LocalDate day : days) {
            ReplayId id = DemoReplayLoader.replayId(properties.seed(), day);
            var summary = replays.summary(id);
            assertThat(summary.startedAt()).as("session of %s", day).isBetween(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(summary.durationMillis()).isBetween(60_000L, 300_000L);
            assertThat(summary.timeline()).anyMatch(e -> e.kind() == TimelineEntry.Kind.ERROR).anyMatch(e -> e.kind() == TimelineEntry.Kind.RAGE_CLICK);
            assertThat(summary.signals()).hasSize(1);
            Signal signal = intake.find(summary.signals().getFirst()).orElseThrow();
            assertThat(signal.channel()).isEqualTo(Channel.FEEDBACK_FORM);
            assertThat(signal.source()).isEqualTo(DemoReplayLoader.SOURCE);
            assertThat(signal.replayId()).isEqualTo(id.value());
            assertThat(signal.receivedAt()).isAfter(summary.startedAt());
            assertThat(signal.text()).containsIgnoringCase("card");
            assertThat(replays.ofSignals(List.of(signal.id()))).containsEntry(signal.id(), id);
            messages.add(signal.text());
        }
        assertThat(messages).as("the customers' messages differ").hasSizeGreaterThan(2);
    }

    @Test
    void aSecondLoadStoresNothingAndAStartDaysLaterAddsOnlyTheNewDays() {
        long sessions = count("replay_session"), signals = count("signal");

        var again = loader.load();

        assertThat(again.stored()).isZero();
        assertThat(again.present()).isEqualTo(DemoReplayLoader.days(LocalDate.now(clock)).size());
        assertThat(count("replay_session")).isEqualTo(sessions);
        assertThat(count("signal")).isEqualTo(signals);

        var fourDaysLater = Clock.offset(clock, java.time.Duration.ofDays(4));
        var later = new DemoReplayLoader(intake, replays, tx, properties, fourDaysLater).load();

        assertThat(later.stored()).isEqualTo(2); // every other day: two of the four new days
        assertThat(count("replay_session")).isEqualTo(sessions + 2);
        assertThat(count("signal")).isEqualTo(signals + 2);
        assertThat(new DemoReplayLoader(intake, replays, tx, properties, fourDaysLater).load().stored()).isZero();
    }

    @Test
    void theMessagesGroupIntoAProblemWhosePageListsTheirReplays() {
        problems.assignPending();
        var ids = new HashSet<UUID>();
        var problemIds = new HashSet<Long>();
        for (LocalDate day : DemoReplayLoader.days(LocalDate.now(clock))) {
            ReplayId id = DemoReplayLoader.replayId(properties.seed(), day);
            ids.add(id.value());
            problems.problemOf(replays.summary(id).signals().getFirst().toString()).ifPresent(p -> problemIds.add(p.id()));
        }
        assertThat(problemIds).isNotEmpty();
        var listed = new HashSet<UUID>();
        problemIds.forEach(p -> problems.replayedSignals(ProblemId.of(p), 50).stream().map(ReplayedSignal::replayId)
                .forEach(listed::add));
        assertThat(listed).containsAll(ids);
    }

    @Test
    void aDemoInsightAboutTheCardPaymentsPointsAtTheMomentTheNewestSessionShowsTheError() {
        problems.assignPending();
        demoInsights.on(new ProblemsGrouped(0, 0, 0)); // or waits for the grouping's own call to finish
        var days = DemoReplayLoader.days(LocalDate.now(clock));
        ReplayId newest = DemoReplayLoader.replayId(properties.seed(), days.getLast());
        var summary = replays.summary(newest);
        long error = summary.timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.ERROR).findFirst()
                .orElseThrow().atMillis();
        var problem = problems.problemOf(summary.signals().getFirst().toString()).orElseThrow();

        var insight = insights.list(EnumSet.noneOf(InsightState.class)).stream()
                .filter(i -> i.content().title().startsWith("Card payments fail")).findFirst().orElseThrow();

        assertThat(insight.content().evidence()).containsExactly(new Evidence.ReplayMoment(newest.value().toString(), error));
        assertThat(insight.content().problemIds()).containsExactly(problem.id());
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
