package com.zeromission.demo.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.zeromission.cadence.Cadence;
import com.zeromission.cadence.SquadChange;
import com.zeromission.callbacks.CallEntry;
import com.zeromission.callbacks.CallOutcome;
import com.zeromission.callbacks.Callbacks;
import com.zeromission.demo.DemoDataGenerator;
import com.zeromission.demo.DemoProblem;
import com.zeromission.demo.DemoSettings;
import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Insights;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.SignalId;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.problems.Problem;
import com.zeromission.problems.ProblemId;
import com.zeromission.problems.Problems;
import com.zeromission.problems.ProblemsGrouped;
import com.zeromission.replay.Replays;
import com.zeromission.replay.TimelineEntry;

/**
 * The demo's teams and insights, written as the success team would about the brief's real problems, once grouping
 * has found the problems (after the first catch-up). Each insight is linked to the problem that holds most of its
 * demo problem's signals: the loader's signals are submitted again (intake answers a retry with the stored signal,
 * changing nothing) and looked up in the grouping. One insight is left incomplete, so that delegating it is refused;
 * one needs many teams and approvals for a small fix, so that the organisation report has something to show. Then
 * the weekly cadence forms last Monday's and this Monday's squads (see {@link #squads}), and the demo's leap is set up
 * ({@link DemoLeaps}).
 */
@Component
@ConditionalOnProperty(name = "zeromission.demo.enabled", havingValue = "true")
class DemoInsights {

    private static final Logger log = LoggerFactory.getLogger(DemoInsights.class);
    private static final URI REPLAY = URI.create("https://replay.example.com/demo/");

    private final Insights insights;
    private final Cadence cadence;
    private final Problems problems;
    private final IntakeService intake;
    private final DemoProperties properties;
    private final DemoLeaps leaps;
    private final Clock clock;
    private volatile boolean done;

    private final Callbacks callbacks;
    private final Replays replays;

    DemoInsights(Insights insights, Cadence cadence, Problems problems, IntakeService intake,
            DemoProperties properties, DemoLeaps leaps, Clock clock, Callbacks callbacks, Replays replays) {
        this.callbacks = callbacks;
        this.replays = replays;
        this.insights = insights;
        this.cadence = cadence;
        this.problems = problems;
        this.intake = intake;
        this.properties = properties;
        this.leaps = leaps;
        this.clock = clock;
    }

    @EventListener
    void on(ProblemsGrouped event) {
        if (done || event.waiting() > 0) {
            return;
        }
        done = true;
        if (insights.list(EnumSet.noneOf(InsightState.class)).isEmpty()) {
            try {
                create();
            } catch (RuntimeException e) {
                log.warn("Demo insights could not be created: {}", e.getMessage());
            }
        } // else created before (or the user's own): leave them
        squads();
        leaps.create(cadence.lastWeek(), problemsOf()); // after the squads: the leap's insights own their problems from now on
        callbacks();
    }

    /**
     * Last week's call list, built as an analyst would on Monday, with the first few calls made: two customers
     * reached (one note says a phone number, to show it masked), one no answer, one declined, one wrong contact; the
     * first reached call's note becomes evidence on a draft insight about its problem (this Monday's squad's, when
     * there is one). Only on a list nobody called from yet, so a restart changes nothing.
     */
    void callbacks() {
        try {
            var list = callbacks.build(callbacks.lastWeek(), "analyst");
            if (list.entries().isEmpty() || list.called() > 0) {
                log.info("Demo call list for {}: {} customers, {} called before", list.weekLabel(), list.entries().size(),
                        list.called());
                return;
            }
            var entries = list.entries();
            String[][] calls = {
                    {"REACHED", "Reached the customer. She told the whole story again and had to call twice before "
                            + "anybody understood it. Asked us to call back on 070-123 45 67 when it is fixed."},
                    {"NO_ANSWER", "No answer, left no message."},
                    {"REACHED", "Reached. He did not know the invoice could be paid in the app; would have paid on time."},
                    {"DECLINED", "Did not want to talk about it."},
                    {"WRONG_CONTACT", "The number in the source system belongs to somebody else."}};
            CallEntry firstReached = null;
            for (int i = 0; i < Math.min(calls.length, entries.size()); i++) {
                var call = callbacks.record(entries.get(i).id(), CallOutcome.valueOf(calls[i][0]),
                        calls[i][1], i % 2 == 0 ? "ida" : "nils");
                if (firstReached == null && call.outcome() == CallOutcome.REACHED) {
                    firstReached = call;
                }
            }
            if (firstReached != null) {
                long problem = firstReached.problemId();
                var drafts = insights.list(EnumSet.of(InsightState.DRAFT, InsightState.ACTIONABLE));
                // only an insight about the same problem: a call note is evidence for that problem, no other
                var target = drafts.stream().filter(d -> d.content().problemIds().contains(problem)).findFirst();
                if (target.isPresent()) {
                    callbacks.attachToInsight(firstReached.id(), target.get().id().value(), "analyst");
                }
            }
            log.info("Demo call list for {}: {} customers, {} called", list.weekLabel(), entries.size(),
                    Math.min(calls.length, entries.size()));
        } catch (RuntimeException e) {
            log.warn("Demo call-backs could not be made: {}", e.getMessage());
        }
    }

