package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.Purchases;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;
import com.zeromission.alarms.TestClock;

/**
 * Effect measurement end to end on a constructed series, through the real intake, grouping and purchase figures: a
 * fix after which complaints really dropped is verified; one after which they only wobbled is not; and a verified
 * fix whose complaints come back regresses. The clock is moved by hand, week by week.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
@Import(EffectMeasurementContract.ClockConfiguration.class)
abstract class EffectMeasurementContract {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-02T12:00:00Z"));

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock mutableClock() {
            return CLOCK;
        }
    }

    static final String FIXED = "The invoice never arrived and now I got a reminder fee for it";
    static final String NOISE = "The app crashes every time I try to log in to pay";

    @Autowired
    Insights insights;
    @Autowired
    Problems problems;
    @Autowired
    IntakeService intake;
    @Autowired
    Purchases purchases;

    private int ids;

    /** {@code perWeek} complaints a week with this text, for the weeks from {@code monday}, spread over Tue-Thu. */
    void complaints(String text, String monday, int weeks, int perWeek) {
        var list = new ArrayList<SignalSubmission>();
        for (int w = 0; w < weeks; w++) {
            LocalDate week = LocalDate.parse(monday).plusWeeks(w);
            for (int i = 0; i < perWeek; i++) {
                String at = week.plusDays(1 + i % 3) + "T10:00:00Z";
                list.add(SignalSubmission.parse(new RawSignal("effect-test", "e-" + (++ids), "complaint", "SE", "pay-later",
                        "invoice", at, "en", text, null, null, null), CLOCK));
            }
        }
        intake.acceptAll(list);
        problems.assignPending();
    }

    long problemOf(String text) {
        return problems.list(List.of(), 500).stream()
                .filter(p -> problems.details(ProblemId.of(p.id())).examples().stream().anyMatch(e -> e.text().equals(text)))
                .findFirst().orElseThrow().id();
    }

    Insight resolvedInsight(String title, long problem) {
        insights.saveTeam(new Team("effect-team", "payments", List.of("anna")));
        var i = insights.create(new InsightContent(title, List.of(problem),
                List.of(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/e"))), List.of(),
                "Customers describe this problem in detail and it recurs every week in the same way.",
                "Change the product so that this cannot happen again, and tell the customers concerned.",
                new ImpactModel(null, 1, BigDecimal.TEN, BigDecimal.ZERO, 0, BigDecimal.ZERO, 1, null, null), 3.0, "effect-team", "anna",
                List.of("effect-team"), List.of(), null, null), "anna");
        insights.delegate(i.id(), "anna");
        insights.move(i.id(), InsightState.IN_PROGRESS, "anna", null);
        return insights.move(i.id(), InsightState.RESOLVED, "anna", "shipped");
    }

    @Test
    void verifiesARealDropIgnoresNoiseAndRegressesWhenComplaintsComeBack() {
        // Purchase days in the future are refused: store the whole half year as its last day would, then go back.
        CLOCK.set(Instant.parse("2026-06-30T12:00:00Z")); // the clock is shared by the H2 and PostgreSQL runs
        var days = new ArrayList<PurchaseCount>();
        for (LocalDate d = LocalDate.parse("2025-12-29"); d.isBefore(LocalDate.parse("2026-07-01")); d = d.plusDays(1)) {
            days.add(new PurchaseCount(d, "SE", "pay-later", 1_000_000));
        }
        purchases.upsert(days, "test");
        CLOCK.set(Instant.parse("2026-03-02T12:00:00Z"));
        // eight weeks before the fix week (2026-03-02): 40 a week for both problems
        complaints(FIXED, "2026-01-05", 8, 40);
        complaints(NOISE, "2026-01-05", 8, 40);
        long fixed = problemOf(FIXED), noise = problemOf(NOISE);
        assertThat(fixed).isNotEqualTo(noise);
        var realFix = resolvedInsight("Digital invoices by default", fixed);
        var noFix = resolvedInsight("Login crash fix", noise);

        CLOCK.set(Instant.parse("2026-03-20T12:00:00Z")); // one full week after the fix's week: too early to say
        assertThat(insights.measure(realFix.id(), "system").outcome()).startsWith("too early: 1 of the 4 full weeks");

        // eight weeks after: 10 a week for the real fix, 38 a week (noise) for the other
        CLOCK.set(Instant.parse("2026-05-06T12:00:00Z"));
        complaints(FIXED, "2026-03-09", 8, 10);
        complaints(NOISE, "2026-03-09", 8, 38);

        var verified = insights.measure(realFix.id(), "system");
        var notVerified = insights.measure(noFix.id(), "system");

        assertThat(verified.outcome()).isEqualTo("verified");
        assertThat(verified.insight().state()).isEqualTo(InsightState.VERIFIED);
        assertThat(verified.effect().complaintsBefore()).isEqualTo(320);
        assertThat(verified.effect().complaintsAfter()).isEqualTo(80);
        assertThat(verified.effect().purchasesBefore()).isEqualTo(56_000_000);
        assertThat(verified.effect().changePercent()).isCloseTo(-75.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(verified.insight().history().getLast().note()).startsWith("a real drop");
        assertThat(notVerified.outcome()).startsWith("not verified yet: no real drop");
        assertThat(notVerified.insight().state()).isEqualTo(InsightState.RESOLVED);

        // four weeks later the real fix's complaints are back at 40 a week
        CLOCK.set(Instant.parse("2026-06-03T12:00:00Z"));
        complaints(FIXED, "2026-05-04", 4, 40);
        var regressed = insights.measure(realFix.id(), "system");

        assertThat(regressed.outcome()).isEqualTo("regressed");
        assertThat(regressed.insight().state()).isEqualTo(InsightState.REGRESSED);
        assertThat(regressed.insight().history().getLast().note()).startsWith("complaints came back in the last 4 weeks");
    }
}
