package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.zeromission.audit.AuditLog;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.ProblemNotFoundException;
import com.zeromission.problems.Problems;

/** What the insights module promises, on every supported database (see the subclasses). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "zeromission.alarms.scheduling=false")
abstract class InsightsContract {

    @Autowired
    Insights insights;
    @Autowired
    Problems problems;
    @Autowired
    IntakeService intake;
    @Autowired
    Clock clock;

    private static int counter;
    private final String tag = "i" + (++counter) + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Autowired
    AuditLog audit;

    /** A problem with complaints three weeks ago: inside both the 52-week and the 12-week window, whenever it runs. */
    long problemWith(int complaints, String text) {
        return problemWith(complaints, text, java.time.LocalDate.now(clock).minusWeeks(3).toString());
    }

    long problemWith(int complaints, String text, String day) {
        var list = new java.util.ArrayList<SignalSubmission>();
        for (int i = 0; i < complaints; i++) {
            list.add(SignalSubmission.parse(new RawSignal("insights-test", tag + "-" + textKey(text) + "-d"
                    + java.time.LocalDate.parse(day).toEpochDay() + "-" + i, "complaint",
                    "SE", "pay-later", "invoice", day + "T10:00:00Z", "en", text, null, null, null), clock));
        }
        var created = intake.acceptAll(list);
        problems.assignPending();
        var id = ((IntakeOutcome.Created) created.getFirst()).signal().id().toString();
        return problems.problemOf(id).orElseThrow().id();
    }

    /**
     * A short key for a text in source ids. Not its decimal hash code: ten digits after a dash are a valid Swedish
     * personal identity number about one time in ten, and intake rightly refuses a source id that looks like one.
     */
    private static String textKey(String text) {
        return "t" + Integer.toString(text.hashCode() & 0x7fffffff, 36);
    }

    InsightContent draft(String title, long problem) {
        return new InsightContent(title, List.of(problem), List.of(), List.of(), "TBD", null, null, null, null, null,
                List.of(), List.of(), null, null);
    }

    InsightContent complete(String title, long problem, String value, double effort) {
        return new InsightContent(title, List.of(problem),
                List.of(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/" + tag))), List.of(),
                "Paper invoices sent in early January arrive after their due date, so customers pay a reminder fee.",
                "Send digital invoices by default and give January invoices a fourteen-day grace period.",
                fromTheData(value), effort,
                tag + "-invoicing", "anna", List.of(tag + "-invoicing", tag + "-print"), List.of("legal"), 2.0, 0.8);
    }

    /** An impact whose occurrences a year are left to the data (the linked problems' last 52 weeks). */
    static ImpactModel fromTheData(String contactCost) {
        return new ImpactModel(null, 1.0, new BigDecimal(contactCost), BigDecimal.ZERO, 0, BigDecimal.ZERO, 1.0, null, null);
    }

    void teams() {
        insights.saveTeam(new Team(tag + "-invoicing", "payments", List.of("anna", "lars")));
        insights.saveTeam(new Team(tag + "-print", "operations", List.of("olle")));
    }

    @Test
    void refusesAReplayMomentWhoseReplayTheReplayStoreDoesNotHoldAndChangesNothing() {
        // no linked problem: signals of its own would change the other tests' shares of recent complaints
        var draft = insights.create(new InsightContent("Card payments fail at checkout", List.of(), List.of(), List.of(),
                "TBD", null, null, null, null, null, List.of(), List.of(), null, null), "anna");
        var moment = new Evidence.ReplayMoment(java.util.UUID.randomUUID().toString(), 1_000);
        var with = new InsightContent(draft.content().title(), draft.content().problemIds(), List.of(moment), List.of(),
                "TBD", null, null, null, null, null, List.of(), List.of(), null, null);

        // no replay of a random id is stored; on this branch no replay store is wired at all: refused either way
        assertThatThrownBy(() -> insights.update(draft.id(), with, "anna")).isInstanceOf(ReplayMomentRefusedException.class)
                .hasMessageContaining("replay moment " + moment.replayId() + " at 0:01 cannot be evidence")
                .hasMessageEndingWith("nothing was changed");
        assertThatThrownBy(() -> insights.create(with, "anna")).isInstanceOf(ReplayMomentRefusedException.class);
        assertThat(insights.get(draft.id())).isEqualTo(draft);
    }

    @Test
    void refusesToDelegateAnIncompleteInsightNamingWhatIsMissingAndRecordsTheRefusal() {
        teams();
        long problem = problemWith(3, "The invoice never arrived and now I got a reminder fee " + tag);
        var draft = insights.create(draft("Reminder fees for invoices that never came", problem), "anna");

        assertThatThrownBy(() -> insights.delegate(draft.id(), "anna"))
                .isInstanceOf(DelegationRefusedException.class)
                .hasMessageContaining("evidence: none attached")
                .hasMessageContaining("problem-definition: 'TBD' is a placeholder")
                .hasMessageContaining("owner-team: no owner team");

        var after = insights.get(draft.id());
        assertThat(after.state()).isEqualTo(InsightState.DRAFT);
        assertThat(after.gate().readinessPercent()).isLessThan(100);
        assertThat(after.history()).extracting(Insight.Transition::note).last().asString().startsWith("delegation refused: ");
        assertThat(after.history()).last().extracting(Insight.Transition::actor).isEqualTo("anna");
    }

    @Test
    void delegatesACompleteInsightThroughActionableAndRecordsWhoAndWhen() {
        teams();
        long problem = problemWith(3, "My refund has not arrived weeks after the return " + tag);
        var created = insights.create(draft("Refunds take weeks", problem), "anna");
        insights.update(created.id(), complete("Refunds take weeks", problem, "12.50", 5), "anna");

        var delegated = insights.delegate(created.id(), "lars");

        assertThat(delegated.state()).isEqualTo(InsightState.DELEGATED);
        assertThat(delegated.gate().passed()).isTrue();
        assertThat(delegated.history()).extracting(Insight.Transition::from, Insight.Transition::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, InsightState.DRAFT),
                org.assertj.core.groups.Tuple.tuple(InsightState.DRAFT, InsightState.DRAFT), // the edit that completed it
                org.assertj.core.groups.Tuple.tuple(InsightState.DRAFT, InsightState.ACTIONABLE),
                org.assertj.core.groups.Tuple.tuple(InsightState.ACTIONABLE, InsightState.DELEGATED));
        assertThat(delegated.history().getLast().actor()).isEqualTo("lars");
        assertThat(delegated.history().getLast().note()).contains(tag + "-invoicing", "anna");
        assertThatThrownBy(() -> insights.update(created.id(), complete("Changed", problem, "1", 1), "anna"))
                .isInstanceOf(InsightTransitionRefusedException.class).hasMessageContaining("delegated already");
    }

    @Test
    void followsTheWorkflowAndRefusesStepsItDoesNotAllow() {
        teams();
        long problem = problemWith(2, "The app crashes when I log in " + tag);
        var i = insights.create(complete("App crashes at login", problem, "3.00", 2), "anna");
        insights.delegate(i.id(), "anna");

        assertThatThrownBy(() -> insights.move(i.id(), InsightState.RESOLVED, "olle", null))
                .isInstanceOf(InsightTransitionRefusedException.class).hasMessageContaining("from delegated to resolved");
        assertThatThrownBy(() -> insights.move(i.id(), InsightState.VERIFIED, "olle", null))
                .hasMessageContaining("effect measurement");
        insights.move(i.id(), InsightState.IN_PROGRESS, "olle", "started");
        var resolved = insights.move(i.id(), InsightState.RESOLVED, "olle", "shipped in 4.2");

        assertThat(resolved.state()).isEqualTo(InsightState.RESOLVED);
        assertThat(resolved.history().getLast().note()).isEqualTo("shipped in 4.2");
    }

    @Test
    void teamMemberMovesOwnTeamsInsight() {
        teams();
        long problem = problemWith(2, "The reminder came twice " + tag);
        var i = insights.create(complete("Reminders sent twice", problem, "3.00", 2), "anna");
        insights.delegate(i.id(), "anna"); // owner team: tag-invoicing, members anna and lars

        var started = insights.move(i.id(), InsightState.IN_PROGRESS, "lars", "started", true);

        assertThat(started.state()).isEqualTo(InsightState.IN_PROGRESS);
        assertThat(started.history().getLast().actor()).isEqualTo("lars");
        assertThat(insights.move(i.id(), InsightState.RESOLVED, "anna", "shipped", true).state())
                .isEqualTo(InsightState.RESOLVED);
    }

    @Test
    void teamMemberCannotMoveAnotherTeamsInsightAndNothingChanges() {
        teams();
        long problem = problemWith(2, "The reminder came three times " + tag);
        var i = insights.create(complete("Reminders sent three times", problem, "3.00", 2), "anna");
        insights.delegate(i.id(), "anna");
        int steps = insights.get(i.id()).history().size();

        // olle is in tag-print, not in the owner team tag-invoicing
        assertThatThrownBy(() -> insights.move(i.id(), InsightState.IN_PROGRESS, "olle", null, true))
                .isInstanceOf(OwnerTeamMembershipRequiredException.class)
                .hasMessageContaining("only members of its owner team '" + tag + "-invoicing'")
                .hasMessageContaining("'olle' is in ").hasMessageContaining(tag + "-print");
        assertThatThrownBy(() -> insights.move(i.id(), InsightState.IN_PROGRESS, "nobody-" + tag, null, true))
                .hasMessageContaining("'nobody-" + tag + "' is in no team");

        var after = insights.get(i.id());
        assertThat(after.state()).isEqualTo(InsightState.DELEGATED);
        assertThat(after.history()).hasSize(steps);
    }

    @Test
    void teamMemberCannotMoveAnInsightWithoutOwnerTeam() {
        teams();
        long problem = problemWith(2, "Nobody owns this reminder " + tag);
        var i = insights.create(draft("Nobody's yet", problem), "anna");

        assertThatThrownBy(() -> insights.move(i.id(), InsightState.ACTIONABLE, "anna", null, true))
                .isInstanceOf(OwnerTeamMembershipRequiredException.class).hasMessageContaining("no owner team yet");
        assertThat(insights.get(i.id()).state()).isEqualTo(InsightState.DRAFT);
    }

    @Test
    void analystMovesAnyTeamsInsight() {
        teams();
        long problem = problemWith(2, "The reminder came four times " + tag);
        var i = insights.create(complete("Reminders sent four times", problem, "3.00", 2), "anna");
        insights.delegate(i.id(), "anna");

        assertThat(insights.move(i.id(), InsightState.IN_PROGRESS, "someone-from-analytics", "started", false).state())
                .isEqualTo(InsightState.IN_PROGRESS);
    }

    @Test
    void aUsersTeamsAreTheTeamsThatListThemAsMember() {
        teams();
        insights.saveTeam(new Team(tag + "-returns", "merchant-services", List.of("lars")));

        // other tests' teams list lars too (one database): only this test's teams are looked at
        assertThat(insights.teamsOf("lars")).extracting(Team::name).filteredOn(n -> n.startsWith(tag + "-"))
                .containsExactly(tag + "-invoicing", tag + "-returns");
        assertThat(insights.teamsOf("olle")).extracting(Team::name).contains(tag + "-print")
                .doesNotContain(tag + "-invoicing");
        assertThat(insights.teamsOf("nobody-" + tag)).isEmpty();

        insights.saveTeam(new Team(tag + "-returns", "merchant-services", List.of())); // lars leaves returns
        assertThat(insights.teamsOf("lars")).extracting(Team::name).doesNotContain(tag + "-returns");
    }

    @Test
    void listsTheInsightsTeamsOwnAndRefusesAnUnknownTeam() {
        teams();
        long problem = problemWith(2, "Printed letters arrive late " + tag);
        var owned = insights.create(complete("Letters late", problem, "3.00", 2), "anna");
        insights.delegate(owned.id(), "anna");
        var other = insights.create(draft("Not the team's", problem), "anna");

        assertThat(insights.ownedBy(List.of(tag + "-invoicing"), java.util.Set.of())).extracting(Insight::id)
                .contains(owned.id()).doesNotContain(other.id());
        assertThat(insights.ownedBy(List.of(tag + "-invoicing", tag + "-print"), EnumSet.of(InsightState.DELEGATED)))
                .extracting(Insight::id).contains(owned.id());
        assertThat(insights.ownedBy(List.of(tag + "-invoicing"), EnumSet.of(InsightState.RESOLVED)))
                .extracting(Insight::id).doesNotContain(owned.id());
        assertThatThrownBy(() -> insights.ownedBy(List.of(tag + "-nosuch"), java.util.Set.of()))
                .isInstanceOf(UnknownTeamException.class).hasMessageContaining("no team named '" + tag + "-nosuch'");
        assertThat(insights.ownedBy(List.of(), java.util.Set.of())).isEmpty();
    }

    @Test
    void importsAFixThatShippedBeforeWithItsRealDatesAndRefusesOneResolvedInTheFuture() {
        teams();
        long problem = problemWith(2, "The portal lost my return " + tag);
        var content = complete("Returns portal", problem, "3.00", 2);
        java.time.Instant delegated = java.time.Instant.parse("2025-07-01T00:00:00Z"), shipped = java.time.Instant.parse("2025-09-01T00:00:00Z");

        var imported = insights.importResolved(content, delegated, shipped, "anna");

        assertThat(imported.state()).isEqualTo(InsightState.RESOLVED);
        assertThat(imported.history().getLast().at()).isEqualTo(shipped);
        assertThat(imported.history()).extracting(Insight.Transition::to).containsSubsequence(InsightState.DELEGATED,
                InsightState.RESOLVED);
        assertThatThrownBy(() -> insights.importResolved(content, delegated, clock.instant().plusSeconds(3600), "anna"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolved in the past");
        assertThatThrownBy(() -> insights.importResolved(draft("Half done", problem), delegated, shipped, "anna"))
                .isInstanceOf(DelegationRefusedException.class);
    }

    @Test
    void importsTeamsFromCsvAllOrNothing() {
        var teams = insights.importTeams("""
                team,area,person
                %1$s-app,mobile,kim
                %1$s-app,mobile,lina
                %1$s-legal,company,
                """.formatted(tag));
        assertThat(teams).extracting(Team::name, Team::members).containsExactly(
                org.assertj.core.groups.Tuple.tuple(tag + "-app", List.of("kim", "lina")),
                org.assertj.core.groups.Tuple.tuple(tag + "-legal", List.of()));
        assertThat(insights.isMember(tag + "-app", "lina")).isTrue();

        assertThatThrownBy(() -> insights.importTeams("""
                team,area,person
                %1$s-ops,operations,olle
                %1$s-ops,finance,eva
                Bad Team,x,y
                """.formatted(tag))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing stored")
                .hasMessageContaining("line 3: team " + tag + "-ops has area 'operations'")
                .hasMessageContaining("line 4: team name must be");
        assertThat(insights.teamExists(tag + "-ops")).isFalse();
    }

    @Test
    void refusesAnInsightAboutAProblemOrExampleThatDoesNotExist() {
        assertThatThrownBy(() -> insights.create(draft("Nothing", 987_654), "anna"))
                .isInstanceOf(ProblemNotFoundException.class).hasMessageContaining("987654");
        var unknownExample = new InsightContent("Example", List.of(), List.of(),
                List.of("5c1b7a52-0000-4000-8000-000000000001"), null, null, null, null, null, null, List.of(), List.of(), null, null);
        assertThatThrownBy(() -> insights.create(unknownExample, "anna")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exampleSignalIds: no signal with id 5c1b7a52-0000-4000-8000-000000000001");
    }

    @Test
    void countsTheLinkedProblemsComplaintsOfTheLastYearForTheImpactModel() {
        // three weeks ago: inside the 52 full weeks before this week, whenever the test runs
        String day = java.time.LocalDate.now(clock).minusWeeks(3).toString();
        long problem = problemWith(4, "The card was charged twice for one purchase " + tag, day);
        var frequency = insights.frequency(List.of(problem));
        assertThat(frequency.complaints()).isEqualTo(4);
        assertThat(frequency.perYear()).isEqualTo(4);
    }

    @Test
    void ranksOpenInsightsByValuePerEffortWeightedByTheirProblemsShareOfRecentComplaints() {
        teams();
        long common = problemWith(6, "The card payment was declined at checkout without reason " + tag);
        long rare = problemWith(1, "Exchange rate on my statement looks wrong " + tag);
        var a = insights.create(complete("Explain declines", common, "10.00", 10), "anna"); // 6 x 10.00 / 10 x p(6)
        var b = insights.create(complete("Fix exchange rates", rare, "10.00", 1), "anna");  // 1 x 10.00 / 1 x p(1)
        var unscored = insights.create(draft("Somebody should look at this", rare), "anna");

        var ranked = insights.ranked(Ranking.Scoring.VALUE).stream()
                .filter(r -> List.of(a.id(), b.id(), unscored.id()).contains(r.insight().insightId())).toList();

        assertThat(ranked).extracting(r -> r.insight().insightId()).containsExactly(a.id(), b.id(), unscored.id());
        // (60 / 10 x 6) / (10 / 1 x 1): the value comes from the measured complaints, not from a typed guess
        assertThat(ranked.get(0).score() / ranked.get(1).score()).isCloseTo(3.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ranked.get(2).missing()).contains("financial impact (value per year, more than 0)");
        assertThat(insights.ranked(Ranking.Scoring.RICE).stream().filter(r -> r.insight().insightId().equals(a.id())).findFirst()
                .orElseThrow().score()).isEqualTo(6 * 2.0 * 0.8 / 10);
        assertThat(insights.list(EnumSet.of(InsightState.DRAFT))).extracting(Insight::id).contains(a.id(), b.id(), unscored.id());
    }

    @Test
    void occurrencesDefaultToLinkedProblemsComplaintsOverTheLast52Weeks() {
        String text = "The instalment plan charged me on the wrong day " + tag;
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        long problem = problemWith(4, text, today.minusWeeks(3).toString());
        assertThat(problemWith(2, text, today.minusWeeks(30).toString())).isEqualTo(problem);
        assertThat(problemWith(5, text, today.minusWeeks(60).toString())).isEqualTo(problem); // over a year ago: not counted

        var created = insights.create(new InsightContent("Charged on the wrong day", List.of(problem), List.of(), List.of(),
                null, null, fromTheData("10.00"), null, null, null, List.of(), List.of(), null, null), "anna");

        var impact = created.content().impact();
        assertThat(impact.occurrencesPerYear()).isEqualTo(6);
        assertThat(impact.measuredOccurrencesPerYear()).isEqualTo(6);
        assertThat(impact.overridden()).isFalse();
        assertThat(impact.explain()).startsWith("6 occurrences a year (measured: complaints in the last 52 weeks)");
        var defaults = insights.impactDefaults(List.of(problem));
        assertThat(defaults.occurrencesPerYear()).isEqualTo(6);
        assertThat(defaults.recentComplaints()).isEqualTo(4);   // only the complaints of three weeks ago are recent
        assertThat(defaults.weeksWithComplaints()).isEqualTo(1);
        assertThat(defaults.explanation()).contains("6 complaints in the last 52 weeks", "complaints in 1 of the last 12 weeks");
        // a number typed equal to the measured one needs no reason, and a client's own "measured" figure is replaced
        var typedSame = insights.create(new InsightContent("Same number", List.of(problem), List.of(), List.of(), null, null,
                new ImpactModel(6L, 1.0, BigDecimal.TEN, BigDecimal.ZERO, 0, BigDecimal.ZERO, 1.0, 99_999L, null), null, null,
                null, List.of(), List.of(), null, null), "anna");
        assertThat(typedSame.content().impact().measuredOccurrencesPerYear()).isEqualTo(6);
    }

    @Test
    void overridingOccurrencesRequiresAReason() {
        teams();
        long problem = problemWith(3, "The paper invoice came after the due date " + tag);
        var content = complete("Late paper invoices", problem, "10.00", 5);
        var guess = content.withImpact(new ImpactModel(24_000, 1.0, BigDecimal.TEN, BigDecimal.ZERO, 0, BigDecimal.ZERO, 1.0));

        assertThatThrownBy(() -> insights.create(guess, "anna")).isInstanceOf(OccurrencesOverrideWithoutReasonException.class)
                .hasMessageContaining("impact.occurrencesReason is required")
                .hasMessageContaining("(24,000) differs from the linked problems' measured 3 complaints in the last 52 weeks");
        var reasonedAtCreation = insights.create(guess.withImpact(guess.impact().withOccurrences(24_000L, null,
                "phone calls are not in the complaints")), "anna");
        assertThat(reasonedAtCreation.history().getFirst().note()).isEqualTo("created; occurrences a year typed as 24,000 "
                + "instead of the measured 3 (reason: phone calls are not in the complaints)");
        var created = insights.create(content, "anna");
        assertThatThrownBy(() -> insights.update(created.id(), guess, "anna"))
                .isInstanceOf(OccurrencesOverrideWithoutReasonException.class);
        assertThat(insights.get(created.id()).content().impact().occurrencesPerYear()).isEqualTo(3);

        var reasoned = guess.withImpact(guess.impact().withOccurrences(24_000L, null,
                "most customers call instead of writing; call volume 2,000 a month"));
        var saved = insights.update(created.id(), reasoned, "lars");

        var impact = saved.content().impact();
        assertThat(impact.occurrencesPerYear()).isEqualTo(24_000);
        assertThat(impact.measuredOccurrencesPerYear()).isEqualTo(3);
        assertThat(impact.overridden()).isTrue();
        assertThat(impact.explain()).contains("24,000 occurrences a year (typed; measured 3 in the last 52 weeks; reason: most "
                + "customers call instead of writing");
        assertThat(saved.history().getLast().note()).contains("impact.occurrencesPerYear", "typed as 24,000 instead of the "
                + "measured 3", "reason: most customers call");
        // resent unchanged (a form that does not know the reason), the override keeps its reason
        assertThat(insights.update(created.id(), guess, "lars").content().impact().occurrencesReason())
                .startsWith("most customers call");
        var ranked = insights.ranked(Ranking.Scoring.VALUE).stream().filter(r -> r.insight().insightId().equals(created.id()))
                .findFirst().orElseThrow();
        assertThat(ranked.explanation().getFirst()).startsWith("Impact: 24,000 occurrences a year (typed instead of the "
                + "measured 3 complaints in the last 52 weeks; reason: most customers call");
    }

    @Test
    void probabilityAndFrequencyComeFromTheLast12WeeksNotAllTime() {
        teams();
        String text = "My account was locked after a password reset " + tag;
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        long problem = problemWith(1, text, today.minusWeeks(2).toString());
        assertThat(problemWith(30, text, today.minusWeeks(40).toString())).isEqualTo(problem);
        var i = insights.create(complete("Locked after reset", problem, "10.00", 5), "anna");

        var ranked = insights.ranked(Ranking.Scoring.VALUE).stream().filter(r -> r.insight().insightId().equals(i.id()))
                .findFirst().orElseThrow();

        var window = insights.impactDefaults(List.of(problem));
        assertThat(window.recentComplaints()).isEqualTo(1);
        assertThat(ranked.insight().probability()).isEqualTo((double) 1 / window.allRecentComplaints());
        assertThat(ranked.insight().reach()).isEqualTo(31);
        assertThat(ranked.explanation()).containsExactly(
                "Impact: 31 complaints in the last 52 weeks x 10.00 each x 100 % removed by the fix = 310 a year",
                "Effort: 5 person-days",
                String.format(java.util.Locale.ROOT, "Probability: 1 of the %,d complaints in the last 12 weeks (%.2f %%)",
                        window.allRecentComplaints(), 100.0 / window.allRecentComplaints()),
                "Frequency: complaints in 1 of the last 12 weeks");
    }

    @Test
    void aPutThatWouldDropEvidenceIsRefusedNamingItAndChangesNothing() {
        teams();
        long problem = problemWith(2, "The screenshot shows the wrong due date " + tag);
        var created = insights.create(complete("Wrong due date", problem, "10.00", 5), "anna");
        var c = created.content();
        var withoutEvidence = new InsightContent("Wrong due date on the invoice", c.problemIds(), List.of(), c.exampleSignalIds(),
                c.problemDefinition(), c.proposedSolution(), c.impact(), c.effortPersonDays(), c.ownerTeam(),
                c.responsiblePerson(), c.teamsNeeded(), c.approvalsNeeded(), c.riceImpact(), c.confidence());

        assertThatThrownBy(() -> insights.replace(created.id(), withoutEvidence, "anna"))
                .isInstanceOf(EvidenceWouldBeLostException.class)
                .hasMessageContaining("session-replay link https://replay.example.com/s/" + tag)
                .hasMessageContaining("PATCH");
        var after = insights.get(created.id());
        assertThat(after.content()).isEqualTo(c);
        assertThat(after.history()).hasSize(1);

        // the full content still replaces; removing evidence on purpose is a patch, and recorded
        assertThat(insights.replace(created.id(), c.withImpact(c.impact()), "anna").content().evidence()).hasSize(1);
        var patched = insights.patch(created.id(), current -> withoutEvidence, "anna");
        assertThat(patched.content().evidence()).isEmpty();
        assertThat(patched.history().getLast().note()).isEqualTo("edited (PATCH): title, evidence; evidence: 0 added, 1 removed");
    }

    @Test
    void contentEditsAreInTheHistoryAndTheAuditTrailByFieldNameWithoutTheirValues() {
        teams();
        long problem = problemWith(2, "Nobody answers the chat " + tag);
        var created = insights.create(complete("Chat unanswered", problem, "10.00", 5), "anna");
        var c = created.content();
        var edited = new InsightContent(c.title(), c.problemIds(), c.evidence(), c.exampleSignalIds(),
                c.problemDefinition(), "Route the chat to a person after two bot turns; ask anna.svensson@example.com.",
                c.impact().withOccurrences(null, null, null), 8.0, c.ownerTeam(), c.responsiblePerson(), c.teamsNeeded(),
                c.approvalsNeeded(), c.riceImpact(), c.confidence());

        var saved = insights.replace(created.id(), edited, "lars");

        var entry = saved.history().getLast();
        assertThat(entry.actor()).isEqualTo("lars");
        assertThat(entry.from()).isEqualTo(entry.to()).isEqualTo(InsightState.DRAFT);
        assertThat(entry.note()).isEqualTo("edited (PUT): proposedSolution, effortPersonDays");
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("insight.edited");
            assertThat(e.subject()).isEqualTo("insight " + created.id());
            assertThat(e.actor()).isEqualTo("lars");
            assertThat(e.detail()).isEqualTo("edited (PUT): proposedSolution, effortPersonDays");
        });
        // the same content again changes nothing and records nothing
        assertThat(insights.update(created.id(), saved.content(), "lars").history()).hasSameSizeAs(saved.history());
    }
}
