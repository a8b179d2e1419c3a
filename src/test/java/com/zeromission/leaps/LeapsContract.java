package com.zeromission.leaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.zeromission.alarms.TestClock;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.Problems;

/**
 * What leaps promise, on every supported database (see the subclasses), with a clock moved by hand. Each test sets
 * up its own leap; teams are saved again by each (saving a team is idempotent).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"zeromission.alarms.scheduling=false", "zeromission.cadence.scheduling=false"})
@Import(LeapsContract.ClockConfiguration.class)
abstract class LeapsContract {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-02T09:00:00Z"));
    static final LocalDate START = LocalDate.parse("2026-11-02");

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock leapsClock() {
            return CLOCK;
        }
    }

    @Autowired
    Leaps leaps;
    @Autowired
    Insights insights;
    @Autowired
    IntakeService intake;
    @Autowired
    Problems problems;

    private static int signals;

    static void today(String day) {
        CLOCK.set(LocalDate.parse(day).atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    long problem(String words) {
        var list = new ArrayList<SignalSubmission>();
        for (int i = 0; i < 3; i++) {
            list.add(SignalSubmission.parse(new RawSignal("leaps-test", "l-" + (++signals), "complaint", "SE", "pay-later",
                    "invoice", "2026-10-20T10:00:00Z", "en", "complaint " + words, null, null, null), CLOCK));
        }
        var created = intake.acceptAll(list);
        problems.assignPending();
        var id = ((IntakeOutcome.Created) created.getFirst()).signal().id().toString();
        return problems.problemOf(id).orElseThrow().id();
    }

    Leap leap(List<Long> problemIds) {
        today("2026-11-02");
        insights.saveTeam(new Team("leap-invoicing", "payments", List.of("anna", "lars")));
        insights.saveTeam(new Team("leap-checkout", "payments", List.of("maria")));
        insights.saveTeam(new Team("leap-service", "operations", List.of("nils")));
        return leaps.create(new LeapDraft("Complaints per million", "Why do 40 in every million purchases end in a complaint?",
                START, START.plusWeeks(8), List.of(new LeapMember("anna", "leap-invoicing"),
                        new LeapMember("maria", "leap-checkout"), new LeapMember("nils", "leap-service")), problemIds),
                "analyst");
    }

    @Test
    void aLeapIsPlannedBeforeItsStartAndRunningFromIt() {
        today("2026-10-30");
        insights.saveTeam(new Team("leap-invoicing", "payments", List.of("anna", "lars")));
        var leap = leaps.create(new LeapDraft("Later", "Why?", START, START.plusWeeks(4),
                List.of(new LeapMember("anna", "leap-invoicing")), List.of()), "analyst");
        assertThat(leap.state()).isEqualTo(LeapState.PLANNED);
        today("2026-11-02");
        assertThat(leaps.get(leap.id()).state()).isEqualTo(LeapState.RUNNING);
        assertThat(leaps.get(leap.id()).membersByTeam()).containsEntry("leap-invoicing", List.of("anna"));
        // past its end day without a deliverable: over its time box, not running forever
        today(START.plusWeeks(4).plusDays(1).toString());
        assertThat(leaps.get(leap.id()).state()).isEqualTo(LeapState.ENDED);
    }

    @Test
    void refusesToCloseALeapWithoutRecommendations() {
        var leap = leap(List.of());

        assertThatThrownBy(() -> leaps.update(leap.id(), new LeapChange(null, null, null, null, null, null, "CLOSED"), "analyst"))
                .isInstanceOf(LeapRefusedException.class).hasMessageContaining("at least one recommendation");
        assertThat(leaps.get(leap.id()).state()).isEqualTo(LeapState.RUNNING);

        leaps.recommend(leap.id(), new NewRecommendation("Digital invoices", "Send invoices digitally by default",
                "leap-invoicing", null, null), "analyst");
        var closed = leaps.update(leap.id(), new LeapChange(null, null, null, null, null, null, "closed"), "analyst");
        assertThat(closed.state()).isEqualTo(LeapState.CLOSED);
        assertThat(closed.closedBy()).isEqualTo("analyst");
        assertThatThrownBy(() -> leaps.update(leap.id(), new LeapChange("Renamed", null, null, null, null, null, null), "analyst"))
                .isInstanceOf(LeapRefusedException.class).hasMessageContaining("closed");
    }

    @Test
    void aRecommendationBecomesAnInsightForAnotherTeam() {
        long p = problem("leapword fimbrel quastor nodwick");
        var leap = leap(List.of(p));

        var r = leaps.recommend(leap.id(), new NewRecommendation("Grace period after new year",
                "Give December invoices fourteen days of grace; call 0701234567 if unsure", "leap-invoicing", "lars", null),
                "analyst");

        var insight = insights.get(InsightId.of(r.insightId()));
        assertThat(insight.state()).isEqualTo(InsightState.DRAFT);
        assertThat(insight.content().title()).isEqualTo("Grace period after new year");
        assertThat(insight.content().proposedSolution()).startsWith("Give December invoices fourteen days of grace")
                .doesNotContain("0701234567");
        assertThat(insight.content().problemIds()).containsExactly(p);
        assertThat(insight.content().ownerTeam()).isEqualTo("leap-invoicing");
        assertThat(insight.content().responsiblePerson()).isEqualTo("lars");
        assertThat(leaps.get(leap.id()).recommendations()).extracting(Recommendation::insightId).containsExactly(insight.id().value());
        assertThatThrownBy(() -> leaps.recommend(leap.id(), new NewRecommendation("x", "y", "no-such-team", null, null), "analyst"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'no-such-team' is not a known team");
        assertThatThrownBy(() -> leaps.recommend(leap.id(), new NewRecommendation("x", "y", "leap-invoicing", "maria", null),
                "analyst")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maria' is not a member");
    }

    @Test
    void refusesLogEntriesOutsideTheLeapsDates() {
        today("2026-10-30");
        insights.saveTeam(new Team("leap-invoicing", "payments", List.of("anna", "lars")));
        var leap = leaps.create(new LeapDraft("Dated", "Why?", START, START.plusWeeks(2),
                List.of(new LeapMember("anna", "leap-invoicing")), List.of()), "analyst");

        assertThatThrownBy(() -> leaps.log(leap.id(), LogKind.WEEKLY_PLAN, null, "plan", "anna"))
                .isInstanceOf(LeapRefusedException.class).hasMessageContaining("open from 2026-11-02 to 2026-11-16")
                .hasMessageContaining("today is 2026-10-30");
        today("2026-11-04");
        var entry = leaps.log(leap.id(), LogKind.STANDUP, null, "Looked at 40 reminder complaints; anna@example.com wrote in", "anna");
        assertThat(entry.date()).isEqualTo(LocalDate.parse("2026-11-04"));
        assertThat(entry.text()).doesNotContain("anna@example.com");
        assertThat(leaps.log(leap.id(), LogKind.WEEKLY_PLAN, START, "plan", "anna").date()).isEqualTo(START);
        assertThatThrownBy(() -> leaps.log(leap.id(), LogKind.STANDUP, LocalDate.parse("2026-11-05"), "ahead", "anna"))
                .isInstanceOf(LeapRefusedException.class).hasMessageContaining("was 2026-11-05");
        assertThatThrownBy(() -> leaps.log(leap.id(), LogKind.STANDUP, LocalDate.parse("2026-11-01"), "before", "anna"))
                .isInstanceOf(LeapRefusedException.class).hasMessageContaining("was 2026-11-01");
        today("2026-11-17");
        assertThatThrownBy(() -> leaps.log(leap.id(), LogKind.RETRO, null, "too late", "anna"))
                .isInstanceOf(LeapRefusedException.class).hasMessageContaining("today is 2026-11-17");
        assertThat(leaps.get(leap.id()).log()).extracting(LogEntry::kind).containsExactly(LogKind.WEEKLY_PLAN, LogKind.STANDUP);
    }

    @Test
    void theActionPlanShowsEachRecommendationsInsightState() {
        long p = problem("leapword brantok velquish dormint");
        var leap = leap(List.of(p));
        var kept = leaps.recommend(leap.id(), new NewRecommendation("Draft only", "Explain declines in the app",
                "leap-checkout", "maria", null), "analyst");
        var handed = leaps.recommend(leap.id(), new NewRecommendation("Delegated", "Send a reminder e-mail three days before the due date",
                "leap-invoicing", "anna", null), "analyst");
        var content = insights.get(InsightId.of(handed.insightId())).content();
        insights.update(InsightId.of(handed.insightId()), new InsightContent(content.title(), content.problemIds(),
                List.of(new Evidence.ReplayLink(java.net.URI.create("https://replay.example.com/x"))),
                List.of(), "Customers miss the due date and pay a reminder fee they did not expect.", content.proposedSolution(),
                new ImpactModel(null, 1.2, new java.math.BigDecimal("6.50"), java.math.BigDecimal.ZERO,
                        0.03, new java.math.BigDecimal("35.00"), 0.5, null, null),
                5.0, content.ownerTeam(), content.responsiblePerson(), content.teamsNeeded(), List.of(), null, null), "analyst");
        insights.delegate(InsightId.of(handed.insightId()), "analyst");

        var plan = leaps.actionPlan(leap.id());

        assertThat(plan.items()).extracting(i -> i.recommendation().id()).containsExactly(kept.id(), handed.id());
        assertThat(plan.items().get(0).insightState()).isEqualTo(InsightState.DRAFT);
        assertThat(plan.items().get(0).delegated()).isFalse();
        assertThat(plan.items().get(0).ownerTeam()).isEqualTo("leap-checkout");
        assertThat(plan.items().get(1).insightState()).isEqualTo(InsightState.DELEGATED);
        assertThat(plan.items().get(1).delegated()).isTrue();
        assertThat(plan.items().get(1).ownerTeam()).isEqualTo("leap-invoicing");
        assertThat(plan.delegated()).isEqualTo(1);
    }

    @Test
    void theDatesAreATimeBoxOfAtMost26Weeks() {
        assertThatThrownBy(() -> new LeapDraft("x", "y", START, START, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end must be after start 2026-11-02, was 2026-11-02");
        assertThatThrownBy(() -> new LeapDraft("x", "y", START, START.minusDays(1), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 2026-11-01");
        assertThatThrownBy(() -> new LeapDraft("x", "y", START, START.plusWeeks(26).plusDays(1), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 26 weeks")
                .hasMessageContaining("2027-05-03");
        assertThat(new LeapDraft("x", "y", START, START.plusWeeks(26), List.of(), List.of()).end()).isEqualTo(LocalDate.parse("2027-05-03"));
        var leap = leap(List.of());
        assertThatThrownBy(() -> leaps.update(leap.id(), new LeapChange(null, null, null, START.plusWeeks(30), null, null, null),
                "analyst")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 26 weeks");
        assertThatThrownBy(() -> leaps.create(new LeapDraft("x", "y", START, START.plusWeeks(2),
                List.of(new LeapMember("anna", "nowhere")), List.of()), "analyst"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("home team 'nowhere' of anna");
        assertThatThrownBy(() -> new LeapMember("Anna Svensson", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Anna Svensson'");
    }
}
