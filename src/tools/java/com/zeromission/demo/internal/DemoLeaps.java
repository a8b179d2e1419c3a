package com.zeromission.demo.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.zeromission.demo.DemoProblem;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.Insights;
import com.zeromission.leaps.LeapDraft;
import com.zeromission.leaps.LeapMember;
import com.zeromission.leaps.Leaps;
import com.zeromission.leaps.LogKind;
import com.zeromission.leaps.NewRecommendation;
import com.zeromission.problems.Problems;

/**
 * The demo's leap: the brief's own question, started six weeks before the demo's today and running for twelve, five
 * members from four teams, a few weeks of log, and a deliverable of three recommendations about last week's top
 * three problems, two of them completed through the quality gate and delegated (the action plan shows one still a
 * draft). Created once, after the demo's teams, insights and squads ({@link DemoInsights}); a restart finds it.
 */
@Component
@ConditionalOnProperty(name = "zeromission.demo.enabled", havingValue = "true")
class DemoLeaps {

    private static final Logger log = LoggerFactory.getLogger(DemoLeaps.class);
    private static final URI REPLAY = URI.create("https://replay.example.com/demo/leap/");

    private final Leaps leaps;
    private final Insights insights;
    private final Problems problems;

    DemoLeaps(Leaps leaps, Insights insights, Problems problems) {
        this.leaps = leaps;
        this.insights = insights;
        this.problems = problems;
    }

    /**
     * {@code found}: the problem holding most of each demo problem's signals. Each recommendation links the problem
     * it is about (invoices, reaching a person, missed payments), not whatever ranked where last week.
     */
    void create(LocalDate lastWeek, java.util.Map<DemoProblem, Long> found) {
        if (!leaps.list().isEmpty()) {
            return; // created before (or the user's own): leave them
        }
        try {
            Long invoices = found.get(DemoProblem.INVOICE_REMINDER_FEE),
                    reach = found.get(DemoProblem.CUSTOMER_SERVICE_REACH),
                    missed = found.get(DemoProblem.MISSED_PAYMENT);
            var top = java.util.stream.Stream.of(invoices, reach, missed).filter(java.util.Objects::nonNull).distinct().toList();
            LocalDate today = leaps.today(), start = today.minusWeeks(6);
            var leap = leaps.create(new LeapDraft("Complaints per million", "Why do 40 in every million purchases end in a "
                    + "complaint?", start, start.plusWeeks(12), List.of(new LeapMember("anna", "invoicing"),
                    new LeapMember("maria", "checkout"), new LeapMember("sofia", "credit-decisions"),
                    new LeapMember("nils", "customer-service"), new LeapMember("ida", "customer-service"),
                    // the demo team member, so that signing in as member shows a leap whose log they may write
                    new LeapMember("member", "invoicing")), top), "analyst");
            long id = leap.id();
            leaps.log(id, LogKind.WEEKLY_PLAN, start, "Week 1: read 200 complaints from last quarter end to end, one per "
                    + "purchase journey, and tag where each journey went wrong.", "anna");
            leaps.log(id, LogKind.STANDUP, start.plusDays(2), "Half of the complaints read so far start with an invoice the "
                    + "customer never saw; the rest split between refunds and declines.", "maria");
            leaps.log(id, LogKind.STANDUP, start.plusDays(9), "Customer service confirms: the chat bot loop turns one "
                    + "complaint into two. Pulling the transcripts for the top three problems.", "nils");
            leaps.log(id, LogKind.WEEKLY_PLAN, start.plusWeeks(2), "Weeks 3-4: size each journey's complaints per million "
                    + "purchases and draft a fix for the three biggest.", "anna");
            leaps.log(id, LogKind.RETRO, start.plusWeeks(4).minusDays(3), "Went well: reading whole journeys, not single "
                    + "tickets. To change: get the credit-decision logs earlier; we lost a week waiting.", "sofia");
            leaps.log(id, LogKind.STANDUP, today.minusDays(1), "Two recommendations are with their teams; the third needs "
                    + "an effort estimate from the app team.", "ida");
            if (invoices == null || reach == null || missed == null) {
                log.info("Demo leap {} created without recommendations: the demo problems were not all found", id);
                return;
            }
            recommend(id, invoices, "Digital invoices and a grace period", "Send digital invoices by default and give "
                    + "invoices issued in the last week of a month a fourteen-day grace period before any reminder.",
                    "invoicing", "lars", true);
            recommend(id, reach, "A person after two bot turns", "Offer 'talk to a person' "
                    + "after two unanswered chat bot turns and route it to the customer-service queue with the context.",
                    "customer-service", "nils", true);
            recommend(id, missed, "Reminders before the due date", "Send a reminder e-mail "
                    + "and an app notification three days before the due date, with a one-tap way to pay or postpone.",
                    "app", "kim", false);
            log.info("Demo leap {}: {} members, {} log entries, action plan of {} recommendations", id,
                    leap.members().size(), leaps.get(id).log().size(), leaps.actionPlan(id).items().size());
        } catch (RuntimeException e) {
            log.warn("Demo leap could not be created: {}", e.getMessage());
        }
    }

    /** A recommendation of the leap's; a delegated one first gets everything the quality gate asks for. */
    private void recommend(long leap, long problem, String title, String text, String team, String person, boolean delegate) {
        var r = leaps.recommend(leap, new NewRecommendation(title, text, team, person, List.of(problem)), "analyst");
        if (!delegate) {
            return;
        }
        var c = insights.get(InsightId.of(r.insightId())).content();
        insights.update(InsightId.of(r.insightId()), new InsightContent(c.title(), c.problemIds(),
                List.of(new Evidence.ReplayLink(REPLAY.resolve(String.valueOf(leap)))), List.of(),
                "The leap read whole purchase journeys: customers complain when this goes wrong after the purchase, and "
                        + "it is among last week's top problems by complaints per million purchases.",
                c.proposedSolution(), new ImpactModel(null, 1.4, new BigDecimal("6.50"), BigDecimal.ZERO, 0.03,
                        new BigDecimal("35.00"), 0.6, null, null), 8.0, c.ownerTeam(), c.responsiblePerson(), c.teamsNeeded(), List.of(),
                2.0, 0.8), "analyst");
        insights.delegate(InsightId.of(r.insightId()), "analyst");
    }
}
