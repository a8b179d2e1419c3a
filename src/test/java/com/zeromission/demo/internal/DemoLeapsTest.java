package com.zeromission.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.demo.DemoProblem;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.leaps.LeapState;
import com.zeromission.leaps.Leaps;
import com.zeromission.leaps.LogKind;
import com.zeromission.problems.Problems;
import com.zeromission.support.TestDatabases;

/**
 * The demo's leap, on last week's top problems: running since six weeks, five members from four teams, a log with
 * stand-ups, plans and a retro, and three recommendations of which two pass the quality gate and are delegated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"zeromission.alarms.scheduling=false", "zeromission.cadence.scheduling=false"})
class DemoLeapsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    Leaps leaps;
    @Autowired
    Insights insights;
    @Autowired
    Problems problems;
    @Autowired
    IntakeService intake;
    @Autowired
    Clock clock;

    @Test
    void theDemoLeapRunsWithAnActionPlanOfThreeRecommendationsTwoDelegated() {
        for (var t : List.of(new Team("invoicing", "payments", List.of("anna", "lars")), new Team("checkout", "payments",
                List.of("maria")), new Team("credit-decisions", "risk", List.of("sofia")), new Team("customer-service",
                "operations", List.of("nils", "ida")), new Team("app", "mobile", List.of("kim")))) {
            insights.saveTeam(t);
        }
        LocalDate lastWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusWeeks(1)
                .with(java.time.DayOfWeek.MONDAY);
        var list = new ArrayList<SignalSubmission>();
        int n = 0;
        for (String words : List.of("zorvane plimtek hudrasol", "quembrix tolvadu serkiff", "mavrolet dunquix pelsorad")) {
            for (int i = 0; i < 3; i++) {
                list.add(SignalSubmission.parse(new RawSignal("demo-leaps-test", "d-" + (++n), "complaint", "SE", "pay-later",
                        "invoice", lastWeek.plusDays(1) + "T10:00:00Z", "en", "complaint " + words, null, null, null), clock));
            }
        }
        var outcomes = intake.acceptAll(list);
        problems.assignPending();
        java.util.function.IntFunction<Long> problemOf = i -> problems.problemOf(
                ((IntakeOutcome.Created) outcomes.get(i)).signal().id().toString()).orElseThrow().id();
        var found = new java.util.EnumMap<DemoProblem, Long>(DemoProblem.class);
        found.put(DemoProblem.INVOICE_REMINDER_FEE, problemOf.apply(0));
        found.put(DemoProblem.CUSTOMER_SERVICE_REACH, problemOf.apply(3));
        found.put(DemoProblem.MISSED_PAYMENT, problemOf.apply(6));

        new DemoLeaps(leaps, insights, problems).create(lastWeek, found);
        new DemoLeaps(leaps, insights, problems).create(lastWeek, found); // a restart adds nothing

        assertThat(leaps.list()).hasSize(1);
        var leap = leaps.list().getFirst();
        assertThat(leap.state()).isEqualTo(LeapState.RUNNING);
        assertThat(leap.start()).isEqualTo(leaps.today().minusWeeks(6));
        assertThat(leap.mandate()).isEqualTo("Why do 40 in every million purchases end in a complaint?");
        // five from four teams, and the demo's team member (so that signing in as member, one may write its log)
        assertThat(leap.members()).hasSize(6).extracting(m -> m.user()).contains("member");
        assertThat(leap.membersByTeam()).hasSize(4);
        assertThat(leap.log()).extracting(e -> e.kind()).contains(LogKind.STANDUP, LogKind.WEEKLY_PLAN, LogKind.RETRO);
        var plan = leaps.actionPlan(leap.id());
        assertThat(plan.items()).hasSize(3);
        assertThat(plan.delegated()).isEqualTo(2);
        assertThat(plan.items()).extracting(i -> i.insightState())
                .containsExactly(InsightState.DELEGATED, InsightState.DELEGATED, InsightState.DRAFT);
        // each recommendation is about its own problem: invoices, reaching a person, missed payments
        assertThat(plan.items()).extracting(i -> insights.get(InsightId.of(i.recommendation().insightId())).content().problemIds())
                .containsExactly(List.of(found.get(DemoProblem.INVOICE_REMINDER_FEE)),
                        List.of(found.get(DemoProblem.CUSTOMER_SERVICE_REACH)),
                        List.of(found.get(DemoProblem.MISSED_PAYMENT)));
    }
}
