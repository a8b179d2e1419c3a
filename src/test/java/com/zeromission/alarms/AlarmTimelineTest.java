package com.zeromission.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.intake.IntakeService;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.Targets;
import com.zeromission.support.TestDatabases;

/**
 * A known stream, day by day with a fixed clock, through the real intake and metrics APIs: target 40 CPM, 1,000,000
 * purchases and 40 complaints a day (burn rate exactly 1) for five weeks, then three days of 700 complaints (17.5x),
 * then back to 40. Each night at 00:30 the evaluation of the day before runs; the test checks on which day each alert
 * fires and clears.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@org.springframework.context.annotation.Import(TestClockConfiguration.class)
class AlarmTimelineTest {

    static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    static final int NORMAL_DAYS = 35, BURST_DAYS = 3, AFTER_DAYS = 10;
    static final LocalDate BURST = FIRST.plusDays(NORMAL_DAYS), AFTER = BURST.plusDays(BURST_DAYS);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    Alarms alarms;
    @Autowired
    IntakeService intake;
    @Autowired
    Purchases purchases;
    @Autowired
    Targets targets;
    @Autowired
    TestClock clock;

    record Event(LocalDate day, String what, String rule, Scope scope) {
    }

    @Test
    void firesWhenBothWindowsBurnFasterThan14Point4AndClearsOnTheFirstNormalDay() {
        var feed = new Feed(intake, purchases, targets, clock, "timeline");
        feed.target(2026, Scope.GLOBAL, "40");
        var events = new ArrayList<Event>();
        LocalDate last = AFTER.plusDays(AFTER_DAYS - 1);
        for (LocalDate day = FIRST; !day.isAfter(last); day = day.plusDays(1)) {
            boolean burst = !day.isBefore(BURST) && day.isBefore(AFTER);
            feed.day(day, "SE", "pay-later", 1_000_000, burst ? 700 : 40);
            Evaluation e = alarms.evaluate(Alarms.Trigger.SCHEDULE);
            assertThat(e.asOf()).isEqualTo(day);
            for (Alert a : e.fired()) {
                events.add(new Event(day, "fired", a.rule(), a.scope()));
                assertThat(a.firedOn()).isEqualTo(day);
            }
            for (Alert a : e.cleared()) {
                events.add(new Event(day, "cleared", a.rule(), a.scope()));
                assertThat(a.clearedOn()).isEqualTo(day);
            }
        }

        var se = new Scope("SE", "pay-later");
        assertThat(events).containsExactlyInAnyOrder(
                // Day 1 of the burst: slow burn (28 days at 1.59x, 7 days at 3.4x), the slice's spike (700 where its
                // earlier same weekdays predict 40), and the weekly spike of everything, the market and the product
                // (940 in 7 days where 280 were expected). The fast rule waits: its 2-day window burns at
                // (40 + 700) / 2 / 40 = 9.25x, below 14.4.
                new Event(BURST, "fired", "slow-burn", Scope.GLOBAL),
                new Event(BURST, "fired", "spike", se),
                new Event(BURST, "fired", "weekly-spike", Scope.GLOBAL),
                new Event(BURST, "fired", "weekly-spike", new Scope("SE", null)),
                new Event(BURST, "fired", "weekly-spike", new Scope(null, "pay-later")),
                // Day 2: both fast-burn windows at 17.5x.
                new Event(BURST.plusDays(1), "fired", "fast-burn", Scope.GLOBAL),
                // Day 3: the 7-day window reaches (4 * 40 + 3 * 700) / 7 / 40 = 8.1x > 6.
                new Event(BURST.plusDays(2), "fired", "medium-burn", Scope.GLOBAL),
                // First normal day: every 1-day window is back at 1x.
                new Event(AFTER, "cleared", "fast-burn", Scope.GLOBAL),
                new Event(AFTER, "cleared", "medium-burn", Scope.GLOBAL),
                new Event(AFTER, "cleared", "spike", se),
                // Slow burn and the weekly spikes clear when their 7-day window holds no burst day any more.
                new Event(AFTER.plusDays(6), "cleared", "slow-burn", Scope.GLOBAL),
                new Event(AFTER.plusDays(6), "cleared", "weekly-spike", Scope.GLOBAL),
                new Event(AFTER.plusDays(6), "cleared", "weekly-spike", new Scope("SE", null)),
                new Event(AFTER.plusDays(6), "cleared", "weekly-spike", new Scope(null, "pay-later")));

        // Nothing is open at the end; and the stored history has exactly one alert per episode.
        assertThat(alarms.list(false, 100)).isEmpty();
        List<Alert> all = alarms.list(true, 100);
        assertThat(all).hasSize(7).allMatch(a -> a.state() == AlertState.CLEARED);
        Alert fast = all.stream().filter(a -> a.rule().equals("fast-burn")).findFirst().orElseThrow();
        var evidence = (Evidence.BurnRate) fast.evidence();
        assertThat(evidence.longWindow()).isEqualTo(new Evidence.Window(BURST, BURST.plusDays(1), 1_400, 2_000_000));
        assertThat(evidence.longBurnRate()).isEqualTo(17.5);
        assertThat(fast.firedAt()).isEqualTo(BURST.plusDays(2).atTime(0, 30).toInstant(java.time.ZoneOffset.UTC));
        assertThat(fast.clearReason()).isEqualTo("burn rate 1.00× over the 1-day window to " + AFTER + " is not above 14.4×");
    }
}