    /**
     * The weekly cadence on the demo data, after the insights (which own some of the top problems already): last
     * Monday's squads, so that the weekly review of last week has squads that worked in it, and this Monday's from
     * last week's ranking. Forming a week is idempotent, so a restart changes nothing. Each squad that has no members
     * yet gets the member who can sign in of the team its problem belongs to ({@link #teamOf}), so that team's
     * login sees it under "My team" and may close it.
     */
    void squads() {
        try {
            LocalDate thisWeek = cadence.thisWeek();
            for (LocalDate week : List.of(thisWeek.minusWeeks(1), thisWeek)) {
                var formation = cadence.form(week, "analyst");
                log.info("Demo squads for the week of {}: {}", week, formation.squads().size());
            }
            var current = cadence.squads(thisWeek);
            var squads = new java.util.ArrayList<>(cadence.squads(thisWeek.minusWeeks(1)));
            squads.addAll(current);
            for (var squad : squads) {
                if (!squad.active() || !squad.members().isEmpty()) {
                    continue;
                }
                var members = new java.util.ArrayList<String>();
                String team = teamOf(squad.problemId(), squad.problemWeek());
                if (team != null) {
                    members.add(DemoTeams.login(team));
                }
                // The demo user member is on this week's first two squads, not on the others: they may close those
                // two and are refused the rest (only a squad's lead and members close it, docs/cadence.md).
                int index = current.indexOf(squad);
                if (index >= 0 && index < 2) {
                    members.add("member");
                }
                if (!members.isEmpty()) {
                    cadence.update(squad.id(), new SquadChange(null, members, null, null), "analyst");
                    log.info("Demo squad {} ({}): members {}", squad.id(), team == null ? "no team found" : team, members);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Demo squads could not be formed: {}", e.getMessage());
        }
    }

    /**
     * The demo team a problem belongs to: the owner of the demo problem most of its signals of {@code week} were
     * generated for. The signals are looked up by their source ids in that week's generated data (a day's data never
     * depends on the rest of the period, so the week alone is generated). Null when none of them is a demo signal.
     */
    String teamOf(long problemId, LocalDate week) {
        var truth = new HashMap<String, DemoProblem>();
        new DemoDataGenerator(new DemoSettings(properties.seed(), week, week.plusDays(6), properties.scale())).signals()
                .forEach(s -> truth.put(s.raw().sourceId(), s.problem()));
        var votes = new EnumMap<DemoProblem, Integer>(DemoProblem.class);
        for (var id : problems.signalsInWeek(ProblemId.of(problemId), week, 40)) {
            intake.find(new SignalId(id))
                    .filter(sig -> DemoDataGenerator.SOURCE.equals(sig.source()))
                    .map(sig -> truth.get(sig.sourceId())).ifPresent(p -> votes.merge(p, 1, Integer::sum));
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> DemoTeams.OWNER.get(e.getKey()))
                .orElse(null);
    }

    /** The problem holding most of each demo problem's signals, from the first signals of each. */
    Map<DemoProblem, Long> problemsOf() {
        var settings = new DemoSettings(properties.seed(), properties.from(), LocalDate.now(clock).minusDays(1), properties.scale());
        var votes = new EnumMap<DemoProblem, Map<Long, Integer>>(DemoProblem.class);
        var seen = new EnumMap<DemoProblem, Integer>(DemoProblem.class);
        var it = new DemoDataGenerator(settings).signals().iterator();
        int read = 0;
        while (it.hasNext() && seen.size() < DemoProblem.values().length && read++ < 50_000) {
            var s = it.next();
            if (seen.merge(s.problem(), 1, Integer::sum) > 40) {
                continue;
            }
            if (intake.accept(SignalSubmission.parse(s.raw(), clock)) instanceof IntakeOutcome.Replayed r) {
                problems.problemOf(r.signal().id().toString()).ifPresent(p ->
                        votes.computeIfAbsent(s.problem(), k -> new HashMap<>()).merge(p.id(), 1, Integer::sum));
            }
        }
        var result = new EnumMap<DemoProblem, Long>(DemoProblem.class);
        votes.forEach((problem, counts) -> counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .ifPresent(e -> result.put(problem, e.getKey())));
        return result;
    }

    void create() {
        var found = problemsOf();
        for (var t : DemoTeams.TEAMS) {
            insights.saveTeam(t);
        }
        insight(found, DemoProblem.INVOICE_REMINDER_FEE, "Paper invoices late after new year, then a reminder fee",
                "In the first weeks of January paper invoices arrive after their due date because of postal delays, so "
                        + "customers who never saw the invoice pay a reminder fee and complain.",
                "Send digital invoices by default and give every invoice issued in late December a fourteen-day grace period "
                        + "before any reminder.",
                measured(1.4, new BigDecimal("6.50"), new BigDecimal("5.00"), 0.03, new BigDecimal("35.00"), 0.7),
                6.0, "invoicing", "anna", List.of("invoicing", "print"), List.of("legal"), true, "analyst");
        insight(found, DemoProblem.REFUND_FRICTION, "Refunds wait for the merchant while the invoice runs on",
                "Customers return goods and wait weeks for the refund, while the invoice for the returned goods stays due "
                        + "and reminders keep coming.",
                "Pause the invoice as soon as the carrier scans the return, and refund without waiting for the merchant.",
                measured(1.8, new BigDecimal("6.50"), BigDecimal.ZERO, 0.05, new BigDecimal("35.00"), 0.6),
                15.0, "returns", "jonas", List.of("returns", "invoicing"), List.of(), true, "analyst");
        insight(found, DemoProblem.MISSED_PAYMENT, "Missed payments end in late fees and debt collection",
                "Customers who miss one payment by a few days get late fees and, weeks later, a debt collection letter they "
                        + "did not see coming.",
                "Offer scheduled payments, send a reminder e-mail three days before the due date and retry the card charge "
                        + "once before any fee.",
                measured(1.2, new BigDecimal("6.50"), new BigDecimal("8.00"), 0.04, new BigDecimal("35.00"), 0.5),
                20.0, "collections", "eva", List.of("collections", "app", "customer-service"), List.of("legal"), false, null);
        insight(found, DemoProblem.CUSTOMER_SERVICE_REACH, "The chat bot loops and nobody can be reached",
                "Customers looking for help end in a chat bot loop without a way to reach a person, and then complain about "
                        + "the original problem and about customer service.",
                "Add a 'talk to a person' step after two unanswered bot turns, and route it to the customer-service queue.",
                measured(2.0, new BigDecimal("6.50"), BigDecimal.ZERO, 0.02, new BigDecimal("35.00"), 0.5),
                3.0, "customer-service", "nils", List.of("customer-service", "app", "checkout", "legal", "credit-decisions"),
                List.of("security board", "brand", "legal"), false, null);
        insight(found, DemoProblem.CREDIT_DECLINE_UNCLEAR, "Declined without a reason", "TBD", null, null, null,
                null, null, List.of(), List.of(), false, null);
        shipped(found);
        cardPayments();
        log.info("Demo insights: {} created with {} teams (one incomplete, to show a refused delegation)",
                insights.list(EnumSet.noneOf(InsightState.class)).size(), DemoTeams.TEAMS.size());
    }

    /**
     * A draft insight about the demo checkout's failing card payments, from the demo's recorded sessions
     * ({@link DemoReplayLoader}): linked to the problem their feedback-form messages were grouped into, with the moment
     * of the newest session where the customer sees the error as its evidence (a replay moment: the insight's page
     * opens the player there). Skipped when there is no such session or problem. The replay expires 30 days after it
     * was stored; the insight keeps the moment, as any insight does when its replay is gone.
     */
    private void cardPayments() {
        try {
            var days = DemoReplayLoader.days(LocalDate.now(clock));
            for (int i = days.size() - 1; i >= 0; i--) {
                var id = DemoReplayLoader.replayId(properties.seed(), days.get(i));
                if (!replays.exists(id)) {
                    continue;
                }
                var summary = replays.summary(id);
                var error = summary.timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.ERROR).findFirst();
                var problem = summary.signals().isEmpty() ? Optional.<Problem>empty()
                        : problems.problemOf(summary.signals().getFirst().toString());
                if (error.isEmpty() || problem.isEmpty()) {
                    return;
                }
                insights.create(new InsightContent("Card payments fail at the checkout without a reason",
                        List.of(problem.get().id()), List.of(new Evidence.ReplayMoment(id.value().toString(),
                                error.get().atMillis())), List.of(),
                        "Customers paying by card at the checkout get \"could not be completed\" with no reason, try "
                                + "again several times and then give up or write to us.",
                        "Say why a card payment failed (declined by the bank, 3-D Secure not completed, a timeout) and "
                                + "offer invoice in the same step.",
                        measured(1.1, new BigDecimal("6.50"), BigDecimal.ZERO, 0.1, new BigDecimal("35.00"), 0.6),
                        8.0, "checkout", "maria", List.of("checkout"), List.of(), 2.0, 0.8), "analyst");
                return;
            }
        } catch (RuntimeException e) {
            log.warn("Demo insight about card payments could not be created: {}", e.getMessage());
        }
    }

    /**
     * Fixes that shipped before the product tracked them (the demo data's milestones: the returns portal in
     * September 2025, automatic charge retries in February 2026, decline reasons at checkout in March 2026), moved
     * over with their real dates and then measured, as the nightly effect measurement would: the yearly report's
     * initiatives. Whether each is verified is the measurement's verdict on the data, not set here.
     */
    private void shipped(Map<DemoProblem, Long> found) {
        record Fix(Milestone milestone, DemoProblem problem, String title, String definition, String solution, String owner,
                String person) {
        }
        var fixes = List.of(
                new Fix(Milestone.RETURNS_PORTAL, DemoProblem.REFUND_FRICTION, "Returns portal: start a return and pause the invoice online",
                        "Customers returning goods had no way to tell us, so the invoice kept running and reminders came.",
                        "A returns portal where the customer registers the return; the invoice pauses at once.", "returns", "jonas"),
                new Fix(Milestone.CHARGE_RETRY, DemoProblem.MISSED_PAYMENT, "Retry a failed instalment charge before it counts as missed",
                        "A card charge that fails once (a full account on payday eve) became a missed payment with a late fee.",
                        "Retry the charge automatically after two days before anything counts as missed.", "collections", "eva"),
                new Fix(Milestone.DECLINE_REASONS, DemoProblem.CREDIT_DECLINE_UNCLEAR, "Checkout explains a declined credit purchase",
                        "Customers declined at checkout did not know why, nor what their limit was, and complained.",
                        "Show the reason for a decline and the current limit at checkout.", "credit-decisions", "sofia"));
        for (Fix f : fixes) {
            Long problem = found.get(f.problem());
            if (problem == null) {
                continue;
            }
            try {
                var content = new InsightContent(f.title(), List.of(problem),
                        List.of(new Evidence.ReplayLink(REPLAY.resolve(f.problem().key() + "-fix"))), List.of(), f.definition(),
                        f.solution(), measured(1.3, new BigDecimal("6.50"), BigDecimal.ZERO, 0.02,
                                new BigDecimal("35.00"), 0.5), 10.0, f.owner(), f.person(), List.of(f.owner()), List.of(), 2.0, 0.8);
                java.time.Instant shipped = f.milestone().date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                var imported = insights.importResolved(content, shipped.minus(java.time.Duration.ofDays(42)), shipped, "analyst");
                var measured = insights.measure(imported.id(), "effect-measurement");
                log.info("Demo fix '{}' shipped {}: {}", f.title(), f.milestone().date(), measured.outcome());
            } catch (RuntimeException e) {
                log.warn("Demo fix '{}' could not be recorded: {}", f.title(), e.getMessage());
            }
        }
    }

    /**
     * An impact model whose occurrences a year are left to the data: the insight takes the linked problem's measured
     * complaints in the last 52 weeks (issue 16: the demo once assumed 24,000 a year for a problem with 81).
     */
    private static ImpactModel measured(double contacts, BigDecimal contactCost, BigDecimal fees, double lostShare,
            BigDecimal lostValue, double shareRemoved) {
        return new ImpactModel(null, contacts, contactCost, fees, lostShare, lostValue, shareRemoved, null, null);
    }

    private void insight(Map<DemoProblem, Long> found, DemoProblem problem, String title, String definition, String solution,
            ImpactModel impact, Double effort, String owner, String person, List<String> teams, List<String> approvals,
            boolean delegate, String by) {
        Long id = found.get(problem);
        var content = new InsightContent(title, id == null ? List.of() : List.of(id),
                solution == null ? List.of() : List.of(new Evidence.ReplayLink(REPLAY.resolve(problem.key()))), List.of(),
                definition, solution, impact, effort, owner, person, teams, approvals, impact == null ? null : 2.0,
                impact == null ? null : 0.8);
        var insight = insights.create(content, "analyst");
        if (delegate) {
            insights.delegate(insight.id(), by);
        }
    }
}
