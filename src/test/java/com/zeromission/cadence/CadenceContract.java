package com.zeromission.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.support.CronExpression;

import com.zeromission.alarms.TestClock;
import com.zeromission.audit.AuditLog;
import com.zeromission.cadence.internal.CadenceProperties;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.insights.Team;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.ProblemState;
import com.zeromission.problems.Problems;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * What the weekly cadence promises, on every supported database (see the subclasses), with a clock moved by hand.
 * Every test works in its own weeks with its own problems: the texts are made of words no other test uses, so each
 * becomes a problem of its own, and one test's squads never own another's problems.
 */
// Grouping by words only: the tests' texts are invented words so that each text is a problem of its own by its words;
// the English sentence model reads any "complaint" followed by invented words as much the same sentence.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"zeromission.alarms.scheduling=false",
        "zeromission.text.embeddings.enabled=false"})
@Import(CadenceContract.ClockConfiguration.class)
abstract class CadenceContract {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock cadenceClock() {
            return CLOCK;
        }
    }

    @Autowired
    Cadence cadence;
    @Autowired
    Problems problems;
    @Autowired
    Insights insights;
    @Autowired
    IntakeService intake;
    @Autowired
    AuditLog audit;
    @Autowired
    LockProvider locks;

    private static int words, signals;

    /** A word nobody else uses: consonant-vowel syllables counted up. */
    static String word() {
        String c = "bdfgklmnprstvz", v = "aeiou";
        int n = ++words + 1000;
        var s = new StringBuilder();
        while (n > 0) {
            s.append(c.charAt(n % c.length())).append(v.charAt((n / c.length()) % v.length()));
            n /= c.length() * v.length();
        }
        return s.append("x").toString();
    }

    /** Monday 06:00 UTC of {@code week}: when the weekly job runs. */
    static void mondayMorning(String week) {
        CLOCK.set(LocalDate.parse(week).atTime(6, 0).toInstant(ZoneOffset.UTC));
    }

    /** A new problem with {@code complaints} complaints on the Tuesday of the week starting {@code monday}. */
    long problem(String monday, int complaints) {
        String text = "complaint " + word() + " " + word() + " " + word() + " " + word();
        return complaints(text, LocalDate.parse(monday).plusDays(1), complaints);
    }

    long complaints(String text, LocalDate day, int n) {
        var list = new ArrayList<SignalSubmission>();
        for (int i = 0; i < n; i++) {
            list.add(SignalSubmission.parse(new RawSignal("cadence-test", "c-" + (++signals), "complaint", "SE", "pay-later",
                    "invoice", day + "T10:00:00Z", "en", text, null, null, null), CLOCK));
        }
        var created = intake.acceptAll(list);
        problems.assignPending();
        var id = ((IntakeOutcome.Created) created.getFirst()).signal().id().toString();
        return problems.problemOf(id).orElseThrow().id();
    }

    static List<Long> problemIds(Formation f) {
        return f.squads().stream().map(Squad::problemId).toList();
    }

    @Test
    void formsExactlyOneSquadPerTopProblem() {
        mondayMorning("2026-11-30");
        long first = problem("2026-11-23", 7), second = problem("2026-11-23", 6), third = problem("2026-11-23", 5);
        problem("2026-11-23", 4);
        problem("2026-11-23", 3);

        var formation = cadence.formThisWeek("system");

        assertThat(formation).isInstanceOf(Formation.Formed.class);
        assertThat(problemIds(formation)).containsExactly(first, second, third);
        assertThat(cadence.squads(LocalDate.parse("2026-11-30"))).extracting(Squad::problemId).containsExactly(first, second, third);
        var squad = formation.squads().getFirst();
        assertThat(squad.week()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(squad.problemWeek()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(squad.name()).startsWith("W49 squad: ");
        assertThat(squad.mandate()).contains("made 7 complaints in week 2026-W48", "propose a fix by 2026-12-14");
        assertThat(squad.due()).isEqualTo(LocalDate.parse("2026-12-14"));
        assertThat(squad.lead()).isEqualTo("success-lead");
        assertThat(squad.members()).isEmpty();
        assertThat(squad.status()).isEqualTo(SquadStatus.ACTIVE);
        assertThat(audit.latest(20)).filteredOn(e -> e.action().equals("squad.form")).extracting(AuditLog.Entry::subject)
                .contains(formation.squads().stream().map(s -> "squad " + s.id()).toArray(String[]::new));
    }

    @Test
    void neverFormsTwiceForTheSameWeek() throws Exception {
        mondayMorning("2026-10-12");
        for (int n : new int[] {5, 4, 3, 2}) {
            problem("2026-09-28", n);
            problem("2026-10-05", n);
        }
        var first = cadence.form(LocalDate.parse("2026-10-05"), "anna");
        var again = cadence.form(LocalDate.parse("2026-10-05"), "lars");

        assertThat(first).isInstanceOf(Formation.Formed.class);
        assertThat(again).isInstanceOf(Formation.AlreadyFormed.class);
        assertThat(again.squads()).extracting(Squad::id).containsExactlyElementsOf(first.squads().stream().map(Squad::id).toList());
        assertThat(((Formation.AlreadyFormed) again).formedBy()).isEqualTo("anna");

        // two instances at the same moment: one forms, the other finds the week formed
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var results = new ArrayList<Future<Formation>>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return cadence.form(LocalDate.parse("2026-10-12"), "system");
                }));
            }
            var outcomes = new ArrayList<Formation>();
            for (var r : results) {
                outcomes.add(r.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(f -> f instanceof Formation.Formed).hasSize(1);
            assertThat(outcomes).filteredOn(f -> f instanceof Formation.AlreadyFormed).hasSize(1);
            var formed = cadence.squads(LocalDate.parse("2026-10-12"));
            assertThat(formed).hasSize(3);
            // the loser wrote nothing: exactly one draft insight per squad, none left over
            var linked = Set.copyOf(formed.stream().map(Squad::problemId).toList());
            assertThat(insights.list(EnumSet.of(InsightState.DRAFT))).filteredOn(i -> linked.containsAll(i.content().problemIds()))
                    .hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void skipsProblemsSomebodyAlreadyOwns() {
        mondayMorning("2026-09-07");
        long squadOwned = problem("2026-08-24", 9); // alone in its week: last week's squad is working on it
        cadence.form(LocalDate.parse("2026-08-31"), "system");
        complaints(problems.details(ProblemId.of(squadOwned)).examples().getFirst().text(), LocalDate.parse("2026-09-01"), 6);
        long teamOwned = problem("2026-08-31", 5);
        long ownerless = problem("2026-08-31", 4);
        long fourth = problem("2026-08-31", 3);
        long fifth = problem("2026-08-31", 2);
        insights.saveTeam(new Team("cadence-owners", "payments", List.of("anna")));
        insights.create(new InsightContent("Owned by a team", List.of(teamOwned), List.of(), List.of(), null, null, null,
                null, "cadence-owners", "anna", List.of(), List.of(), null, null), "anna");
        // a draft nobody owns yet does not count: the problem still gets a squad
        insights.create(new InsightContent("Nobody's yet", List.of(ownerless), List.of(), List.of(), null, null, null,
                null, null, null, List.of(), List.of(), null, null), "anna");

        var formation = (Formation.Formed) cadence.form(LocalDate.parse("2026-09-07"), "system");

        assertThat(problemIds(formation)).containsExactly(ownerless, fourth, fifth);
        assertThat(formation.passedOver()).extracting(Formation.PassedOver::problemId).containsExactly(squadOwned, teamOwned);
        assertThat(formation.passedOver().get(0).ownedBy()).startsWith("squad ");
        assertThat(formation.passedOver().get(1).ownedBy()).contains("team cadence-owners");
    }

    @Test
    void takesTheNextProblemWhenATopOneIsOwned() {
        mondayMorning("2026-07-06");
        long top = problem("2026-06-29", 8), second = problem("2026-06-29", 6), third = problem("2026-06-29", 4),
                fourth = problem("2026-06-29", 2);
        insights.saveTeam(new Team("cadence-next", "payments", List.of("lars")));
        insights.create(new InsightContent("Already owned", List.of(top), List.of(), List.of(), null, null, null, null,
                "cadence-next", "lars", List.of(), List.of(), null, null), "lars");

        var formation = cadence.formThisWeek("system");

        assertThat(problemIds(formation)).containsExactly(second, third, fourth);
        assertThat(formation.squads()).extracting(Squad::rank).containsExactly(2, 3, 4);
    }

    @Test
    void eachSquadHasADraftInsightLinkedToItsProblem() {
        mondayMorning("2026-06-01");
        for (int n : new int[] {6, 5, 4}) {
            problem("2026-05-25", n);
        }

        var formation = cadence.form(LocalDate.parse("2026-06-01"), "analyst");

        assertThat(formation.squads()).hasSize(3);
        for (Squad s : formation.squads()) {
            var insight = insights.get(InsightId.of(s.insightId()));
            assertThat(insight.state()).isEqualTo(InsightState.DRAFT);
            assertThat(insight.content().problemIds()).containsExactly(s.problemId());
            assertThat(insight.content().title()).startsWith("Top problem of 2026-W22: ")
                    .contains(problems.get(ProblemId.of(s.problemId())).label());
            assertThat(insight.content().problemDefinition()).as("left for the squad").isNull();
            assertThat(insight.createdBy()).isEqualTo("analyst");
            assertThat(s.lead()).as("who forms squads by hand leads them").isEqualTo("analyst");
        }
    }

    @Test
    void theWeekStartsOnMondayInUtc() {
        // Sunday 23:30 UTC is already Monday in Stockholm, but still last week here
        CLOCK.set(Instant.parse("2026-05-03T23:30:00Z"));
        assertThat(cadence.thisWeek()).isEqualTo(LocalDate.parse("2026-04-27"));
        CLOCK.set(Instant.parse("2026-05-04T00:00:00Z"));
        assertThat(cadence.thisWeek()).isEqualTo(LocalDate.parse("2026-05-04"));
        assertThat(cadence.lastWeek()).isEqualTo(LocalDate.parse("2026-04-27"));
        // the job runs on Monday at 06:00 UTC
        var next = CronExpression.parse(CadenceProperties.DEFAULT_CRON)
                .next(ZonedDateTime.parse("2026-05-03T23:30:00Z[UTC]"));
        assertThat(next).isEqualTo(ZonedDateTime.parse("2026-05-04T06:00:00Z[UTC]"));
        assertThat(Weeks.parse("2026-W49")).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(Weeks.parse("2026-11-30")).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThatThrownBy(() -> cadence.form(LocalDate.parse("2026-05-05"), "system"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-05-05").hasMessageContaining("Tuesday");
        assertThatThrownBy(() -> cadence.form(LocalDate.parse("2026-05-11"), "system"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has not started yet");
    }

    @Test
    void theWeeklyReviewShowsWhatTheSquadsDidWhatWasResolvedAndWhatBlewUp() {
        mondayMorning("2026-04-06");
        long worked = problem("2026-03-30", 6), closed = problem("2026-03-30", 5);
        long fixed = problem("2026-03-23", 3), cameBack = problem("2026-03-23", 3);
        var formed = cadence.formThisWeek("system");
        CLOCK.set(Instant.parse("2026-04-08T09:00:00Z"));
        var closedSquad = formed.squads().stream().filter(s -> s.problemId() == closed).findFirst().orElseThrow();
        cadence.close(closedSquad.id(), "not a real problem: a test merchant", "anna");
        problems.resolve(ProblemId.of(fixed), "anna");
        problems.resolve(ProblemId.of(cameBack), "anna");
        CLOCK.set(Instant.parse("2026-04-10T12:00:00Z"));
        complaints(problems.details(ProblemId.of(cameBack)).examples().getFirst().text(), LocalDate.parse("2026-04-09"), 4);
        long spike = problem("2026-04-06", 12);
        mondayMorning("2026-04-13");
        cadence.formThisWeek("system");

        var review = cadence.review(LocalDate.parse("2026-04-06"));

        assertThat(review.week()).isEqualTo("2026-W15");
        assertThat(review.squads()).extracting(w -> w.squad().problemId()).contains(worked, closed);
        var work = review.squads().stream().filter(w -> w.squad().problemId() == worked).findFirst().orElseThrow();
        assertThat(work.insightState()).isEqualTo(InsightState.DRAFT);
        assertThat(work.latest().note()).isEqualTo("created");
        assertThat(review.squads()).filteredOn(w -> w.squad().problemId() == closed).singleElement()
                .satisfies(w -> assertThat(w.squad().outcome()).startsWith("not a real problem"));
        assertThat(review.formedNext()).extracting(w -> w.squad().problemId()).contains(spike);
        assertThat(review.resolvedProblems()).extracting(WeeklyReview.ResolvedProblem::problemId).contains(fixed)
                .doesNotContain(cameBack);
        assertThat(review.regressions()).extracting(r -> r.problem().id()).contains(cameBack);
        assertThat(problems.get(ProblemId.of(cameBack)).state()).isEqualTo(ProblemState.REGRESSED);
        assertThat(review.emerging()).extracting(e -> e.problem().id()).contains(spike);
    }

    @Test
    void oneInstanceAtATimeHoldsAJobLock() {
        var config = new LockConfiguration(Instant.now(), "cadence-contract", Duration.ofMinutes(5), Duration.ZERO);
        var held = locks.lock(config);
        assertThat(held).isPresent();
        assertThat(locks.lock(config)).as("the other instance skips the run").isEmpty();
        held.get().unlock();
        var next = locks.lock(new LockConfiguration(Instant.now(), "cadence-contract", Duration.ofMinutes(5), Duration.ZERO));
        assertThat(next).isPresent();
        next.get().unlock();
    }
}
